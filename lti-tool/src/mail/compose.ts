/**
 * The e-mail around notices: the texts come from the server's catalogs (`i18n/notices.ts`); this file
 * only frames them in HTML (through the escaping helper) and plain text, with the way into the LMS
 * and the RFC 8058 unsubscribe headers. Names, dates, counts and links: never workspace content.
 */
import crypto from 'node:crypto';
import { textDirection, type Locale, type Notification } from '@mentoring/shared';
import { html } from '../http/html.ts';
import { mailTexts, noticeText } from '../i18n/notices.ts';
import type { App } from '../services/app.ts';

/** The unsubscribe link's token: the person, signed with the tool's key (no login needed to use it). */
export function unsubscribeToken(key: string, personId: string): string {
  return `${personId}.${crypto.createHmac('sha256', key).update(`unsubscribe:${personId}`).digest('base64url')}`;
}

export function personOfUnsubscribeToken(key: string, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || token.length > 200) return null;
  const personId = token.slice(0, dot);
  const expected = Buffer.from(unsubscribeToken(key, personId));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? personId : null;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Where the e-mail sends people: their course (else their LMS), from which the tool opens with their session. */
function lmsAddress(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function composeMail(
  app: Pick<App, 'config'>,
  to: { personId: string; name: string; email: string },
  program: { title: string; platform_name: string | null; issuer: string; course_url?: string | null },
  notices: Notification[],
  digest: boolean,
  locale: Locale = 'en',
  timeZone = 'UTC',
): MailMessage {
  const texts = notices.map((n) => noticeText(n.kind, n.data, locale, timeZone));
  const frame = mailTexts(locale);
  const subject = digest ? frame.digestTitle(notices.length) : texts[0]!.title;
  const open = (program.course_url && lmsAddress(program.course_url)) || lmsAddress(program.issuer);
  const openLabel = frame.open(program.platform_name);
  const unsubscribe = `${app.config.publicUrl}/unsubscribe/${unsubscribeToken(app.config.ltiKey, to.personId)}`;
  const text = [
    frame.greeting(to.name),
    '',
    ...texts.flatMap((t) => (digest ? [`- ${t.title}`] : [t.body])),
    '',
    open ? `${openLabel}: ${open}` : `${openLabel}.`,
    '',
    '--',
    frame.why(program.title),
    `${frame.unsubscribe()}: ${unsubscribe}`,
  ].join('\n');
  const body =
    html`<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;color:#1f2a37;background:#f7f6f2;margin:0;padding:24px">
<div style="max-width:36rem;margin:0 auto;background:#fff;border:1px solid #e3e0d8;border-radius:12px;padding:24px">
<p>${frame.greeting(to.name)}</p>
${
  digest
    ? html`<ul>${texts.map((t) => html`<li>${t.title}</li>`)}</ul>`
    : html`<h1 style="font-size:20px;margin:0 0 12px">${texts[0]!.title}</h1><p>${texts[0]!.body}</p>`
}
<p>${open ? html`<a href="${open}" style="display:inline-block;background:#2f5d50;color:#fff;border-radius:8px;padding:10px 18px;text-decoration:none">${openLabel}</a>` : html`${openLabel}.`}</p>
<hr style="border:0;border-top:1px solid #e3e0d8">
<p style="font-size:13px;color:#5b6573">${frame.why(program.title)} <a href="${unsubscribe}">${frame.unsubscribe()}</a></p>
</div></body></html>`.value;
  return {
    to: to.email,
    subject,
    text,
    html: body,
    // RFC 8058: mail clients offer one-click unsubscribe, which POSTs to this address.
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
