/**
 * Security headers on every page and file the tool serves outside the JSON API: a strict
 * Content-Security-Policy (inline script only with this response's nonce), framing only by the
 * registered LMS platforms, no MIME sniffing, no referrer, and HSTS in production.
 *
 * Pages that need inline script read `res.locals.cspNonce` and put it on their `<script>` tags.
 */
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** The origin of an http(s) URL, or undefined for anything else. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

interface CspParts {
  nonce: string;
  frameAncestors: string[];
  formAction: string[];
}

const hashOf = (text: string) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

function policy(p: CspParts, styleHashes: string[]): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${p.nonce}'`,
    `style-src 'self' 'nonce-${p.nonce}' ${styleHashes.join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    `form-action 'self' ${p.formAction.join(' ')}`.trim(),
    `frame-ancestors ${p.frameAncestors.length ? p.frameAncestors.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

export interface SecurityHeaderOptions {
  production: boolean;
  /** Origins allowed to frame the tool: the registered LMS platforms (from the database) and fixed extras. */
  frameAncestors: () => Promise<string[]>;
  /** Origins this request may be framed by as well (the platform running Dynamic Registration). */
  requestFrameAncestors?: (req: Request) => string[];
  /** Constant `<style>` blocks of server-rendered pages, allowed by their hash. */
  inlineStyles: string[];
}

export function securityHeaders(opts: SecurityHeaderOptions) {
  const styleHashes = opts.inlineStyles.map(hashOf);
  // Should the platforms not be readable, no site may frame the tool (closed, not open).
  const ancestors = (req: Request) =>
    opts.frameAncestors().then(
      (urls) => [...urls, ...(opts.requestFrameAncestors?.(req) ?? [])],
      () => [],
    );
  return (req: Request, res: Response, next: NextFunction) => {
    void ancestors(req).then((urls) => {
      const frameAncestors = [...new Set(urls.map(originOf).filter((o): o is string => !!o))];
      const parts: CspParts = { nonce: crypto.randomBytes(16).toString('base64'), frameAncestors, formAction: [] };
      const setPolicy = () => res.setHeader('Content-Security-Policy', policy(parts, styleHashes));
      res.locals.cspNonce = parts.nonce;
      res.locals.allowFormAction = (origin: string) => {
        parts.formAction.push(origin);
        setPolicy();
      };
      setPolicy();
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      if (opts.production) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
      next();
    });
  };
}

/** Lets this response's page post a form to `url`'s origin (the deep-linking return URL). */
export function allowFormAction(res: Response, url: string) {
  const origin = originOf(url);
  const allow = res.locals.allowFormAction as ((origin: string) => void) | undefined;
  if (origin && allow) allow(origin);
}

/** This response's CSP nonce, for an inline `<script nonce>`. */
export function cspNonce(res: Response): string {
  return (res.locals.cspNonce as string | undefined) ?? '';
}
