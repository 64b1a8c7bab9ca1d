// The signed-in user, shared through context.
import { createContext, useContext } from 'react';
import type { User } from './types';

export interface AuthState {
  user: User;
  /** Permissions the user holds somewhere in the tree (the server checks the organisation). */
  permissions: string[];
  /** Re-read the session from GET /auth/me (e.g. after a password change). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthContext');
  return state;
}

/** True when the user holds the permission on some organisation (the server still checks each request). */
export function useCan(): (permission: string) => boolean {
  const { permissions } = useAuth();
  return (permission: string) => permissions.includes(permission);
}
