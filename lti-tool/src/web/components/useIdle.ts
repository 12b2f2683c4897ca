import { useEffect, useState } from 'react';

/**
 * False until the browser has been idle once after `ready` (the screen's content is there): parts
 * that are not the first screen's content (dialogs' forms) start loading then, not while the
 * screen is being put up.
 */
export function useIdle(ready = true): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready) return;
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => setIdle(true), { timeout: 1_000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => setIdle(true), 200);
    return () => window.clearTimeout(id);
  }, [ready]);
  return idle;
}
