/**
 * The JSON API, dispatched straight from the route table in `shared/src/api.ts`: each route's
 * input is validated with its schema, the caller authenticated and checked against the route's
 * access, and the answer or refusal written as JSON. Plain node:http keeps the hot path short.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  acceptedLanguages,
  Id,
  inputProblem,
  routes,
  type Locale,
  type RouteDef,
  type RouteName,
  type Routes,
} from '@mentoring/shared';
import { HttpError, toHttpError, unauthenticated, forbidden, invalid, refusal, sayIn } from './errors.ts';
import type { Principal } from '../auth/principal.ts';
import { EXTENSION_TOKEN_PREFIX } from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import { TooManyRequests } from '../services/rate-limits.ts';
import { serverI18n } from '../i18n/server.ts';
import { sayInputProblem } from '../i18n/input-problems.ts';

type Input<R extends RouteDef> = {
  params: Record<string, string>;
  query: R['query'] extends z.ZodType ? z.output<R['query']> : Record<string, never>;
  body: R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
  /** The caller's `Accept-Language`, most wanted first. */
  languages: string[];
};

/** A handler may answer with another status or a non-JSON body (downloads). */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = 'application/json; charset=utf-8',
    readonly filename?: string,
  ) {}
}

export type Handler<R extends RouteDef> = (
  principal: Principal,
  input: Input<R>,
) => Promise<z.input<R['response']> | Answer>;
export type PublicHandler<R extends RouteDef> = (
  input: Input<R>,
  req: IncomingMessage,
) => Promise<z.input<R['response']> | Answer>;

export type Handlers = {
  [K in RouteName]: Routes[K]['access'] extends 'public' ? PublicHandler<Routes[K]> : Handler<Routes[K]>;
};

interface CompiledRoute {
  name: RouteName;
  def: RouteDef;
  pattern: RegExp;
  keys: string[];
}

function compile(): Map<string, CompiledRoute[]> {
  const byMethod = new Map<string, CompiledRoute[]>();
  for (const [name, def] of Object.entries(routes) as [RouteName, RouteDef][]) {
    const keys: string[] = [];
    const pattern = new RegExp(
      '^' +
        def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, key: string) => {
          keys.push(key);
          return '([^/]+)';
        }) +
        '$',
    );
    const list = byMethod.get(def.method) ?? [];
    list.push({ name, def, pattern, keys });
    byMethod.set(def.method, list);
  }
  return byMethod;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[\w-]+$/;
const MAX_BODY = 1_000_000;

export interface ApiOptions {
  handlers: Handlers;
  authenticate(token: string): Promise<Principal | null>;
  /** The tool's own origin: the workspace app calls from there. */
  appOrigin: string;
  log: Logger;
  openapi: () => unknown;
  /** Told the name of the route a request matched, for the request log. */
  named?: (res: ServerResponse, name: RouteName) => void;
  /** The language a refusal is written in: the person's (as `GET /api/me`), else the browser's. */
  localeOf?: (personId: string | null, languages: readonly string[]) => Promise<Locale>;
}

/** A value its schema refused, worded by the tool (never Zod's English), naming the field at fault. */
function refuseInput(error: z.ZodError, input: unknown): HttpError {
  const issue = error.issues[0]!;
  const problem = inputProblem(issue, input);
  return invalid((i18n) => sayInputProblem(i18n, problem), issue.path.length ? issue.path.join('.') : undefined);
}

const tooLarge = () =>
  refusal(
    413,
    'invalid_input',
    /*i18n*/ { id: 'refusal.http.too-large', message: 'This is too large to send: keep it under 1 MB.' },
  );

/** A path id as sent: a broken `%`-escape or a value no id can have is the caller's mistake. */
function pathParam(key: string, raw: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw invalid(
      /*i18n*/ {
        id: 'refusal.http.bad-address',
        message: 'This address is broken (a “%” not followed by two hexadecimal digits).',
      },
      key,
    );
  }
  const parsed = Id.safeParse(value);
  if (!parsed.success)
    throw invalid(/*i18n*/ { id: 'refusal.http.unknown-id', message: 'This address names nothing the tool has.' }, key);
  return parsed.data;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'];
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY) throw tooLarge();
  if (!declared && !req.headers['transfer-encoding']) return undefined;
  if (!type || !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type))
    throw refusal(
      415,
      'invalid_input',
      /*i18n*/ {
        id: 'refusal.http.not-json-type',
        message: 'The request body must be JSON, sent as Content-Type: application/json.',
      },
    );
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw invalid(/*i18n*/ { id: 'refusal.http.unreadable', message: 'The request body could not be read.' });
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw invalid(/*i18n*/ { id: 'refusal.http.not-json', message: 'The request body is not valid JSON (in UTF-8).' });
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json; charset=utf-8',
  filename?: string,
) {
  const payload = typeof body === 'string' && !contentType.startsWith('application/json') ? body : JSON.stringify(body);
  res.statusCode = status;
  // A refusal sent before the body was read: the connection is not reused for what follows it.
  if (status === 413 || status === 415) res.setHeader('connection', 'close');
  res.setHeader('content-type', contentType);
  res.setHeader('cache-control', 'no-store');
  if (filename) res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.end(payload);
}

