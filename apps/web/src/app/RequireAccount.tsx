import type { Me, Role } from '@haven/contract';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '../api/client.ts';
import { useMfaStatus } from '../api/mfa.ts';
import { LoadFailed } from '../pages/LoadFailed.tsx';
import { Spinner } from '../ui/index.ts';

type RequireAccountProps = {
  /** Who may see the page; anyone signed in when left out. */
  role?: Role;
  /** The settings page itself: reachable before two-step sign-in is set up. */
  beforeMfa?: boolean;
  children: (user: Me) => ReactNode;
};

/** Shows its page to the right account; sends others to sign in, or to their own home. */
export function RequireAccount({ role, beforeMfa = false, children }: RequireAccountProps) {
  const me = useMe();
  // Providers and admins for whom two-step sign-in is required set it up before anything else.
  const gated = Boolean(me.data && me.data.role !== 'client' && !beforeMfa);
  const mfa = useMfaStatus(gated);
  if (me.data === null) return <Navigate to="/sign-in" replace />;
  // The status may be cached from another page: the settings page itself is never sent to itself.
  if (gated && mfa.data?.required && !mfa.data.enabled) return <Navigate to="/settings" replace />;
  if (me.data) return role && me.data.role !== role ? <Navigate to="/home" replace /> : children(me.data);
  if (me.isError) return <LoadFailed failure={me.error} onRetry={() => void me.refetch()} />;
  return <Spinner />;
}
