/** Express glue: async handlers whose LmsErrors become clear 4xx answers (an HTML page or OAuth-style JSON). */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorPage } from './html.ts';
import { LmsError } from './platform.ts';

type AsyncHandler = (req: Request, res: Response) => Promise<unknown> | unknown;

function wrap(fn: AsyncHandler, onError: (res: Response, err: LmsError) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve()
      .then(() => fn(req, res))
      .catch((err: unknown) => (err instanceof LmsError ? onError(res, err) : next(err)));
  };
}

/** For endpoints people's browsers reach: errors as a small HTML page. */
export function htmlHandler(site: string, heading: string, fn: AsyncHandler): RequestHandler {
  return wrap(fn, (res, err) =>
    res
      .status(err.status)
      .type('html')
      .send(errorPage(site, heading, err.message)),
  );
}

/** For endpoints tools call: errors as `{ error, error_description }`. */
export function jsonHandler(fn: AsyncHandler): RequestHandler {
  return wrap(fn, (res, err) =>
    res.status(err.status).json({ error: err.code ?? 'invalid_request', error_description: err.message }),
  );
}
