/** The name of a partnership's export file, the same whether the server or the app names it. */
import type { PartnershipKind } from '../domain.ts';

/** Lower-case ASCII words joined by hyphens; accents dropped, apostrophes closing up a word. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const MAX_NAMES = 60;

/** E.g. `collegial-ana-ruiz-ben-okafor-2026-03-04.md`, dated by the day (UTC) of the export. */
export function exportFileName(
  p: { kind: PartnershipKind; members: readonly { name: string }[] },
  extension: 'md' | 'json',
  at: Date | string,
): string {
  const names = fileSlug(p.members.map((m) => m.name).join(' '))
    .slice(0, MAX_NAMES)
    .replace(/-+$/, '');
  const day = (typeof at === 'string' ? new Date(at) : at).toISOString().slice(0, 10);
  return `${p.kind}-${names || 'partnership'}-${day}.${extension}`;
}
