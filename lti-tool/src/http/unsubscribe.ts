/**
 * The unsubscribe link of every e-mail notice: no login, the signed token names the person. A GET
 * (a person following the link) asks for confirmation, so link scanners unsubscribe nobody; the
 * POST (the confirmation, or a mail client's RFC 8058 one-click) turns every e-mail off.
 */
import express, { type Router } from 'express';
import { html } from './html.ts';
import { page, refusalPage } from '../lti/pages.ts';
import { personOfUnsubscribeToken } from '../mail/compose.ts';
import { unsubscribeAll } from '../services/notifications.ts';
import type { App } from '../services/app.ts';

export function unsubscribeRoutes(app: App): Router {
  const router = express.Router();
  const person = (token: string) => personOfUnsubscribeToken(app.config.ltiKey, token);
  const refuse = (res: express.Response) =>
    res
      .status(404)
      .type('html')
      .send(refusalPage('Link not recognised', 'This unsubscribe link is not one the tool made, or it was cut short.'));
  router.get('/unsubscribe/:token', (req, res) => {
    res.set('cache-control', 'no-store');
    if (!person(req.params.token)) return void refuse(res);
    res.type('html').send(
      page(
        'Stop e-mail notices',
        html`<h1>Stop e-mail notices?</h1><p>You will get no more e-mail from the mentoring workspace. You still see every notice in the tool, and can turn e-mail back on there.</p>
<form method="post"><button type="submit">Stop e-mail notices</button></form>`,
      ),
    );
  });
  router.post('/unsubscribe/:token', (req, res) => {
    res.set('cache-control', 'no-store');
    const personId = person(req.params.token);
    if (!personId) return void refuse(res);
    void unsubscribeAll(app, personId).then(
      () =>
        res
          .type('html')
          .send(
            page(
              'E-mail notices stopped',
              html`<h1>E-mail notices stopped</h1><p>You will get no more e-mail from the mentoring workspace. Your notices stay in the tool.</p>`,
            ),
          ),
      (err: unknown) => {
        app.log.error({ err }, 'unsubscribe failed');
        res.status(500).type('html').send(refusalPage('Please try again', 'The tool could not save this just now.'));
      },
    );
  });
  return router;
}
