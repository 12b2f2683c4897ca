/**
 * Time as the tool sees it. Services read `now()` and periodic work runs through `every()`, so a test
 * can hand the tool a clock it moves itself instead of sleeping.
 */
export interface Clock {
  now(): number;
  /** Runs `task` every `ms` (a run never overlaps the one before); the answer stops it. */
  every(ms: number, task: () => Promise<void>): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, task) {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      void task().finally(() => (running = false));
    }, ms);
    // Periodic upkeep never keeps a stopping process alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};
