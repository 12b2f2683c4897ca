/**
 * What every service is given: the database, configuration, log, clock and the LTI provider, and
 * the tool's in-memory state (caches, the clip group commit). Nothing of that lives in a module:
 * two tools in one process (as in tests) share none of it.
 */
import type { Sql } from '../db/sql.ts';
import type { ToolConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { LtiProvider } from '../lti/ltijs.ts';
import type { Clock } from '../clock.ts';
import type { Invalidations } from '../db/invalidations.ts';
import type { ClipGroups } from '../models/clips.ts';
import type { ReadCache } from './cache.ts';
import type { RateLimits } from './rate-limits.ts';

export interface App {
  sql: Sql;
  config: ToolConfig;
  log: Logger;
  clock: Clock;
  sessions: Sessions;
  lti: LtiProvider;
  /** People and programs as hot requests read them; see `cacheKey` for what invalidates them. */
  cache: ReadCache;
  /** Announces cache invalidations to every process on the database. */
  invalidations: Invalidations;
  /** Deployments already seen registered, so a launch asks the database about each once. */
  knownDeployments: Set<string>;
  /** Clip creation's group commit. */
  clipGroups: ClipGroups;
  limits: RateLimits;
  /** Work that outlives its request (a roster sync after a launch); awaited on shutdown. */
  background(task: Promise<unknown>): void;
}
