/** A `.po` catalog (as `lingui extract` writes it) read with `pofile`, the parser Lingui itself uses: msgid → msgstr. */
import PO from 'pofile';

export function readPo(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const item of PO.parse(text).items) if (item.msgid) entries.set(item.msgid, item.msgstr[0] ?? '');
  return entries;
}
