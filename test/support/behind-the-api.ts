/**
 * State the product offers no action for, written straight to the database. Each helper says why the
 * API cannot do it; everything else a test sets up goes through the API as a person would.
 */
import type { TestTool } from './tool.ts';

/**
 * Time passing: a partnership formed weeks ago, a pairing code past its expiry. The tool reads
 * `Date.now()` for these, so a test moves the stored times back instead.
 */
export async function backdatePartnership(tool: TestTool, partnershipId: string, createdAt: number) {
  await tool.app.sql.run('UPDATE partnerships SET created_at = :createdAt WHERE id = :partnershipId', {
    partnershipId,
    createdAt,
  });
}

export async function expireOpenPairingCodes(tool: TestTool) {
  await tool.app.sql.run('UPDATE pairing_codes SET expires_at = :past WHERE used_at IS NULL', {
    past: Date.now() - 1,
  });
}

/** Clips that landed in one millisecond (a batch from an extension's outbox); no API call can force that. */
export async function stampClipsAt(tool: TestTool, clipIds: readonly string[], createdAt: number) {
  await tool.app.sql.run('UPDATE clips SET created_at = :createdAt WHERE id IN (:clipIds)', {
    clipIds: [...clipIds],
    createdAt,
  });
}

/**
 * Another tool process changing a partnership's status: this process's access cache does not hear
 * of it, which is what the test is about; through this process's API the cache would be told.
 */
export async function setStatusFromAnotherProcess(tool: TestTool, partnershipId: string, status: string) {
  await tool.app.sql.run('UPDATE partnerships SET status = :status WHERE id = :partnershipId', {
    partnershipId,
    status,
  });
}

/** Waits until the wall clock has moved on, so that the next write is stamped strictly later. */
export async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() <= start) await new Promise<void>((resolve) => setImmediate(resolve));
}
