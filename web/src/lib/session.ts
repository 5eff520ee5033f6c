import { useSyncExternalStore } from 'react';

/** Who is signed in, and the Basic credentials its writes carry. Held only in this page's memory. */
export interface Session {
  user: string;
  /** The `Authorization` header value; never stored, logged or sent with a read. */
  authorization: string;
}

let current: Session | null = null;
const listeners = new Set<() => void>();

/** Signs in for this page only: a reload or closing the tab signs out (nothing is stored). */
export function setSession(session: Session | null): void {
  current = session;
  for (const listener of listeners) listener();
}

/** The current session, re-rendering on sign-in and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => current,
  );
}

/** HTTP Basic credentials as a header value (UTF-8, as the register reads them). */
export function basicAuthorization(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
