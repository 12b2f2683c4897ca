/**
 * Short notices at the bottom of the frame, with "Undo" where a mistake is cheap to take back.
 * A notice can carry `onExpire`, the change it stands for, sent only once the undo window has
 * passed (for changes the API cannot reverse, such as marking a clip reviewed or deleting it).
 * Pending changes are sent at once if the frame is closed, so nothing is silently dropped.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

export interface Notice {
  message: string;
  /** Takes the change back; the notice closes. */
  undo?: () => void;
  /** Runs when the notice closes without undo. */
  onExpire?: () => void;
}

type Shown = Notice & { id: number };

const UNDO_WINDOW_MS = 7_000;
const ToastContext = createContext<(n: Notice) => void>(() => {});

export function useNotify(): (n: Notice) => void {
  return useContext(ToastContext);
}

export function Toaster({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Shown[]>([]);
  const pending = useRef(new Map<number, Shown>());
  const nextId = useRef(1);

  const close = useCallback((id: number, how: 'expire' | 'undo' | 'dismiss') => {
    const n = pending.current.get(id);
    if (!n) return;
    pending.current.delete(id);
    setNotices((list) => list.filter((x) => x.id !== id));
    if (how === 'undo') n.undo?.();
    else n.onExpire?.();
  }, []);

  const notify = useCallback((n: Notice) => {
    const shown = { ...n, id: nextId.current++ };
    pending.current.set(shown.id, shown);
    setNotices((list) => [...list.slice(-2), shown]);
  }, []);

  useEffect(() => {
    const flush = () => {
      for (const id of [...pending.current.keys()]) close(id, 'expire');
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [close]);

  return (
    <ToastContext.Provider value={notify}>
      {children}
      <section className="toaster" aria-label={t`Notifications`}>
        {/* The live region wraps the list: a role on the <ol> itself would take away its list semantics. */}
        <div role="status" aria-live="polite" aria-relevant="additions">
          <ol>
            {notices.map((n) => (
              <Toast key={n.id} notice={n} close={close} />
            ))}
          </ol>
        </div>
      </section>
    </ToastContext.Provider>
  );
}

/** Pauses while hovered or focused, so there is time to reach "Undo". */
function Toast({ notice, close }: { notice: Shown; close: (id: number, how: 'expire' | 'undo' | 'dismiss') => void }) {
  const [paused, setPaused] = useState(false);
  const { id } = notice;
  useEffect(() => {
    if (paused) return;
    const t = window.setTimeout(() => close(id, 'expire'), UNDO_WINDOW_MS);
    return () => window.clearTimeout(t);
  }, [paused, close, id]);
  return (
    <li
      className="toast"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span>{notice.message}</span>
      {notice.undo && (
        <Button className="toast-undo" onPress={() => close(id, 'undo')}>
          <Trans>Undo</Trans>
        </Button>
      )}
      <Button className="toast-close" aria-label={t`Dismiss`} onPress={() => close(id, 'dismiss')}>
        ×
      </Button>
    </li>
  );
}
