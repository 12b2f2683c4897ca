/**
 * Errors that Express, body-parser or ltijs pass on (a body too large, malformed JSON or form data,
 * an unsupported charset, a broken `%`-escape) answered as the tool's own JSON error, or a page for
 * a browser, instead of Express's default page with its stack trace and file paths.
 */
import type { MessageDescriptor } from '@lingui/core';
import type { ErrorRequestHandler } from 'express';
import type { ErrorCode } from '@mentoring/shared';
import { pageLocale, serverI18n } from '../i18n/server.ts';
import { refusalPage } from '../lti/pages.ts';
import type { Logger } from '../log.ts';
import { TooManyRequests } from '../services/rate-limits.ts';

/** body-parser's error types, in words a person can act on. */
const TOO_LARGE = /*i18n*/ {
  id: 'refusal.http.request-too-large',
  message: 'The request is larger than the tool accepts.',
};
const MESSAGES: Record<string, MessageDescriptor> = {
  'entity.too.large': TOO_LARGE,
  'entity.parse.failed': /*i18n*/ {
    id: 'refusal.http.unparsable',
    message: 'The request body could not be read: it is not valid JSON or form data.',
  },
  'entity.verify.failed': /*i18n*/ { id: 'refusal.http.unreadable', message: 'The request body could not be read.' },
  'encoding.unsupported': /*i18n*/ {
    id: 'refusal.http.encoding',
    message: 'The request body uses a content encoding the tool does not read.',
  },
  'charset.unsupported': /*i18n*/ {
    id: 'refusal.http.charset',
    message: 'The request body uses a character set the tool does not read; send UTF-8.',
  },
  'parameters.too.many': /*i18n*/ {
    id: 'refusal.http.too-many-fields',
    message: 'The request has too many form fields.',
  },
  'request.aborted': /*i18n*/ {
    id: 'refusal.http.aborted',
    message: 'The request ended before its body was complete.',
  },
  'request.size.invalid': /*i18n*/ {
    id: 'refusal.http.wrong-length',
    message: 'The request body is shorter or longer than its Content-Length says.',
  },
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
    const locale = pageLocale(req.headers['accept-language']);
    const i18n = serverI18n(locale);
    const known = typeof e.type === 'string' ? MESSAGES[e.type] : undefined;
    const message =
      err instanceof TooManyRequests
        ? err.message
        : i18n._(
            status === 500
              ? /*i18n*/ {
                  id: 'page.internal',
                  message:
                    'Something went wrong on our side. Please try again, or open the tool again from your course.',
                }
              : (known ??
                  (status === 413
                    ? TOO_LARGE
                    : /*i18n*/ { id: 'refusal.http.unreadable-request', message: 'The request could not be read.' })),
          );
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
