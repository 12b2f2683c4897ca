/** Saves text as a file. The export needs the bearer token, so it is fetched first and saved from memory. */
export function saveTextFile(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name people recognise later: `mentoring-ana-ruiz-ben-okafor-2026-03-04.md`. */
export function exportFileName(names: readonly string[], ext: 'md' | 'json', today = new Date()): string {
  const slug = names
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const day = today.toISOString().slice(0, 10);
  return `mentoring-${slug || 'partnership'}-${day}.${ext}`;
}
