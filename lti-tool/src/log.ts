import pino from 'pino';

/** The tool's logger; tests run it silent. */
export function createLogger(level: string) {
  return pino({ level, base: undefined });
}
export type Logger = ReturnType<typeof createLogger>;
