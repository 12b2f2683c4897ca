/**
 * Whether the launch still holds. An ltik lasts for a while after the launch; once the tool
 * answers 401 the only way back is to open the tool again from the course, and the app says so.
 */
import { useSyncExternalStore } from 'react';

let ended = false;
const listeners = new Set<() => void>();

export function endSession(): void {
  if (ended) return;
  ended = true;
  for (const l of listeners) l();
}

export function useSessionEnded(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => ended,
    () => ended,
  );
}
