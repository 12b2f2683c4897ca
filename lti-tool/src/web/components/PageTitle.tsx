import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from '../app/useRoute.ts';

/**
 * The screen's heading. It takes focus when the screen changes, so keyboard and screen-reader
 * users start reading at the top of the new screen rather than at the link they pressed.
 */
export function PageTitle({
  children,
  kicker,
  actions,
}: {
  children: ReactNode;
  kicker?: ReactNode;
  actions?: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <div className="page-title">
      <div>
        {kicker && <p className="kicker">{kicker}</p>}
        <h1 ref={ref} tabIndex={-1}>
          {children}
        </h1>
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
