/**
 * The unsubscribe link of every e-mail notice: no login, the signed token names the person. A GET
 * (a person following the link) asks for confirmation, so link scanners unsubscribe nobody; the
 * POST (the confirmation, or a mail client's RFC 8058 one-click) turns every e-mail off.
 */
import express, { type Router } from 'express';
import { html } from './html.ts';
import { page, refusalPage } from '../lti/pages.ts';
import { pageLocale, serverI18n } from '../i18n/server.ts';
import { personOfUnsubscribeToken } from '../mail/compose.ts';
import { unsubscribeAll } from '../services/notifications.ts';
import type { App } from '../services/app.ts';

export function unsubscribeRoutes(app: App): Router {
  const router = express.Router();
  const person = (token: string) => personOfUnsubscribeToken(app.config.ltiKey, token);
  // The link is followed from an e-mail, with no launch: the browser's language.
  const localeOf = (req: express.Request) => pageLocale(req.headers['accept-language']);
  const refuse = (req: express.Request, res: express.Response) =>
    res
      .status(404)
      .type('html')
      .send(
        refusalPage(
          /*i18n*/ { id: 'unsubscribe.unknown-title', message: 'Link not recognised' },
          /*i18n*/ {
            id: 'unsubscribe.unknown',
            message: 'This unsubscribe link is not one the tool made, or it was cut short.',
          },
          'person',
          localeOf(req),
        ),
      );
  router.get('/unsubscribe/:token', (req, res) => {
    res.set('cache-control', 'no-store');
    if (!person(req.params.token)) return void refuse(req, res);
    const locale = localeOf(req);
    const i18n = serverI18n(locale);
    const stop = i18n._({ id: 'unsubscribe.stop', message: 'Stop e-mail notices' });
    res.type('html').send(
      page(
        stop,
        html`<h1>${i18n._({ id: 'unsubscribe.ask', message: 'Stop e-mail notices?' })}</h1><p>${i18n._({
          id: 'unsubscribe.explain',
          message:
            'You will get no more e-mail from the mentoring workspace. You still see every notice in the tool, and can turn e-mail back on there.',
        })}</p>
<form method="post"><button type="submit">${stop}</button></form>`,
        locale,
      ),
    );
  });
  router.post('/unsubscribe/:token', (req, res) => {
    res.set('cache-control', 'no-store');
    const personId = person(req.params.token);
    if (!personId) return void refuse(req, res);
    const locale = localeOf(req);
    const i18n = serverI18n(locale);
    void unsubscribeAll(app, personId).then(
      () => {
        const stopped = i18n._({ id: 'unsubscribe.stopped', message: 'E-mail notices stopped' });
        res.type('html').send(
          page(
            stopped,
            html`<h1>${stopped}</h1><p>${i18n._({
              id: 'unsubscribe.done',
              message: 'You will get no more e-mail from the mentoring workspace. Your notices stay in the tool.',
            })}</p>`,
            locale,
          ),
        );
      },
      (err: unknown) => {
        app.log.error({ err }, 'unsubscribe failed');
        res
          .status(500)
          .type('html')
          .send(
            refusalPage(
              /*i18n*/ { id: 'page.try-again', message: 'Please try again' },
              /*i18n*/ { id: 'unsubscribe.failed', message: 'The tool could not save this just now.' },
              'person',
              locale,
            ),
          );
      },
    );
  });
  return router;
}
