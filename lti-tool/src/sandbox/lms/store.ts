/** The LMS's records, in memory, optionally mirrored to a JSON file so a restarted sandbox keeps its registrations. */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JWK } from 'jose';
import type { Course, LineItem, ReceivedDeepLink, Score, ToolRegistration } from './types.ts';

/** A line item as stored: keyed by a short id, since its URL depends on where the LMS listens. */
export interface StoredLineItem extends Omit<LineItem, 'id'> {
  key: string;
  courseId: string;
  clientId: string;
}

export interface StoredScore extends Score {
  lineItemKey: string;
  clientId: string;
}

/** Persisted so that tokens cached by the tool (ltijs keeps them for `expires_in`) survive a restart. */
export interface AccessToken {
  token: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

export interface StateData {
  platformGuid: string;
  /** The platform's private signing key (JWK with kid). */
  key?: JWK;
  tools: ToolRegistration[];
  courses: Course[];
  deepLinks: ReceivedDeepLink[];
  lineItems: StoredLineItem[];
  scores: StoredScore[];
  accessTokens: AccessToken[];
}

export class Store {
  private constructor(
    readonly data: StateData,
    private readonly file?: string,
  ) {}

  static open(file?: string): Store {
    const empty: StateData = {
      platformGuid: randomUUID(),
      tools: [],
      courses: [],
      deepLinks: [],
      lineItems: [],
      scores: [],
      accessTokens: [],
    };
    if (!file) return new Store(empty);
    let saved: Partial<StateData> = {};
    try {
      saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<StateData>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return new Store({ ...empty, ...saved }, file);
  }

  /** Writes the whole state atomically; called after every change (changes are rare, launches change nothing). */
  save(): void {
    if (!this.file) return;
    const now = Date.now();
    this.data.accessTokens = this.data.accessTokens.filter((t) => t.expiresAt > now);
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    renameSync(tmp, this.file);
  }
}
