/** What every service is given: the database, configuration, log and the LTI provider. */
import type { Sql } from '../db/sql.ts';
import type { ToolConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { LtiProvider } from '../lti/ltijs.ts';
import type { ReadCache } from './cache.ts';
import type { RateLimits } from './rate-limits.ts';

export interface App {
  sql: Sql;
  config: ToolConfig;
  log: Logger;
  sessions: Sessions;
  lti: LtiProvider;
  cache: ReadCache;
  limits: RateLimits;
  /** Work that outlives its request (a roster sync after a launch); awaited on shutdown. */
  background(task: Promise<unknown>): void;
}
