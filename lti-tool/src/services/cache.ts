/**
 * A per-tool read cache for rows that hot requests read and that change rarely (people, programs).
 * Writers publish what they change through `Invalidations`, which reaches every process; the TTL
 * only bounds how long an entry lives.
 */
import type { Clock } from '../clock.ts';

export class ReadCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 30_000,
    private readonly max = 20_000,
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    const value = load();
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  delete(...keys: string[]) {
    for (const k of keys) this.entries.delete(k);
  }

  clear() {
    this.entries.clear();
  }
}
