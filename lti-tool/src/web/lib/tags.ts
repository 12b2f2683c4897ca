/** Tags typed as one line, separated by commas: trimmed, without repeats (ignoring case). */
export function parseTags(line: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of line.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const k = tag.toLowerCase();
    if (tag && !seen.has(k)) {
      seen.add(k);
      out.push(tag);
    }
  }
  return out;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
