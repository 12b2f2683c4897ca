/**
 * What the catalogs tests hold every translation to, read from a message's parse (the tokens of
 * Lingui's `compileMessage`, which each part's tests call): the shape a translation must keep, and
 * the counts a message shows raw.
 */

/** A parsed ICU message: text, or an argument `[name, type?, format?]` (a plural's branches in format). */
export type MessageToken = string | [string, string?, unknown?];

function walk(tokens: readonly MessageToken[], visit: (token: MessageToken) => void): void {
  for (const token of tokens) {
    visit(token);
    if (typeof token === 'string') continue;
    const [, , format] = token;
    if (!format || typeof format !== 'object') continue;
    for (const branch of Object.values(format as Record<string, unknown>)) {
      if (Array.isArray(branch)) walk(branch as MessageToken[], visit);
    }
  }
}

/**
 * The parts a translation keeps: argument names (a select's keys too; a plural's differ by language:
 * Arabic has six forms, Chinese one), `#`, and markup (`<0>…</0>`).
 */
export function messageShape(tokens: readonly MessageToken[]): string[] {
  const found = new Set<string>();
  walk(tokens, (token) => {
    if (typeof token === 'string') {
      for (const tag of token.match(/<\/?\d+\/?>/g) ?? []) found.add(tag);
      if (token === '#') found.add('#');
      return;
    }
    const [name, type, format] = token;
    const keys = type === 'select' && format && typeof format === 'object' ? Object.keys(format).sort() : null;
    found.add(keys ? `${name}:${keys.join('|')}` : name);
  });
  return [...found].sort();
}

/** An argument named as a count (`count`, `n`, `total`, `clipCount`…). */
const COUNT_NAME = /^(n|count|total|number)$|(Count|Total|Number)$/;

/**
 * The counts a message writes as bare text (`{count} clips`): in Latin digits whatever the
 * language, and with no plural for the words around it. A count belongs in a `plural` (its `#`)
 * or a `{count, number}`.
 */
export function rawCounts(tokens: readonly MessageToken[]): string[] {
  const raw = new Set<string>();
  walk(tokens, (token) => {
    if (typeof token !== 'string' && token.length === 1 && COUNT_NAME.test(token[0])) raw.add(token[0]);
  });
  return [...raw].sort();
}
