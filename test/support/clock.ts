/** A clock the test moves: `advance` runs the periodic work that falls due, in order, and waits for it. */
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
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.time = Math.max(this.time, due.next);
      due.next += due.ms;
      await due.task();
    }
    this.time = end;
  }
}
