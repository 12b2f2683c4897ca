import type { ReactNode } from 'react';

/**
 * The scrolling box around a table that can be wider than the LMS frame. It takes focus (and has a
 * name) so that keyboard users can scroll it with the arrow keys too.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
