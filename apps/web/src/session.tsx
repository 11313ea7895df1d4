import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { User } from './api/types.ts';

/** `undefined` while the first `GET /api/me` is in flight, `null` when nobody is signed in. */
export interface Session {
  user: User | null | undefined;
  setUser: (user: User | null) => void;
}

export const SessionContext = createContext<Session>({ user: undefined, setUser: () => undefined });

export function useSession(): Session {
  return useContext(SessionContext);
}
