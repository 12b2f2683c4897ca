/**
 * The worker behind e-mail notices: it makes the timed notices (reminders, commitments due, quiet
 * partnerships, digests) from what the database holds, and sends the outbox. Each message is
 * leased by one instance before it is sent, so two tools on one database send it once; what a
 * stopped tool did not send waits in the table.
 */
import crypto from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { DAY, HOUR, MAX_MAIL_ATTEMPTS, deliveryOf, digestMoment, resolveLocale, retryDelayMs } from '@mentoring/shared';
import { json } from '../db/sql.ts';
import {
  claimMail,
  commitmentsFallingDue,
  conversationsStarting,
  deliveryChoices,
  digestsWaiting,
  dueMail,
  finishMail,
  gatherDigest,
  mailRecipient,
  notificationsByIds,
  quietPartnerships,
  type OutboxRow,
} from '../models/notifications.ts';
import { notifyPartnership } from '../services/notifications.ts';
import type { App } from '../services/app.ts';
import { composeMail } from './compose.ts';
import { personLocales } from '../models/programs.ts';

/** How often the worker looks for due notices and mail. */
export const MAIL_POLL_MS = 30_000;
/** How long an instance holds a message it is sending before another may take it over. */
const LEASE_MS = 10 * 60_000;
const BATCH = 50;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class Postman {
  private readonly owner = crypto.randomUUID();
  private readonly transport: Transporter | null;
  private stopTimer: (() => void) | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly app: App) {
    this.transport = app.config.mail.smtpUrl ? nodemailer.createTransport(app.config.mail.smtpUrl) : null;
  }

  /** Runs the worker on the app's clock until `stop`. */
  start(): void {
    this.stopTimer = this.app.clock.every(MAIL_POLL_MS, () => {
      this.running = this.round().catch((err: unknown) => this.app.log.warn({ err }, 'notice round failed'));
      return this.running;
    });
  }

  /** One round: timed notices that have come due, then the mail that is due. */
  async round(): Promise<void> {
    await this.timedNotices();
    if (this.transport) await this.deliver();
  }

  /**
   * Reminders, commitments coming due and quiet partnerships, computed from the stored times and
   * made once per key: a round after a restart makes those whose time came while it was stopped.
   */
  async timedNotices(): Promise<void> {
    const { app } = this;
    const now = app.clock.now();
    const lead = app.config.mail.reminderLeadHours * HOUR;
    for (const c of await conversationsStarting(app.sql, now, now + lead))
      await app.sql.tx((sql) =>
        notifyPartnership(app, sql, {
          partnershipId: c.partnershipId,
          event: { kind: 'conversation-reminder' },
          data: { when: new Date(c.scheduledFor).toISOString() },
          dedupeKey: `reminder:${c.id}:${c.scheduledFor}`,
        }),
      );
    const today = isoDay(now);
    for (const due of await commitmentsFallingDue(app.sql, today, isoDay(now + DAY)))
      await app.sql.tx((sql) =>
        notifyPartnership(app, sql, {
          partnershipId: due.partnershipId,
          event: { kind: 'commitments-due' },
          data: { count: due.count },
          dedupeKey: `commitments:${due.partnershipId}:${today}`,
        }),
      );
    for (const q of await quietPartnerships(app.sql, now))
      await app.sql.tx((sql) =>
        notifyPartnership(app, sql, {
          partnershipId: q.partnershipId,
          event: { kind: 'partnership-quiet' },
          dedupeKey: `quiet:${q.partnershipId}:${q.since}`,
        }),
      );
    if (!this.transport) return;
    const moment = digestMoment(now, app.config.mail.digestHourUtc);
    for (const d of await digestsWaiting(app.sql, moment))
      await app.sql.tx((sql) => gatherDigest(sql, d.person_id, d.program_id, moment, now));
  }

  /** Sends what is due, each message under this instance's lease. */
  async deliver(): Promise<number> {
    const { app } = this;
    let sent = 0;
    for (const row of await dueMail(app.sql, app.clock.now(), BATCH)) {
      if (!(await claimMail(app.sql, row.id, this.owner, app.clock.now(), LEASE_MS))) continue;
      if (await this.send(row)) sent++;
    }
    return sent;
  }

  private async send(row: OutboxRow): Promise<boolean> {
    const { app } = this;
    const to = await mailRecipient(app.sql, row.person_id, row.program_id);
    const chosen = (await deliveryChoices(app.sql, [row.person_id])).get(row.person_id) ?? {};
    // What the person turned off since (or unsubscribed from) is not sent.
    const notices = (await notificationsByIds(app.sql, json.read<string[]>(row.notification_ids, []))).filter(
      (n) => deliveryOf(n.kind, chosen) !== 'off',
    );
    if (!to?.email || !notices.length) {
      await finishMail(app.sql, row.id, this.owner, { status: 'dropped' }, app.clock.now());
      return false;
    }
    // In the person's own language, else their LMS's (an e-mail has no browser to ask), and in the
    // time zone their browser last reported.
    const locales = await personLocales(app.sql, row.person_id);
    const message = composeMail(
      app,
      { personId: row.person_id, name: to.name, email: to.email },
      to,
      notices,
      Boolean(row.digest),
      resolveLocale({ ...locales }),
      locales?.timeZone ?? 'UTC',
    );
    try {
      await this.transport!.sendMail({ from: app.config.mail.from, ...message });
    } catch (err) {
      const attempts = Number(row.attempts) + 1;
      app.log.warn({ err, attempts }, 'sending an e-mail notice failed');
      await finishMail(
        app.sql,
        row.id,
        this.owner,
        {
          status: attempts >= MAX_MAIL_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: app.clock.now() + retryDelayMs(attempts),
          error: String((err as Error).message ?? err).slice(0, 500),
        },
        app.clock.now(),
      );
      return false;
    }
    await finishMail(app.sql, row.id, this.owner, { status: 'sent' }, app.clock.now());
    return true;
  }

  /** Stops the worker once the round in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.stopTimer?.();
    await this.running;
    this.transport?.close();
  }
}
