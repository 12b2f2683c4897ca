/** When a conversation was held: asked of the person, never later than now, and one date everywhere. */

/** A minute of leeway for clocks that disagree a little between the browser and the server. */
export const HELD_AT_LEEWAY_MS = 60_000;

/** The date "Mark as held" offers: the scheduled time if it has passed, else now (it came early). */
export function defaultHeldAt(scheduledFor: string, now = Date.now()): Date {
  return new Date(Math.min(Date.parse(scheduledFor), now));
}

/** Why a held date cannot be taken, as a reason each part words, or null when it can. */
export function heldAtProblem(heldAt: string, now = Date.now()): 'later_than_now' | null {
  return Date.parse(heldAt) > now + HELD_AT_LEEWAY_MS ? 'later_than_now' : null;
}
