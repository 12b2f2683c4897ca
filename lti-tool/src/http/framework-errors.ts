/**
 * Errors that Express, body-parser or ltijs pass on (a body too large, malformed JSON or form data,
 * an unsupported charset, a broken `%`-escape) answered as the tool's own JSON error, or a page for
 * a browser, instead of Express's default page with its stack trace and file paths.
 */
import type { ErrorRequestHandler } from 'express';
import type { ErrorCode } from '@mentoring/shared';
import { pageLocale, serverI18n } from '../i18n/server.ts';
import { refusalPage } from '../lti/pages.ts';
import type { Logger } from '../log.ts';
import { TooManyRequests } from '../services/rate-limits.ts';

/** body-parser's error types, in words a person can act on. */
const MESSAGES: Record<string, string> = {
  'entity.too.large': 'The request is larger than the tool accepts.',
  'entity.parse.failed': 'The request body could not be read: it is not valid JSON or form data.',
  'entity.verify.failed': 'The request body could not be read.',
  'encoding.unsupported': 'The request body uses a content encoding the tool does not read.',
  'charset.unsupported': 'The request body uses a character set the tool does not read; send UTF-8.',
  'parameters.too.many': 'The request has too many form fields.',
  'request.aborted': 'The request ended before its body was complete.',
  'request.size.invalid': 'The request body is shorter or longer than its Content-Length says.',
};

const CODES: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};

export function frameworkErrors(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const e = err as { status?: unknown; statusCode?: unknown; type?: unknown };
    const given = Number(e.status ?? e.statusCode);
    const status = given >= 400 && given < 500 ? given : 500;
    if (status === 500) log.error({ err, method: req.method, path: req.path }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    if (err instanceof TooManyRequests) res.set('retry-after', String(err.retryAfterSeconds));
    const known =
      err instanceof TooManyRequests ? err.message : typeof e.type === 'string' ? MESSAGES[e.type] : undefined;
    const locale = pageLocale(req.headers['accept-language']);
    const i18n = serverI18n(locale);
    const message =
      status === 500
        ? i18n._({
            id: 'page.internal',
            message: 'Something went wrong on our side. Please try again, or open the tool again from your course.',
          })
        : (known ??
          (status === 413 ? 'The request is larger than the tool accepts.' : 'The request could not be read.'));
    res.status(status);
    res.set('cache-control', 'no-store');
    if (status === 413) res.set('connection', 'close');
    if (req.accepts(['json', 'html']) === 'html') {
      const title =
        status === 500
          ? /*i18n*/ { id: 'page.went-wrong', message: 'Something went wrong' }
          : status === 429
            ? /*i18n*/ { id: 'page.wait', message: 'Please wait a moment' }
            : /*i18n*/ { id: 'page.refused', message: 'This request was refused' };
      res.type('html').send(refusalPage(title, message, 'person', locale));
      return;
    }
    res.json({ error: { code: status === 500 ? 'internal' : (CODES[status] ?? 'invalid_input'), message } });
  };
}
