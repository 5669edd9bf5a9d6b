import type { Schema } from '@chorus/sdk';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type User = Schema<'User'>;

export interface SessionValue {
  user: User;
  signOut: () => Promise<void>;
  /** Shows a changed profile (display name, handle) everywhere at once. */
  setUser?: (user: User) => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in person (pages are only shown signed in). */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a session');
  return value;
}

export function hasRole(user: User, role: User['roles'][number]): boolean {
  return user.roles.includes(role);
}
