/**
 * Rate limits on what a stranger can try without signing in: pairing codes, OIDC logins and
 * Dynamic Registrations. rate-limiter-flexible does the counting; its counters are kept in the
 * tool's own database table (through the library's store API), so every instance shares them.
 */
import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { MessageDescriptor } from '@lingui/core';
import { RateLimiterRes, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';
import type { Sql } from '../db/sql.ts';
import type { Logger } from '../log.ts';
import {
  addPoints,
  deleteCounter,
  deleteExpiredCounters,
  findCounter,
  type CounterRow,
} from '../models/rate-limits.ts';
import { serverI18n } from '../i18n/server.ts';

const require = createRequire(import.meta.url);
// The library's base class for stores; its package exports only the finished stores.
const StoreAbstract =
  require('rate-limiter-flexible/lib/RateLimiterStoreAbstract.js') as typeof RateLimiterStoreAbstract;

type StoreOptions = ConstructorParameters<typeof RateLimiterStoreAbstract>[0];

/** A rate-limiter-flexible store on the `rate_limits` table, the same on SQLite and PostgreSQL. */
class SqlRateLimiter extends StoreAbstract {
  private writes = 0;

  constructor(
    private readonly sql: Sql,
    options: Omit<StoreOptions, 'storeClient'>,
  ) {
    super({ ...options, storeClient: sql });
  }

  async _upsert(bucket: string, points: number, msDuration: number, forceExpire = false): Promise<CounterRow> {
    const now = Date.now();
    // Now and then, forget buckets that ended an hour ago.
    if (++this.writes % 500 === 0) await deleteExpiredCounters(this.sql, now - 3_600_000);
    return addPoints(
      this.sql,
      { bucket, points, expiresAt: msDuration > 0 ? now + msDuration : null, reset: forceExpire },
      now,
    );
  }

  async _get(bucket: string): Promise<CounterRow | null> {
    return (await findCounter(this.sql, bucket, Date.now())) ?? null;
  }

  _delete(bucket: string): Promise<boolean> {
    return deleteCounter(this.sql, bucket);
  }

  _getRateLimiterRes(_bucket: string, changedPoints: number, row: CounterRow): RateLimiterRes {
    const points = Number(row.points);
    const first = changedPoints === points;
    const consumed = first ? changedPoints : points;
    const msBeforeNext = row.expires_at === null ? -1 : Math.max(Number(row.expires_at) - Date.now(), 0);
    return new RateLimiterRes(Math.max(this.points - consumed, 0), msBeforeNext, consumed, first);
  }
}

export type LimitName = 'pairing' | 'login' | 'register';

export interface RateLimitSettings {
  /** Failed pairing-code exchanges from one address per 10 minutes. */
  pairingPer10Minutes: number;
  /** OIDC login initiations from one address per minute. */
  loginPerMinute: number;
  /** Dynamic Registration requests from one address per hour. */
  registerPerHour: number;
}

const WINDOWS: Record<LimitName, { setting: keyof RateLimitSettings; seconds: number }> = {
  pairing: { setting: 'pairingPer10Minutes', seconds: 600 },
  login: { setting: 'loginPerMinute', seconds: 60 },
  register: { setting: 'registerPerHour', seconds: 3_600 },
};

/** The client's address; behind `hops` trusted proxies, the one the nearest proxy saw. */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (hops > 0 && typeof forwarded === 'string') {
    const chain = forwarded.split(',').map((a) => a.trim());
    const seen = chain[chain.length - hops] ?? chain[0];
    if (seen) return seen.slice(0, 100);
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * A refusal for too many tries: `text` says how long to wait, in the reader's language (`message` is
 * its English); `Retry-After` says it in seconds.
 */
export class TooManyRequests extends Error {
  readonly status = 429;
  readonly text: MessageDescriptor;
  constructor(
    limit: LimitName,
    readonly retryAfterSeconds: number,
  ) {
    const seconds = retryAfterSeconds;
    const text = /*i18n*/ {
      id: 'refusal.rate-limit.too-many',
      message:
        '{limit, select, pairing {Too many connection codes were tried from this network.} login {Too many sign-ins were started from this network.} other {Too many registrations were tried from this network.}} {unit, select, seconds {Please wait {seconds, plural, one {# second} other {# seconds}}, then try again.} other {Please wait {minutes, plural, one {# minute} other {# minutes}}, then try again.}}',
      values: { limit, unit: seconds < 60 ? 'seconds' : 'minutes', seconds, minutes: Math.ceil(seconds / 60) },
    };
    super(serverI18n('en')._(text));
    this.text = text;
  }
}

export class RateLimits {
  private readonly limiters = new Map<LimitName, SqlRateLimiter>();

  constructor(
    sql: Sql,
    settings: RateLimitSettings,
    private readonly log: Logger,
  ) {
    for (const [name, w] of Object.entries(WINDOWS) as [LimitName, (typeof WINDOWS)[LimitName]][]) {
      const points = settings[w.setting];
      if (points > 0)
        this.limiters.set(name, new SqlRateLimiter(sql, { keyPrefix: name, points, duration: w.seconds }));
    }
  }

  /**
   * Counts one try by `who`; refuses with {@link TooManyRequests} when the allowance is used up. A
   * database failure lets the try through (and is logged): the limit must not lock everyone out.
   */
  async take(name: LimitName, who: string): Promise<void> {
    const limiter = this.limiters.get(name);
    if (!limiter) return;
    try {
      await limiter.consume(who);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) {
        this.log.error({ err, limit: name }, 'rate limit could not be counted');
        return;
      }
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new TooManyRequests(name, seconds);
    }
  }

  /** Gives a try back (a pairing code that worked does not count against the network). */
  async giveBack(name: LimitName, who: string): Promise<void> {
    const limiter = this.limiters.get(name);
    if (!limiter) return;
    try {
      await limiter.reward(who);
    } catch (err) {
      this.log.error({ err, limit: name }, 'rate limit could not be given back');
    }
  }

  /** Express middleware counting each request to a route against `name`. */
  route(name: LimitName, trustedHops: number): RequestHandler {
    return (req, _res, next) => {
      this.take(name, clientAddress(req, trustedHops)).then(() => next(), next);
    };
  }
}
