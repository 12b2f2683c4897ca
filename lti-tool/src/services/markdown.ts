/**
 * The one way the tool writes Markdown with people's text in it (the partnership export). The `md`
 * tagged template trusts its literal parts and escapes every interpolated value, so user text
 * cannot open a heading, a list, a link, an image, raw HTML or an entity, nor break out of a table
 * cell. Multi-line text goes through `paragraphs` and `quote`, which escape it line by line.
 */

export class SafeMarkdown {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = string | number | SafeMarkdown | null | undefined;

/** Characters that mean something inline anywhere in a line (CommonMark and GFM). */
const INLINE_SPECIAL = /[\\`*_[\]<>#|~&]/g;

/** One line of user text, safe inline in the middle of a line: line breaks fold into spaces. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s*(\r\n|\r|\n)\s*/g, ' ')
    .replace(/\t/g, ' ')
    .replace(INLINE_SPECIAL, '\\$&');
}

/** One line of user text where a block could start: at a line's start or a list item's. */
export function escapeLineStart(text: string): string {
  return (
    escapeInline(text)
      // Four leading spaces would start a code block.
      .replace(/^ +/, '')
      // List items, quotes (`>` is escaped already), setext underlines.
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** Where the text written so far leaves off at the start of a block: a new line or a list item's content. */
const BLOCK_START = /(^|\n) *(([-+*]|\d+[.)]) +(\[[ x]\] +)?)?$/;

const show = (v: Value, atBlockStart: boolean): string => {
  if (v instanceof SafeMarkdown) return v.value;
  if (v === null || v === undefined) return '';
  return atBlockStart ? escapeLineStart(String(v)) : escapeInline(String(v));
};

export function md(strings: TemplateStringsArray, ...values: Value[]): SafeMarkdown {
  return new SafeMarkdown(
    strings.reduce((out, s, i) => {
      const before = out + s;
      return i < values.length ? before + show(values[i], BLOCK_START.test(before)) : before;
    }, ''),
  );
}

/** Markdown the code wrote itself, with no user text in it. */
export const trustedMarkdown = (markdown: string) => new SafeMarkdown(markdown);

/** An address as a link only when it is a web address; anything else shows as text. */
export function autolink(url: string): SafeMarkdown {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? new SafeMarkdown(`<${url}>`) : md`${url}`;
}

export const heading = (level: 1 | 2 | 3, text: Value) => new SafeMarkdown(`${'#'.repeat(level)} ${show(text, true)}`);

/** Several lines of user text: each line escaped, line breaks kept, blank lines separating paragraphs. */
export function paragraphs(text: string): SafeMarkdown {
  const lines = text.split(/\r\n|\r|\n/).map((l) => escapeLineStart(l).trimEnd());
  const out: string[] = [];
  for (const line of lines) {
    if (!line) {
      if (out.length && out.at(-1) !== '') out.push('');
      continue;
    }
    // A backslash at the end of the previous line is a hard line break.
    if (out.length && out.at(-1) !== '') out[out.length - 1] += '\\';
    out.push(line);
  }
  if (out.at(-1) === '') out.pop();
  return new SafeMarkdown(out.join('\n'));
}

export function quote(text: string): SafeMarkdown {
  return new SafeMarkdown(
    paragraphs(text)
      .value.split('\n')
      .map((l) => (l ? `> ${l}` : '>'))
      .join('\n'),
  );
}

/** A GFM table; every cell is escaped, so a `|` in it stays in its cell. */
export function table(headers: readonly Value[], rows: readonly (readonly Value[])[]): SafeMarkdown {
  const row = (cells: readonly Value[]) => `| ${cells.map((c) => show(c, false) || ' ').join(' | ')} |`;
  return new SafeMarkdown([row(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(row)].join('\n'));
}
