/**
 * A passage as the reader clipped it, cut to a glance: in the quotation marks of the page's
 * language (`<q>`), its words isolated in their own direction (an English reading quoted in an
 * Arabic side panel stays left to right, and the marks stay where Arabic puts them).
 */
import { excerpt } from '@/lib/format';

export function Quote({ text, max, className }: { text: string; max?: number; className?: string }) {
  return (
    <q className={className}>
      <bdi>{excerpt(text, max)}</bdi>
    </q>
  );
}
