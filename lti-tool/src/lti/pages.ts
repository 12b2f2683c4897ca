/** The few HTML pages the tool shows outside the app: refusals and the deep-linking confirmation. */

import { textDirection, type Locale } from '@mentoring/shared';
import { escapeHtml, html, trustedHtml, type SafeHtml } from '../http/html.ts';
import { say, serverI18n, type Text } from '../i18n/server.ts';

/** The pages' one style block, constant so the CSP allows it by its hash (http/security.ts). */
export const PAGE_STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2a37;background:#f7f6f2;margin:0;padding:2rem}
main{max-width:38rem;margin:0 auto;background:#fff;border:1px solid #e3e0d8;border-radius:12px;padding:2rem}
h1{font-size:1.35rem;margin:0 0 .75rem}p{margin:.5rem 0}code{background:#f1efe9;padding:.1rem .3rem;border-radius:4px}
button{font:inherit;background:#2f5d50;color:#fff;border:0;border-radius:8px;padding:.6rem 1.1rem;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f2b84b;outline-offset:2px}
a.button{display:inline-block;background:#2f5d50;color:#fff;border-radius:8px;padding:.6rem 1.1rem;text-decoration:none}
`;

/**
 * A whole page around `body`, in `locale` (its `lang` and `dir`); a plain string body is markup the
 * caller built and escaped itself.
 */
export function page(title: string, body: SafeHtml | string, locale: Locale = 'en'): string {
  const main = typeof body === 'string' ? trustedHtml(body) : body;
  return html`<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Mentoring workspaces</title>
<style>${trustedHtml(PAGE_STYLE)}</style></head><body><main>${main}</main></body></html>`.value;
}

/** Who can act on a refusal: the person (launch again, change a browser setting) or an LMS administrator. */
export type Audience = 'person' | 'lms-admin';

export function refusalPage(title: Text, message: Text, audience: Audience = 'person', locale: Locale = 'en'): string {
  const i18n = serverI18n(locale);
  const next =
    audience === 'lms-admin'
      ? i18n._({
          id: 'refusal.next-admin',
          message:
            'This needs an administrator of your LMS (whoever added Mentoring workspaces to it): please show them this page.',
        })
      : i18n._({
          id: 'refusal.next-person',
          message:
            'Launch the tool again from your course. If this keeps happening, tell your program coordinator what this page says.',
        });
  const heading = say(i18n, title);
  return page(heading, html`<h1>${heading}</h1><p>${say(i18n, message)}</p><p>${next}</p>`, locale);
}

/** The deep-linking answer: a form the person submits to the LMS (its return URL is checked by the caller). */
export function deepLinkPage(returnUrl: string, jwt: string, courseTitle: string, locale: Locale = 'en'): string {
  const i18n = serverI18n(locale);
  return page(
    i18n._({ id: 'deep-link.title', message: 'Add to your course' }),
    html`<h1>${i18n._({ id: 'deep-link.heading', message: 'Add Mentoring workspaces to “{course}”', values: { course: courseTitle } })}</h1>
<p>${i18n._({
      id: 'deep-link.explain',
      message:
        'Everyone in the course will reach their own confidential mentoring workspaces from this link. Program staff see activity, never what partners write.',
    })}</p>
<form method="post" action="${returnUrl}"><input type="hidden" name="JWT" value="${jwt}"><button type="submit" autofocus>${i18n._({ id: 'deep-link.add', message: 'Add to course' })}</button></form>`,
    locale,
  );
}

/**
 * Deep linking where the LMS accepts nothing the tool can place: the LMS is told so (an empty
 * answer with an error message), and the person reads it plainly before going back.
 */
export function nothingToPlacePage(returnUrl: string, jwt: string, accepted: string[], locale: Locale = 'en'): string {
  const i18n = serverI18n(locale);
  return page(
    i18n._({ id: 'deep-link.refused-title', message: 'Cannot add to your course' }),
    html`<h1>${i18n._({ id: 'deep-link.refused-heading', message: 'This LMS cannot place Mentoring workspaces here' })}</h1>
<p>${
      accepted.length
        ? i18n._({
            id: 'deep-link.accepts',
            message:
              'Here the LMS accepts only {types}, and the tool can only be placed as an LTI link (ltiResourceLink). Nothing was added to the course.',
            values: { types: accepted.join(', ') },
          })
        : i18n._({
            id: 'deep-link.accepts-nothing',
            message:
              'Here the LMS accepts nothing, and the tool can only be placed as an LTI link (ltiResourceLink). Nothing was added to the course.',
          })
    }</p>
<p>${i18n._({
      id: 'deep-link.instead',
      message:
        'Add the tool from the course’s activity or external-tool chooser instead, or ask your LMS administrator.',
    })}</p>
<form method="post" action="${returnUrl}"><input type="hidden" name="JWT" value="${jwt}"><button type="submit">${i18n._({ id: 'deep-link.back', message: 'Back to the course' })}</button></form>`,
    locale,
  );
}

/** The end of Dynamic Registration: tells the LMS's registration window to close. */
export function registeredPage(nonce: string, locale: Locale = 'en'): string {
  const i18n = serverI18n(locale);
  const title = i18n._({ id: 'register.done-title', message: 'Registered' });
  return html`<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><title>${title} · Mentoring workspaces</title>
<style>${trustedHtml(PAGE_STYLE)}</style></head><body><main><h1>${title}</h1><p>${i18n._({ id: 'register.done', message: 'Mentoring workspaces is registered. You can close this window.' })}</p></main>
<script nonce="${nonce}">(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');</script></body></html>`
    .value;
}

export { escapeHtml };
