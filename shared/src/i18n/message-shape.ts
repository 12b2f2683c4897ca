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

/**
 * The forms a language's plurals must each name, beyond what falling back to `other` says right:
 * Arabic's one, two, few (3–10) and many (11–99) (its zero reads right as `other`: "٠ مقتطف");
 * French and Spanish one and other; Chinese only other.
 */
export const PLURAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  en: ['one', 'other'],
  es: ['one', 'other'],
  fr: ['one', 'other'],
  ar: ['one', 'two', 'few', 'many', 'other'],
  zh: ['other'],
};

/** The forms a message's plurals leave out of those given (`n: two, few`). */
export function missingPluralForms(tokens: readonly MessageToken[], forms: readonly string[]): string[] {
  const missing: string[] = [];
  walk(tokens, (token) => {
    if (typeof token === 'string' || token[1] !== 'plural') return;
    const branches = (token[2] ?? {}) as Record<string, unknown>;
    const left = forms.filter((form) => !(form in branches));
    if (left.length) missing.push(`${token[0]}: ${left.join(', ')}`);
  });
  return missing;
}

/** What is wrong with a language's catalog against its English source, each as `id → translation`. */
export interface TranslationProblems {
  /** Messages the catalog lacks or leaves empty. */
  missing: string[];
  /** Translations whose arguments, select keys, `#` or markup differ from the English. */
  broken: string[];
  /** Translations whose plurals lack a form the language needs. */
  unagreed: string[];
}

/**
 * Holds a catalog (id → translation) to its English source (id → English text) for a language with
 * these plural forms; `parse` is Lingui's `compileMessage` (each part's tests bring it).
 */
export function translationProblems(
  english: ReadonlyMap<string, string>,
  catalog: ReadonlyMap<string, string>,
  forms: readonly string[],
  parse: (message: string) => readonly MessageToken[],
): TranslationProblems {
  const shape = (message: string) => messageShape(parse(message)).join();
  const ids = [...english.keys()];
  const missing = ids.filter((id) => !catalog.get(id));
  const present = ids.filter((id) => catalog.get(id));
  const say = (id: string) => `${id} → ${catalog.get(id)}`;
  return {
    missing,
    broken: present.filter((id) => shape(catalog.get(id)!) !== shape(english.get(id)!)).map(say),
    unagreed: present.filter((id) => missingPluralForms(parse(catalog.get(id)!), forms).length).map(say),
  };
}
