/**
 * The pseudo-locale: every English message with its letters accented and a third longer, its
 * placeholders untouched. Text that stays plain English on screen was never a message, and a
 * layout that clips the longer text will clip real translations too. Used by the web app
 * (`sessionStorage`) and the extension's test builds to show it.
 */

/** A compiled catalog as Lingui holds it (`Messages`), described here so shared/ needs no Lingui. */
type CompiledMessage = (string | readonly unknown[])[];
type Messages = Record<string, string | CompiledMessage>;

const ACCENTS: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  y: 'ý',
  s: 'š',
  z: 'ž',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ö',
  U: 'Ü',
  C: 'Ç',
  N: 'Ñ',
  Y: 'Ý',
  S: 'Š',
  Z: 'Ž',
};

/**
 * Each word accented and a third longer (tildes do not break a line), so that longer words wrap
 * where a translation's would, not only the text's end.
 */
export function pseudoText(text: string): string {
  return text.replace(
    /[a-zA-Z]+/g,
    (word) => `${word.replace(/[a-zA-Z]/g, (c) => ACCENTS[c] ?? c)}${'~'.repeat(Math.ceil(word.length * 0.34))}`,
  );
}

type Part = CompiledMessage[number];

function pseudoPart(part: Part): Part {
  if (typeof part === 'string') return pseudoText(part);
  // A plural or select keeps its argument and keys; only its branches' text changes.
  const [name, type, format] = part as [string, string?, unknown?];
  if (format && typeof format === 'object' && !Array.isArray(format)) {
    const branches = Object.fromEntries(
      Object.entries(format as Record<string, unknown>).map(([key, value]) => [
        key,
        typeof value === 'string' ? pseudoText(value) : Array.isArray(value) ? value.map(pseudoPart) : value,
      ]),
    );
    return [name, type, branches] as Part;
  }
  return part;
}

export function pseudoMessages<M extends Messages>(messages: M): M {
  return Object.fromEntries(
    Object.entries(messages).map(([id, message]) => [
      id,
      typeof message === 'string' ? pseudoText(message) : message.map(pseudoPart),
    ]),
  ) as M;
}
