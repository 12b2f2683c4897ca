/**
 * A clock the test moves. `advance` moves time on, then runs once each periodic task that fell due
 * (as on a machine waking from sleep: an hour later, an every-second task runs once, not 3,600
 * times) and waits for them.
 */
import type { Clock } from '@mentoring/lti-tool/src/clock.ts';

interface Timer {
  ms: number;
  next: number;
  task: () => Promise<void>;
}

export class ManualClock implements Clock {
  private readonly timers = new Set<Timer>();

  constructor(private time = Date.now()) {}

  now(): number {
    return this.time;
  }

  every(ms: number, task: () => Promise<void>): () => void {
    const timer = { ms, next: this.time + ms, task };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  async advance(ms: number): Promise<void> {
    this.time += ms;
    for (const timer of [...this.timers].sort((a, b) => a.next - b.next)) {
      if (timer.next > this.time || !this.timers.has(timer)) continue;
      timer.next = this.time + timer.ms;
      await timer.task();
    }
  }
}
