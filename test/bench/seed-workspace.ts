/**
 * Seeds a program with many partnerships and clips straight through the tool's Sequelize, in
 * batched multi-row INSERTs inside large transactions. Values are escaped into the statement:
 * Sequelize's bind parameters cost twenty times more for statements this wide.
 * Clips arrive in time order across all partnerships, as they would in a year of use, so one
 * partnership's clips lie scattered through the table as they would in production.
 */
import crypto from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';

export interface SeedPlan {
  programId: string;
  /** The measured partnership, already inserted with its two launched members. */
  big: { id: string; mentorId: string; menteeId: string };
  partnerships: number;
  clips: number;
  bigClips: number;
  now: number;
}

export interface SeedCounts {
  people: number;
  partnerships: number;
  clips: number;
  reviews: number;
  conversations: number;
}

const DAY = 86_400_000;
const ROWS_PER_STATEMENT = 500;
const ROWS_PER_TRANSACTION = 25_000;

/** Passages are cut from program-like prose, ~200 characters each. */
const CORPUS = [
  'The starting point on the dance floor is clear, but how the dance will go and where it will end up depend completely on what the musician plays and how the dancer responds to that music.',
  'With true improvisation, neither the musician nor the dancer is in command; neither has planned his or her actions in advance, and the precise outcome cannot be predicted ahead of time.',
  'The mentee chooses the agenda and the path of the conversation, thus keeping the focus centred on her or his growth and development over the months of the partnership.',
  'The mentor-coach asks questions that foster exploration and new discoveries, perspectives, and possibilities for action, and shares experience only when it serves the mentee.',
  'Supervision is the process of employee development, management, and evaluation that is used by a boss; mentoring and coaching must not overlap evaluation and supervision.',
  'Collegial coaching is a peer-based relationship in which school leader colleagues work together for a specific, predetermined purpose: to support their professional growth.',
  'Choice fosters genuine collaboration on a whole host of issues, from instruction and assessment to the social and emotional wellbeing of staff and students alike.',
].join(' ');
const TAGS = ['feedback', 'agenda', 'equity', 'assessment', 'culture', 'staff', 'budget', 'families'];
const PAGES = 50_000;

/** A deterministic generator, so runs seed the same shape. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Inserter {
  private readonly pending = new Map<string, unknown[][]>();
  constructor(
    private readonly sequelize: Sequelize,
    private readonly transaction: Transaction,
  ) {}

  async add(table: string, columns: string[], row: unknown[]) {
    const key = `${table}(${columns.join(',')})`;
    const rows = this.pending.get(key) ?? [];
    rows.push(row);
    this.pending.set(key, rows);
    // Everything pending goes together, parents first (tables in the order first seen), so a
    // review never reaches the database before its clip.
    if (rows.length >= ROWS_PER_STATEMENT) await this.flush();
  }

  private async flushOne(key: string) {
    const rows = this.pending.get(key);
    if (!rows?.length) return;
    this.pending.set(key, []);
    const values = rows.map((row) => `(${row.map((v) => this.sequelize.escape(v as string)).join(',')})`).join(',');
    await this.sequelize.query(`INSERT INTO ${key} VALUES ${values}`, { transaction: this.transaction });
  }

  async flush() {
    for (const key of this.pending.keys()) await this.flushOne(key);
  }
}

/** Runs `work` in one SQLite transaction with a large page cache (the default 2 MB thrashes on a 1 GB file). */
async function inTransaction(sequelize: Sequelize, work: (ins: Inserter) => Promise<void>) {
  await sequelize.transaction(async (transaction) => {
    await sequelize.query('PRAGMA cache_size = -262144', { transaction });
    const ins = new Inserter(sequelize, transaction);
    await work(ins);
    await ins.flush();
  });
}

const CLIP_COLUMNS = [
  'id',
  'partnership_id',
  'clipper_id',
  'url',
  'page_url',
  'title',
  'quote',
  'selectors',
  'note',
  'tags',
  'goal_ids',
  'prompt_ids',
  'created_at',
  'updated_at',
];

