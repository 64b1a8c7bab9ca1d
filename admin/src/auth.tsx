// The signed-in user, shared through context.
import { createContext, useContext } from 'react';
import type { User } from './types';

export interface AuthState {
  user: User;
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
