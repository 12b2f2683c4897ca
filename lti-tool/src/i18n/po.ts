/** A `.po` catalog as `lingui extract` writes it (one line per msgid and msgstr): msgid → msgstr. */
export function readPo(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const m of text.matchAll(/^msgid ("(?:[^"\\]|\\.)*")\nmsgstr ("(?:[^"\\]|\\.)*")$/gm)) {
    const id = JSON.parse(m[1]!) as string;
    if (id) entries.set(id, JSON.parse(m[2]!) as string);
  }
  return entries;
}