export async function seedWorkspace(sequelize: Sequelize, plan: SeedPlan): Promise<SeedCounts> {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const yearAgo = plan.now - 365 * DAY;
  const counts: SeedCounts = { people: 0, partnerships: 1, clips: 0, reviews: 0, conversations: 0 };

  // Everyone else: two people per partnership, members of the program.
  const others = Array.from({ length: plan.partnerships - 1 }, (_, i) => ({
    id: crypto.randomUUID(),
    mentorId: crypto.randomUUID(),
    menteeId: crypto.randomUUID(),
    createdAt: yearAgo - (i % 30) * DAY,
    /** Every tenth partnership has held a conversation; its mentor reviews what came before. */
    lastHeld: i % 10 === 0 ? plan.now - Math.floor(rnd() * 90) * DAY : null,
  }));
  await inTransaction(sequelize, async (ins) => {
    for (const [n, p] of others.entries()) {
      for (const [k, personId] of [p.mentorId, p.menteeId].entries()) {
        await ins.add(
          'people',
          ['id', 'issuer', 'subject', 'name', 'email', 'created_at', 'updated_at'],
          [personId, 'https://bench.example', `p${n}-${k}`, `Person ${n}-${k}`, null, p.createdAt, p.createdAt],
        );
        await ins.add(
          'memberships',
          [
            'program_id',
            'person_id',
            'lms_roles',
            'program_role',
            'in_roster',
            'last_launch_at',
            'created_at',
            'updated_at',
          ],
          [plan.programId, personId, '[]', 'participant', 1, null, p.createdAt, p.createdAt],
        );
        counts.people++;
      }
      await ins.add(
        'partnerships',
        ['id', 'program_id', 'kind', 'status', 'agreement', 'created_by_id', 'created_at', 'updated_at', 'closed_at'],
        [p.id, plan.programId, 'mentoring', 'active', '{}', p.menteeId, p.createdAt, p.createdAt, null],
      );
      for (const [personId, role] of [
        [p.mentorId, 'mentor'],
        [p.menteeId, 'mentee'],
      ] as const) {
        await ins.add(
          'partnership_members',
          ['partnership_id', 'person_id', 'role', 'invitation', 'created_at'],
          [p.id, personId, role, 'accepted', p.createdAt],
        );
      }
      counts.partnerships++;
    }
  });

  // The measured partnership: two held conversations, the next one planned, prompts, requests.
  const bigLastHeld = plan.now - 45 * DAY;
  const conversationColumns = [
    'id',
    'partnership_id',
    'scheduled_for',
    'held_at',
    'agenda',
    'shared_notes',
    'created_at',
    'updated_at',
  ];
  await inTransaction(sequelize, async (ins) => {
    const held = [plan.now - 120 * DAY, bigLastHeld].map((at) => ({ id: crypto.randomUUID(), at }));
    for (const h of held)
      await ins.add('conversations', conversationColumns, [
        h.id,
        plan.big.id,
        h.at,
        h.at,
        '[]',
        'We talked about the first term.',
        h.at,
        h.at,
      ]);
    const next = crypto.randomUUID();
    const agenda = JSON.stringify([
      { kind: 'free', text: 'The staff meeting that went sideways' },
      { kind: 'free', text: 'Budget season' },
    ]);
    await ins.add('conversations', conversationColumns, [
      next,
      plan.big.id,
      plan.now + 7 * DAY,
      null,
      agenda,
      '',
      plan.now,
      plan.now,
    ]);
    await ins.add(
      'private_notes',
      ['conversation_id', 'person_id', 'note', 'updated_at'],
      [next, plan.big.mentorId, 'Ask about the new hire.', plan.now],
    );
    for (const [i, h] of held.entries()) {
      for (const done of [0, i]) {
        await ins.add(
          'commitments',
          ['id', 'conversation_id', 'text', 'goal_id', 'due_on', 'action_id', 'done', 'created_at'],
          [crypto.randomUUID(), h.id, 'Observe two classrooms', null, null, null, done, h.at],
        );
      }
    }
    for (let i = 0; i < 40; i++) {
      const status = i < 20 ? 'open' : i < 30 ? 'answered' : 'discussed';
      const at = plan.now - i * DAY;
      await ins.add(
        'prompts',
        [
          'id',
          'partnership_id',
          'author_id',
          'question',
          'clip_id',
          'goal_id',
          'response',
          'responded_at',
          'status',
          'created_at',
          'updated_at',
        ],
        [
          crypto.randomUUID(),
          plan.big.id,
          plan.big.mentorId,
          `What would you try next time? (${i})`,
          null,
          null,
          status === 'open' ? null : 'I would ask first.',
          status === 'open' ? null : at,
          status,
          at,
          at,
        ],
      );
    }
    for (let i = 0; i < 3; i++) {
      await ins.add(
        'resource_requests',
        ['id', 'partnership_id', 'asked_by_id', 'question', 'status', 'answer', 'created_at', 'updated_at'],
        [
          crypto.randomUUID(),
          plan.big.id,
          plan.big.menteeId,
          'A reading on difficult conversations?',
          i < 2 ? 'open' : 'answered',
          null,
          plan.now,
          plan.now,
        ],
      );
    }
    for (const p of others) {
      if (p.lastHeld === null) continue;
      await ins.add('conversations', conversationColumns, [
        crypto.randomUUID(),
        p.id,
        p.lastHeld,
        p.lastHeld,
        '[]',
        '',
        p.lastHeld,
        p.lastHeld,
      ]);
    }
    counts.conversations = 3 + others.filter((p) => p.lastHeld !== null).length;
  });

  // The clips, a year of them in time order; the big partnership's at evenly spread random places.
  const bigAt = new Set<number>();
  while (bigAt.size < plan.bigClips) bigAt.add(Math.floor(rnd() * plan.clips));
  const step = (plan.now - yearAgo) / plan.clips;
  for (let start = 0; start < plan.clips; start += ROWS_PER_TRANSACTION) {
    await inTransaction(sequelize, async (ins) => {
      for (let i = start; i < Math.min(plan.clips, start + ROWS_PER_TRANSACTION); i++) {
        const at = Math.floor(yearAgo + i * step);
        const isBig = bigAt.has(i);
        const p = isBig ? null : others[Math.floor(rnd() * others.length)]!;
        const partnershipId = p?.id ?? plan.big.id;
        const mentorId = p?.mentorId ?? plan.big.mentorId;
        const clipperId = rnd() < 0.9 ? (p?.menteeId ?? plan.big.menteeId) : mentorId;
        const page = `https://readings.example/library/${Math.floor(rnd() * PAGES)}`;
        const length = 180 + Math.floor(rnd() * 40);
        const from = Math.floor(rnd() * (CORPUS.length - length - 40)) + 32;
        const quote = CORPUS.slice(from, from + length);
        const selectors = JSON.stringify([
          {
            type: 'TextQuoteSelector',
            exact: quote,
            prefix: CORPUS.slice(from - 32, from),
            suffix: CORPUS.slice(from + length, from + length + 32),
          },
          { type: 'TextPositionSelector', start: from, end: from + length },
        ]);
        const note = rnd() < 0.4 ? 'Worth raising next time: how does this fit our first term?' : '';
        const tags = JSON.stringify(rnd() < 0.5 ? [pick(TAGS)] : []);
        const id = crypto.randomUUID();
        await ins.add('clips', CLIP_COLUMNS, [
          id,
          partnershipId,
          clipperId,
          rnd() < 0.2 ? `${page}#part-2` : page,
          page,
          `Reading ${page.slice(-5)}`,
          quote,
          selectors,
          note,
          tags,
          '[]',
          '[]',
          at,
          at,
        ]);
        counts.clips++;
        const lastHeld = p ? p.lastHeld : bigLastHeld;
        const reviewedOdds = lastHeld === null ? 0 : at < lastHeld ? 0.7 : 0.3;
        if (clipperId !== mentorId && rnd() < reviewedOdds) {
          await ins.add('clip_reviews', ['clip_id', 'mentor_id', 'reviewed_at'], [id, mentorId, at + DAY]);
          counts.reviews++;
        }
      }
    });
  }
  await sequelize.query('PRAGMA wal_checkpoint(TRUNCATE)');
  return counts;
}
