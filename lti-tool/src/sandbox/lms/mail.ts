/**
 * The sandbox's "Mail" pages: what the tool e-mailed each sample person, as their mail client
 * would show it, from the local receiver (`../mailbox.ts`). A newcomer sees the notices without
 * configuring any mail server.
 */
import express, { type Router } from 'express';
import { html, page } from './html.ts';
import type { Platform } from './platform.ts';

export interface MailView {
  to(address: string): Array<{ subject: string; text: string; html: string; receivedAt: number }>;
}

export function mailRoutes(platform: Platform, mailbox: MailView): Router {
  const router = express.Router();
  router.get('/mail/:address', (req, res) => {
    const address = req.params.address;
    const messages = [...mailbox.to(address)].reverse();
    res.type('html').send(
      page({
        title: `Mail for ${address}`,
        site: platform.name,
        crumbs: [['/mail/' + encodeURIComponent(address), `Mail for ${address}`]],
        body: html`<h1>Mail for ${address}</h1>
<p class="sub">What the tool sent to this address through the sandbox's mail receiver, newest first.</p>
${
  messages.length === 0
    ? html`<p class="panel">No mail yet.</p>`
    : messages.map(
        (m, i) => html`<article class="panel mail" aria-labelledby="mail-${i}" style="margin-bottom:1rem">
<h2 id="mail-${i}">${m.subject}</h2>
<p class="sub">Received ${new Date(m.receivedAt).toUTCString()}</p>
<iframe title="${m.subject}" sandbox srcdoc="${m.html}" style="width:100%;height:26rem;border:1px solid var(--line);border-radius:6px;background:#fff"></iframe>
<details><summary>Plain text</summary><pre style="white-space:pre-wrap">${m.text}</pre></details>
</article>`,
      )
}`,
      }),
    );
  });
  return router;
}
