import type { Me, Role } from '@haven/contract';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '../api/client.ts';
import { LoadFailed } from '../pages/LoadFailed.tsx';
import { Spinner } from '../ui/index.ts';

type RequireAccountProps = {
  /** Who may see the page; anyone signed in when left out. */
  role?: Role;
  children: (user: Me) => ReactNode;
};

/** Shows its page to the right account; sends others to sign in, or to their own home. */
export function RequireAccount({ role, children }: RequireAccountProps) {
  const me = useMe();
  if (me.data === null) return <Navigate to="/sign-in" replace />;
  if (me.data) return role && me.data.role !== role ? <Navigate to="/home" replace /> : children(me.data);
  if (me.isError) return <LoadFailed failure={me.error} onRetry={() => void me.refetch()} />;
  return <Spinner />;
}
