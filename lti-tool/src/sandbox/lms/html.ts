/** Minimal HTML building for the sandbox pages: escaping, one layout, one stylesheet. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Tagged template that escapes interpolations, except arrays and values already wrapped by `html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const render = (v: unknown): string =>
    v instanceof Html ? v.value : Array.isArray(v) ? v.map(render).join('') : v == null || v === false ? '' : esc(v);
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

const CSS = `
  :root { color-scheme: light; --ink: #1d2330; --muted: #545d6e; --line: #d5d9e0; --accent: #1a5fb4; --bg: #f5f6f8; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
  header.site { background: #233044; color: #fff; padding: .75rem 1.5rem; display: flex; gap: 1.5rem; align-items: baseline; }
  header.site a { color: #fff; }
  header.site .brand { font-weight: 700; text-decoration: none; }
  nav[aria-label="Breadcrumb"] ol { list-style: none; display: flex; gap: .5rem; margin: 0; padding: 0; }
  nav[aria-label="Breadcrumb"] li + li::before { content: "›"; margin-right: .5rem; color: #b9c2d0; }
  main { padding: 1.5rem; max-width: 90rem; margin: 0 auto; }
  h1 { margin: 0 0 .25rem; font-size: 1.75rem; }
  h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
  h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
  .sub { color: var(--muted); margin: 0 0 1.25rem; }
  .panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem; }
  .course { display: grid; grid-template-columns: minmax(18rem, 24rem) 1fr; gap: 1.25rem; align-items: start; }
  @media (max-width: 60rem) { .course { grid-template-columns: 1fr; } }
  ul.plain { list-style: none; margin: 0; padding: 0; }
  .person { padding: .6rem 0; border-top: 1px solid var(--line); }
  .person:first-child { border-top: 0; }
  .person .name { font-weight: 600; }
  .meta { color: var(--muted); font-size: .875rem; }
  .roles { display: flex; flex-wrap: wrap; gap: .25rem; margin: .25rem 0 .4rem; padding: 0; list-style: none; }
  .roles li { font-size: .75rem; background: #e8eef8; color: #1b3a66; border-radius: 999px; padding: .05rem .5rem; }
  .actions { display: flex; flex-wrap: wrap; gap: .4rem; }
  button, .button { font: inherit; font-size: .875rem; padding: .35rem .8rem; border-radius: 6px; border: 1px solid var(--accent);
    background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
  button.secondary { background: #fff; color: var(--accent); }
  a { color: var(--accent); }
  a:focus-visible, button:focus-visible, input:focus-visible, iframe:focus-visible, .button:focus-visible {
    outline: 3px solid #f0a500; outline-offset: 2px; }
  [tabindex="-1"]:focus { outline: none; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  input[type=url] { font: inherit; width: 100%; max-width: 40rem; padding: .4rem .5rem; border: 1px solid #8a93a3; border-radius: 6px; }
  iframe.tool { width: 100%; height: 75vh; min-height: 32rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
  .notice { background: #fff8e1; border: 1px solid #f0d58a; padding: .75rem 1rem; border-radius: 6px; }
  .error { background: #fdecea; border: 1px solid #f1a9a0; padding: .75rem 1rem; border-radius: 6px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .5rem; border-top: 1px solid var(--line); vertical-align: top; }
  code { font-size: .875rem; overflow-wrap: anywhere; }
`;

/** A full page: site header, optional breadcrumb trail, then the body. */
export function page(opts: { title: string; site: string; crumbs?: Array<[string, string]>; body: Html }): string {
  const crumbs = opts.crumbs ?? [];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · ${opts.site}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
<header class="site">
  <a class="brand" href="/">${opts.site}</a>
  ${crumbs.length > 0 && html`<nav aria-label="Breadcrumb"><ol>${crumbs.map(([href, label], i) => html`<li><a href="${href}"${new Html(i === crumbs.length - 1 ? ' aria-current="page"' : '')}>${label}</a></li>`)}</ol></nav>`}
</header>
<main>
${opts.body}
</main>
</body>
</html>`.value;
}

/** The page shown when the LMS refuses something a person did (a bad launch, a bad deep-link return). */
export function errorPage(site: string, heading: string, message: string): string {
  return page({
    title: heading,
    site,
    body: html`<h1>${heading}</h1><p class="error" role="alert">${message}</p>`,
  });
}
