import { useEffect, type RefObject } from 'react';

/**
 * Slides a one-line row of tabs (narrow frames) so the chosen tab shows. It scrolls the row itself,
 * never with scrollIntoView, which would also scroll the LMS page around the frame.
 */
export function useSelectedTabInView(list: RefObject<HTMLElement | null>, selected: string) {
  useEffect(() => {
    const row = list.current;
    const tab = row?.querySelector<HTMLElement>('[role=tab][aria-selected=true]');
    if (!row || !tab) return;
    const left = tab.offsetLeft - row.offsetLeft;
    if (left < row.scrollLeft || left + tab.offsetWidth > row.scrollLeft + row.clientWidth)
      row.scrollLeft = Math.max(0, left - 16);
  }, [list, selected]);
}