export function createApiHandler(options: ApiOptions) {
  const table = compile();
  const { handlers, log } = options;

  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    const fromExtension = !!origin && EXTENSION_ORIGIN.test(origin);
    if (fromExtension) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type');
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
      res.setHeader('access-control-max-age', '600');
    }
    const method = req.method ?? 'GET';
    // HEAD is answered as GET; Node leaves the body out.
    const lookup = method === 'HEAD' ? 'GET' : method;
    if (method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    let principal: Principal | null = null;
    try {
      if (lookup === 'GET' && path === '/api/openapi.json') return send(res, 200, options.openapi());
      let match: { route: CompiledRoute; values: RegExpExecArray } | undefined;
      for (const route of table.get(lookup) ?? []) {
        const values = route.pattern.exec(path);
        if (values) {
          match = { route, values };
          break;
        }
      }
      if (!match)
        throw refusal(
          404,
          'not_found',
          /*i18n*/ {
            id: 'refusal.http.no-route',
            message: 'The tool has no API route {route}.',
            values: { route: `${method} ${path}` },
          },
        );
      const { route, values } = match;
      options.named?.(res, route.name);
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => (params[k] = pathParam(k, values[i + 1]!)));

      if (route.def.access !== 'public') {
        const auth = req.headers.authorization;
        const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
        if (!token)
          throw unauthenticated(
            /*i18n*/ {
              id: 'refusal.http.no-token',
              message: 'This request needs the token from your launch or your connected browser.',
            },
          );
        principal = await options.authenticate(token);
        if (!principal) {
          if (token.startsWith(EXTENSION_TOKEN_PREFIX))
            throw unauthenticated(
              /*i18n*/ {
                id: 'refusal.http.extension-disconnected',
                message:
                  'This browser is no longer connected to your workspace. Connect it again with a new code from “Connect your browser” in the workspace.',
              },
            );
          throw unauthenticated(
            /*i18n*/ {
              id: 'error.session-ended',
              message: 'Your session has ended. Open the tool again from your course.',
            },
          );
        }
        if (principal.via === 'extension') {
          // A personal token is only good from the extension itself (or a non-browser client).
          if (origin && !fromExtension && origin !== options.appOrigin)
            throw forbidden(
              /*i18n*/ {
                id: 'refusal.http.extension-only-token',
                message: 'This token can only be used by the browser extension.',
              },
            );
          if (!route.def.extension)
            throw forbidden(
              /*i18n*/ {
                id: 'refusal.http.not-from-extension',
                message: 'The browser extension cannot do this; open the workspace from your course.',
              },
            );
        }
        if (route.def.access === 'staff' && principal.programRole !== 'staff') {
          throw forbidden(/*i18n*/ { id: 'error.staff-only', message: 'Only program staff can do this.' });
        }
      }

      let query: unknown = {};
      if (route.def.query) {
        const raw = Object.fromEntries(new URLSearchParams(q === -1 ? '' : url.slice(q + 1)));
        const parsed = route.def.query.safeParse(raw);
        if (!parsed.success) throw refuseInput(parsed.error, raw);
        query = parsed.data;
      }
      let body: unknown;
      if (route.def.body) {
        const raw = await readBody(req);
        const parsed = route.def.body.safeParse(raw ?? {});
        if (!parsed.success) throw refuseInput(parsed.error, raw ?? {});
        body = parsed.data;
      }
      const input = { params, query, body, languages: acceptedLanguages(req.headers['accept-language']) } as never;
      const handler = handlers[route.name] as unknown as (...a: unknown[]) => Promise<unknown>;
      const result = principal ? await handler(principal, input) : await handler(input, req);
      if (result instanceof Answer) return send(res, result.status, result.body, result.contentType, result.filename);
      return send(res, route.def.status ?? 200, result);
    } catch (caught) {
      // A refusal a person meets is in their language; the rest (diagnostics for clients) in English.
      const inTheirLanguage = async (err: Pick<HttpError, 'message' | 'text'>) => {
        if (!err.text || !options.localeOf) return err.message;
        const languages = acceptedLanguages(req.headers['accept-language']);
        const locale = await options.localeOf(principal?.personId ?? null, languages).catch(() => 'en' as const);
        return sayIn(serverI18n(locale), err.text);
      };
      if (caught instanceof TooManyRequests) {
        res.setHeader('retry-after', String(caught.retryAfterSeconds));
        return send(res, 429, { error: { code: 'rate_limited', message: await inTheirLanguage(caught) } });
      }
      const err = toHttpError(caught);
      if (err) {
        return send(res, err.status, {
          error: { code: err.code, message: await inTheirLanguage(err), ...(err.field ? { field: err.field } : {}) },
        });
      }
      log.error({ err: caught, method, path }, 'API request failed');
      const internal = refusal(
        500,
        'internal',
        /*i18n*/ {
          id: 'error.internal',
          message: 'Something went wrong on our side; nothing you entered was lost. Please try again.',
        },
      );
      return send(res, 500, { error: { code: 'internal', message: await inTheirLanguage(internal) } });
    }
  };
}
