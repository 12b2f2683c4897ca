/**
 * A small load generator for benchmarks: a bounded number of keep-alive connections sending
 * requests in a loop for a bounded time, on loopback only. Answers throughput and latencies.
 */
import http from 'node:http';

export interface HammerOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** A body per request (so each can differ, e.g. a fresh clip id). */
  body?: () => string;
  concurrency: number;
  seconds: number;
  /** Stop after this many requests even if time remains. */
  maxRequests?: number;
}

export interface HammerResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  firstError?: string;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function hammer(o: HammerOptions): Promise<HammerResult> {
  const target = new URL(o.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname))
    throw new Error('Benchmarks only target loopback addresses.');
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  let firstError: string | undefined;
  const until = performance.now() + o.seconds * 1000;
  const start = performance.now();
  const one = () =>
    new Promise<void>((resolve) => {
      const body = o.body?.();
      const t = performance.now();
      const req = http.request(
        target,
        {
          method: o.method ?? 'GET',
          agent,
          headers: {
            ...o.headers,
            ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - t);
            requests++;
            if ((res.statusCode ?? 500) >= 400) {
              errors++;
              firstError ??= `${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`;
            }
            resolve();
          });
        },
      );
      req.on('error', (err) => {
        errors++;
        firstError ??= err.message;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (performance.now() < until && (o.maxRequests === undefined || requests < o.maxRequests)) await one();
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    requests,
    errors,
    rps: requests / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    firstError,
  };
}
