/**
 * The one way the tool writes values into HTML and into inline script. Every page the server renders
 * builds its markup with `html`, which escapes what it interpolates unless it is already `SafeHtml`,
 * and puts data into `<script>` only through `scriptJson`.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup that is already escaped (made by `html`, or trusted constant markup passed to `trustedHtml`). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolated = SafeHtml | string | number | boolean | null | undefined | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` and arrays of it are kept as markup. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Constant markup written in the source (never a value that came from a request or the database). */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * A value as a JavaScript expression inside `<script>`: JSON with `<`, `>`, `&`, U+2028 and U+2029
 * escaped, so no string can close the script element or break the line it stands on.
 */
export function scriptJson(value: unknown): SafeHtml {
  const json = JSON.stringify(value) ?? 'undefined';
  return new SafeHtml(json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c]!));
}
