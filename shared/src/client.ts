/**
 * A typed client for the API, used by the workspace app and the extension alike.
 * Each method is named after its route in `routes`.
 */
import type { RouteArgs, RouteAnswer, Routes } from './api.ts';
import { fillPath, routePaths } from './paths.ts';
import type { ErrorBody, ErrorCode } from './domain.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    /** In English when the tool did not answer; each part words `network` and `fromTool: false` itself. */
    message: string,
    readonly field?: string,
    /** The tool answered this refusal itself, in the person's language (not a proxy, not another site). */
    readonly fromTool = false,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** A failure worth retrying later: the tool was unreachable or briefly unwell. */
  get retryable(): boolean {
    return this.code === 'network' || this.status >= 500 || this.status === 429;
  }
}

export interface ClientOptions {
  baseUrl: string;
  /** The bearer token: the launch's ltik in the app, the personal token in the extension. */
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  fetch?: typeof fetch;
}

/** Each call may carry an `AbortSignal` (TanStack Query's, say): aborting it stops the request. */
export type CallOptions = { signal?: AbortSignal };

export type ApiClient = {
  [K in keyof Routes]: (args: RouteArgs<Routes[K]> & CallOptions) => Promise<RouteAnswer<Routes[K]>>;
};

/**
 * When an address answered, but not as the mentoring tool does: in English, for logs. The app and the
 * extension tell the person in their language, from the status (`ApiError.fromTool` is false).
 */
function withoutToolAnswer(status: number): string {
  if (status === 404 || status === 405)
    return 'Nothing at this address answers like the mentoring tool. Check the address, or get a new connection code from “Connect your browser” in your workspace.';
  if (status >= 500) return 'The mentoring tool is having trouble right now. Try again in a few minutes.';
  return `The mentoring tool could not take this request (HTTP ${status}). Try again, or open your workspace from your course.`;
}

export function createApiClient(options: ClientOptions): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const client: Record<string, unknown> = {};
  for (const [name, [method, path]] of Object.entries(routePaths)) {
    client[name] = async (
      args: { params?: Record<string, string>; body?: unknown; query?: Record<string, unknown> } & CallOptions = {},
    ) => {
      let url = base + fillPath(path, args.params);
      if (args.query) {
        const qs = new URLSearchParams();
        for (const [k, v] of Object.entries(args.query)) if (v !== undefined && v !== null) qs.set(k, String(v));
        const s = qs.toString();
        if (s) url += `?${s}`;
      }
      const token = await options.getToken();
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (args.body !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      try {
        res = await doFetch(url, {
          method,
          headers,
          body: args.body === undefined ? undefined : JSON.stringify(args.body),
          signal: args.signal,
        });
      } catch (err) {
        // A cancelled call is no outage: its caller stopped waiting for it.
        if (args.signal?.aborted) throw args.signal.reason;
        throw new ApiError(0, 'network', `The mentoring tool could not be reached (${(err as Error).message}).`);
      }
      const isJson = res.headers.get('content-type')?.includes('application/json');
      const payload: unknown = isJson ? await res.json() : await res.text();
      if (!res.ok) {
        const e = (payload as Partial<ErrorBody> | null)?.error;
        throw new ApiError(
          res.status,
          e?.code ?? (res.status >= 500 ? 'internal' : 'invalid_input'),
          e?.message ?? withoutToolAnswer(res.status),
          e?.field,
          e?.message !== undefined,
        );
      }
      return payload;
    };
  }
  return client as ApiClient;
}
