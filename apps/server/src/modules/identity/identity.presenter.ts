import type { Me } from '@haven/contract';
import type { UserRow } from './identity.repository.ts';

export function presentMe(user: UserRow): Me {
  return {
    id: user.id,
    email: user.email,
    preferredName: user.preferred_name,
    role: user.role,
    createdAt: user.created_at.toISOString(),
  };
}
