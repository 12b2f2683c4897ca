/** The few HTML pages the tool shows outside the app: refusals and the deep-linking confirmation. */

import { escapeHtml as escape } from '../http/html.ts';

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Mentoring workspaces</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2a37;background:#f7f6f2;margin:0;padding:2rem}
main{max-width:38rem;margin:0 auto;background:#fff;border:1px solid #e3e0d8;border-radius:12px;padding:2rem}
h1{font-size:1.35rem;margin:0 0 .75rem}p{margin:.5rem 0}code{background:#f1efe9;padding:.1rem .3rem;border-radius:4px}
button{font:inherit;background:#2f5d50;color:#fff;border:0;border-radius:8px;padding:.6rem 1.1rem;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f2b84b;outline-offset:2px}
a.button{display:inline-block;background:#2f5d50;color:#fff;border-radius:8px;padding:.6rem 1.1rem;text-decoration:none}
</style></head><body><main>${body}</main></body></html>`;
}

/** Who can act on a refusal: the person (launch again, change a browser setting) or an LMS administrator. */
export type Audience = 'person' | 'lms-admin';

export function refusalPage(title: string, message: string, audience: Audience = 'person'): string {
  const next =
    audience === 'lms-admin'
      ? 'This needs an administrator of your LMS (whoever added Mentoring workspaces to it): please show them this page.'
      : 'Launch the tool again from your course. If this keeps happening, tell your program coordinator what this page says.';
  return page(title, `<h1>${escape(title)}</h1><p>${escape(message)}</p><p>${escape(next)}</p>`);
}

export function deepLinkPage(returnUrl: string, jwt: string, courseTitle: string): string {
  return page(
    'Add to your course',
    `<h1>Add Mentoring workspaces to “${escape(courseTitle)}”</h1>
<p>Everyone in the course will reach their own confidential mentoring workspaces from this link. Program staff see activity, never what partners write.</p>
<form method="post" action="${escape(returnUrl)}"><input type="hidden" name="JWT" value="${escape(jwt)}"><button type="submit" autofocus>Add to course</button></form>`,
  );
}

export { escape as escapeHtml };
