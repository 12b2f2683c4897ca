/**
 * The one definition of the mentoring domain: entity shapes and the inputs that change them.
 * Server, web app and extension all validate with these schemas, and the OpenAPI document is
 * generated from them, so a field is named and limited in exactly one place.
 */
import { z } from 'zod';
import { LOCALES } from './rules/locale.ts';
import { isTimeZone } from './format.ts';
import { problem } from './i18n/input-problems.ts';

/**
 * Text a person or a program sends: NUL and unpaired UTF-16 surrogates are refused, since neither
 * database stores them as sent (SQLite cuts at NUL, PostgreSQL refuses it) and no editor makes them.
 */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isStorableText = (s: string) => !UNSTORABLE.test(s);
export const Text = z.string().refine(isStorableText, {
  message: 'must not contain a NUL character or broken Unicode (an unpaired surrogate)',
  params: problem('unstorable_text'),
});

export const Id = Text.min(1).max(64);
export const IsoDateTime = z.string().datetime({ offset: true });
/** A calendar day, for due dates, as `YYYY-MM-DD`. */
export const IsoDate = z.iso.date('must be a date as YYYY-MM-DD');

const text = (max: number) => Text.trim().max(max);
const requiredText = (max: number) => Text.trim().min(1, 'must not be empty').max(max);

/** Longest passage kept from one selection; longer ones are cut with a notice to the clipper. */
export const MAX_QUOTE_LENGTH = 10_000;
export const MAX_NOTE_LENGTH = 10_000;

// ---- People and programs -------------------------------------------------------------------

export const ProgramRole = z.enum(['staff', 'participant']);
export type ProgramRole = z.infer<typeof ProgramRole>;

export const Person = z.object({ id: Id, name: z.string(), email: z.string().nullable() }).meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

export const Program = z
  .object({ id: Id, title: z.string(), label: z.string().nullable(), platformName: z.string().nullable() })
  .meta({ id: 'Program' });
export type Program = z.infer<typeof Program>;

export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
export const Me = z
  .object({
    person: Person,
    program: Program,
    programRole: ProgramRole,
    /** The language the tool speaks to this person (rules/locale.ts: choice, launch, browser). */
    locale: Locale,
    /** The person's own choice of language, kept across launches; null follows the LMS. */
    chosenLocale: Locale.nullable(),
    /**
     * The time zone the person's browser last reported (IANA name); null: not yet, times in UTC.
     * Optional for clients built before the server kept one.
     */
    timeZone: z.string().nullable().optional(),
  })
  .meta({ id: 'Me' });
/** A person's choice of language; null goes back to the LMS's (or the browser's). */
export const ChooseLocale = z.object({ locale: Locale.nullable() });
/** The time zone the person's browser is in, for the times of e-mails, exports and calendar events. */
export const ReportTimeZone = z.object({
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: 'Not a time zone this server knows.', params: problem('time_zone') }),
});
export type ChooseLocale = z.infer<typeof ChooseLocale>;
export type Me = z.infer<typeof Me>;

export const PartnershipKind = z.enum(['mentoring', 'collegial']);
export type PartnershipKind = z.infer<typeof PartnershipKind>;
/** `paused`: staff have paused it; members read but do not write until it is resumed. */
export const PartnershipStatus = z.enum(['invited', 'active', 'paused', 'declined', 'closed']);
export type PartnershipStatus = z.infer<typeof PartnershipStatus>;
/**
 * A member's role in this partnership. In a collegial one both are `partner`: who coaches and who is
 * coached switches goal by goal (a goal's `coachId`), so neither is labelled mentor or mentee.
 */
export const MemberRole = z.enum(['mentor', 'mentee', 'partner']);
export type MemberRole = z.infer<typeof MemberRole>;

export const RosterEntry = z
  .object({
    personId: Id,
    name: z.string(),
    email: z.string().nullable(),
    lmsRoles: z.array(z.string()),
    programRole: ProgramRole,
    /** False when the last roster sync said the person left the course (or did not list them): kept, marked, never counted. */
    inCourse: z.boolean(),
    /** The person's partnerships in this program and their role in each (no content). */
    partnerships: z.array(
      z.object({ partnershipId: Id, kind: PartnershipKind, status: PartnershipStatus, role: MemberRole }),
    ),
  })
  .meta({ id: 'RosterEntry' });
export type RosterEntry = z.infer<typeof RosterEntry>;

/** What one roster sync read from the LMS: how many members, and what it could not read. */
export const RosterSyncReport = z
  .object({ membersRead: z.number().int(), entriesSkipped: z.number().int(), warnings: z.array(z.string()) })
  .meta({ id: 'RosterSyncReport' });
export type RosterSyncReport = z.infer<typeof RosterSyncReport>;

export const Roster = z
  .object({ people: z.array(RosterEntry), syncedAt: IsoDateTime.nullable(), sync: RosterSyncReport.optional() })
  .meta({ id: 'Roster' });
export type Roster = z.infer<typeof Roster>;

// ---- Partnerships --------------------------------------------------------------------------

export const InvitationAnswer = z.enum(['pending', 'accepted', 'declined']);

export const Member = z
  .object({ personId: Id, name: z.string(), role: MemberRole, invitation: InvitationAnswer })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

/** What the partners agree at the start, shown at the top of the workspace. */
export const Agreement = z
  .object({
    purpose: text(2_000),
    meetingCadence: text(200),
    confidentiality: text(2_000),
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof Agreement>;

export const DEFAULT_AGREEMENT: Agreement = {
  purpose: '',
  meetingCadence: 'Every two weeks',
  confidentiality:
    'What we discuss stays between us. It is the mentee’s work: the mentee sets the agenda, and the mentor asks questions and shares experience when asked. Program staff see only whether we meet, never what we write.',
};

export const Partnership = z
  .object({
    id: Id,
    kind: PartnershipKind,
    status: PartnershipStatus,
    members: z.array(Member),
    agreement: Agreement,
    /** Goes up with each change to the agreement, so a stale change is refused rather than lost. */
    agreementVersion: z.number().int(),
    createdById: Id,
    createdAt: IsoDateTime,
    closedAt: IsoDateTime.nullable(),
    lastConversationAt: IsoDateTime.nullable(),
    nextConversation: z.object({ id: Id, scheduledFor: IsoDateTime }).nullable(),
  })
  .meta({ id: 'Partnership' });
export type Partnership = z.infer<typeof Partnership>;

export const CreatePartnership = z
  .object({
    kind: PartnershipKind,
    members: z.array(z.object({ personId: Id, role: MemberRole })).min(2, 'a partnership needs at least two members'),
    agreement: Agreement.partial().optional(),
    /** Staff form it even though the same people already share a partnership (they were warned). */
    confirmDuplicate: z.boolean().optional(),
  })
  .meta({ id: 'CreatePartnership' });
export type CreatePartnership = z.infer<typeof CreatePartnership>;

export const UpdatePartnership = z
  .object({
    agreement: Agreement.partial().optional(),
    /** The `agreementVersion` the change was made on; a newer one on the server refuses it (409). */
    agreementVersion: z.number().int().optional(),
    status: z.enum(['active', 'closed']).optional(),
  })
  .meta({ id: 'UpdatePartnership' });

/** What staff do to a partnership's life: pause, resume, end. The reason is for staff, never coaching content. */
export const PartnershipLifecycle = z
  .object({ action: z.enum(['pause', 'resume', 'end']), reason: text(500).optional() })
  .refine((b) => b.action !== 'end' || !!b.reason, {
    message: 'say why the partnership ends',
    path: ['reason'],
    params: problem('end_reason'),
  })
  .meta({ id: 'PartnershipLifecycle' });
export type PartnershipLifecycle = z.infer<typeof PartnershipLifecycle>;

export const ChangeMembers = z
  .object({
    members: z
      .array(z.object({ personId: Id, role: MemberRole }))
      .min(2, 'a partnership needs at least two members')
      .max(10),
  })
  .meta({ id: 'ChangeMembers' });
export type ChangeMembers = z.infer<typeof ChangeMembers>;

export const PartnershipEventKind = z.enum([
  'formed',
  'paused',
  'resumed',
  'ended',
  'reopened',
  'member-joined',
  'member-left',
  'role-changed',
  'nudged',
]);
export type PartnershipEventKind = z.infer<typeof PartnershipEventKind>;

/** One step in a partnership's life, for staff: who was in it and when, never what they wrote. */
export const PartnershipEvent = z
  .object({
    at: IsoDateTime,
    kind: PartnershipEventKind,
    byId: Id.nullable(),
    byName: z.string().nullable(),
    personId: Id.nullable(),
    name: z.string().nullable(),
    role: MemberRole.nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'PartnershipEvent' });
export type PartnershipEvent = z.infer<typeof PartnershipEvent>;

export const PartnershipHistory = z
  .object({ partnershipId: Id, status: PartnershipStatus, events: z.array(PartnershipEvent) })
  .meta({ id: 'PartnershipHistory' });
export type PartnershipHistory = z.infer<typeof PartnershipHistory>;

/**
 * A content-free reminder from staff to a quiet pair: it says only that the program would like them
 * to meet. Its members get a notice (`deliveredAt`: when it was written); shown in the workspace.
 */
export const Nudge = z
  .object({
    id: Id,
    partnershipId: Id,
    sentById: Id,
    sentByName: z.string(),
    sentAt: IsoDateTime,
    deliveredAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Nudge' });
export type Nudge = z.infer<typeof Nudge>;
export type UpdatePartnership = z.infer<typeof UpdatePartnership>;

// ---- Goals and actions ---------------------------------------------------------------------

export const GoalStatus = z.enum(['active', 'achieved', 'parked']);
export type GoalStatus = z.infer<typeof GoalStatus>;

export const Action = z
  .object({
    id: Id,
    goalId: Id,
    text: z.string(),
    dueOn: IsoDate.nullable(),
    done: z.boolean(),
    doneAt: IsoDateTime.nullable(),
    /** The conversation whose commitment made this action, if any. */
    fromConversationId: Id.nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Action' });
export type Action = z.infer<typeof Action>;

/**
 * What a goal's history line says, as data: each app words it in its reader's language. The texts
 * in it (titles, action texts, a coach's name) are as they were at the time.
 */
export const GoalChangeData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created') }),
  z.object({ kind: z.literal('renamed'), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('why-changed') }),
  z.object({ kind: z.literal('success-changed') }),
  z.object({ kind: z.literal('status'), status: GoalStatus }),
  /** `name`: the coach asked; null, the goal left without one. */
  z.object({ kind: z.literal('coach'), name: z.string().nullable() }),
  /** `conversationOn`: when the action came from a commitment, that conversation's time. */
  z.object({ kind: z.literal('action-added'), text: z.string(), conversationOn: IsoDateTime.nullable() }),
  z.object({ kind: z.literal('action-changed'), text: z.string() }),
  z.object({ kind: z.literal('action-done'), text: z.string(), done: z.boolean() }),
]);
export type GoalChangeData = z.infer<typeof GoalChangeData>;

export const GoalEvent = z
  .object({
    at: IsoDateTime,
    byId: Id,
    /** The line in English (older lines were kept as English text only). */
    change: z.string(),
    /** The line as data, for the reader's language; null for a line kept before there was any. */
    event: GoalChangeData.nullable(),
  })
  .meta({ id: 'GoalEvent' });
export type GoalEvent = z.infer<typeof GoalEvent>;

export const Goal = z
  .object({
    id: Id,
    partnershipId: Id,
    /** The mentee whose goal this is (docs/design.md, principle 1: it is the mentee's work). */
    ownerId: Id,
    /** In collegial partnerships, the partner coaching this goal. */
    coachId: Id.nullable(),
    title: z.string(),
    why: z.string(),
    success: z.string(),
    status: GoalStatus,
    actions: z.array(Action),
    history: z.array(GoalEvent),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof Goal>;

export const CreateGoal = z
  .object({
    title: requiredText(200),
    why: text(4_000).optional(),
    success: text(4_000).optional(),
    ownerId: Id.optional(),
    coachId: Id.nullable().optional(),
  })
  .meta({ id: 'CreateGoal' });
export type CreateGoal = z.infer<typeof CreateGoal>;

export const UpdateGoal = z
  .object({
    title: requiredText(200).optional(),
    why: text(4_000).optional(),
    success: text(4_000).optional(),
    status: GoalStatus.optional(),
    coachId: Id.nullable().optional(),
  })
  .meta({ id: 'UpdateGoal' });
export type UpdateGoal = z.infer<typeof UpdateGoal>;

export const CreateAction = z
  .object({ text: requiredText(1_000), dueOn: IsoDate.nullable().optional() })
  .meta({ id: 'CreateAction' });
export type CreateAction = z.infer<typeof CreateAction>;

export const UpdateAction = z
  .object({ text: requiredText(1_000).optional(), dueOn: IsoDate.nullable().optional(), done: z.boolean().optional() })
  .meta({ id: 'UpdateAction' });
export type UpdateAction = z.infer<typeof UpdateAction>;

// ---- Clips ---------------------------------------------------------------------------------

/** W3C Web Annotation selectors: enough to find a passage again after small page edits. */
export const TextQuoteSelector = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: Text.max(MAX_QUOTE_LENGTH),
    prefix: Text.max(200).optional(),
    suffix: Text.max(200).optional(),
  })
  .meta({ id: 'TextQuoteSelector' });
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const TextPositionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) })
  .meta({ id: 'TextPositionSelector' });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

export const Selector = z.discriminatedUnion('type', [TextQuoteSelector, TextPositionSelector]);
export type Selector = z.infer<typeof Selector>;

export const ClipReview = z.object({ mentorId: Id, reviewedAt: IsoDateTime }).meta({ id: 'ClipReview' });

export const Clip = z
  .object({
    id: Id,
    partnershipId: Id,
    clipperId: Id,
    url: z.string(),
    title: z.string(),
    quote: z.string(),
    selectors: z.array(Selector),
    /** The identities of the clip's page (`documentIdentities`): where else it is found. */
    pageIds: z.array(z.string()),
    note: z.string(),
    tags: z.array(z.string()),
    goalIds: z.array(Id),
    promptIds: z.array(Id),
    reviews: z.array(ClipReview),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Clip' });
export type Clip = z.infer<typeof Clip>;

export const Tag = Text.trim().min(1).max(40);
const WebUrl = Text.trim()
  .max(2_048)
  .refine((u) => /^(https?|file):\/\//i.test(u), 'must be a web address (http or https)');

/** What a page says about itself besides its address (see `documentIdentities`). */
export const PageDocument = z
  .object({
    canonical: WebUrl.optional(),
    ogUrl: WebUrl.optional(),
    doi: z.string().trim().max(300).optional(),
    pdfFingerprint: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'PageDocument' });
export type PageDocument = z.input<typeof PageDocument>;

export const CreateClip = z
  .object({
    /** Made by the client so that a retried create is harmless. */
    id: z.string().uuid().optional(),
    url: WebUrl,
    title: text(500).default(''),
    quote: requiredText(MAX_QUOTE_LENGTH),
    note: text(MAX_NOTE_LENGTH).optional(),
    tags: z.array(Tag).max(20).optional(),
    goalIds: z.array(Id).max(20).optional(),
    promptIds: z.array(Id).max(20).optional(),
    selectors: z.array(Selector).max(4).optional(),
    document: PageDocument.optional(),
    /** Also make a reflection prompt from this clip, asked as this question. */
    newPrompt: z.object({ question: requiredText(1_000) }).optional(),
  })
  .meta({ id: 'CreateClip' });
export type CreateClip = z.input<typeof CreateClip>;

export const UpdateClip = z
  .object({
    note: text(MAX_NOTE_LENGTH).optional(),
    tags: z.array(Tag).max(20).optional(),
    goalIds: z.array(Id).max(20).optional(),
    promptIds: z.array(Id).max(20).optional(),
  })
  .meta({ id: 'UpdateClip' });
export type UpdateClip = z.infer<typeof UpdateClip>;

export const ClipFilter = z.object({
  goalId: Id.optional(),
  tag: Text.optional(),
  q: Text.max(200).optional(),
  url: Text.max(2_048).optional(),
  since: z.enum(['last-conversation']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  /** The next page: clips made before the last one shown (its `createdAt` and, for clips made in the same millisecond, its `id`). */
  before: IsoDateTime.optional(),
  beforeId: Id.optional(),
});
export type ClipFilter = z.infer<typeof ClipFilter>;

export const ClipList = z.object({ clips: z.array(Clip), total: z.number().int() }).meta({ id: 'ClipList' });
export type ClipList = z.infer<typeof ClipList>;

// ---- Prompts -------------------------------------------------------------------------------

export const PromptStatus = z.enum(['open', 'answered', 'discussed']);
export type PromptStatus = z.infer<typeof PromptStatus>;

export const Prompt = z
  .object({
    id: Id,
    partnershipId: Id,
    authorId: Id,
    question: z.string(),
    clipId: Id.nullable(),
    goalId: Id.nullable(),
    response: z.string().nullable(),
    respondedAt: IsoDateTime.nullable(),
    status: PromptStatus,
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Prompt' });
export type Prompt = z.infer<typeof Prompt>;

export const CreatePrompt = z
  .object({ question: requiredText(1_000), clipId: Id.optional(), goalId: Id.optional() })
  .meta({ id: 'CreatePrompt' });
export type CreatePrompt = z.infer<typeof CreatePrompt>;

export const UpdatePrompt = z
  .object({
    question: requiredText(1_000).optional(),
    response: text(10_000).optional(),
    status: PromptStatus.optional(),
  })
  .meta({ id: 'UpdatePrompt' });
export type UpdatePrompt = z.infer<typeof UpdatePrompt>;

// ---- Conversations -------------------------------------------------------------------------

export const AgendaItem = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('goal'), goalId: Id }),
    z.object({ kind: z.literal('clip'), clipId: Id }),
    z.object({ kind: z.literal('prompt'), promptId: Id }),
    z.object({ kind: z.literal('free'), text: requiredText(500) }),
  ])
  .meta({ id: 'AgendaItem' });
export type AgendaItem = z.infer<typeof AgendaItem>;

/**
 * What a partner commits to in a conversation. Linked to a goal, it also becomes one of the goal's
 * actions; either way it is carried into the next conversation until done.
 */
export const Commitment = z
  .object({
    id: Id,
    conversationId: Id,
    text: z.string(),
    goalId: Id.nullable(),
    dueOn: IsoDate.nullable(),
    actionId: Id.nullable(),
    done: z.boolean(),
  })
  .meta({ id: 'Commitment' });
export type Commitment = z.infer<typeof Commitment>;

/** An IANA time zone name such as `Europe/Oslo`, as the person's browser reports it. */
export const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be a time zone such as Europe/Oslo');

export const Conversation = z
  .object({
    id: Id,
    partnershipId: Id,
    scheduledFor: IsoDateTime,
    durationMinutes: z.number().int(),
    place: z.string(),
    videoUrl: z.string().nullable(),
    /** The time zone of the person who set the time, to show it as they meant it. */
    timeZone: z.string().nullable(),
    /** When it was held: the one date every screen uses. */
    heldAt: IsoDateTime.nullable(),
    /** Goes up with each change to the agenda or shared notes, so a stale write is refused rather than lost. */
    version: z.number().int(),
    agenda: z.array(AgendaItem),
    sharedNotes: z.string(),
    /** The caller's own private note; nobody else's is ever sent. */
    privateNote: z.string(),
    commitments: z.array(Commitment),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof Conversation>;

const ConversationTime = {
  durationMinutes: z.number().int().min(5, 'must be at least 5 minutes').max(600, 'must be at most 10 hours'),
  place: text(200),
  videoUrl: WebUrl.refine((u) => /^https:\/\//i.test(u), 'must be an https address').nullable(),
  timeZone: TimeZone.nullable(),
};

export const CreateConversation = z
  .object({
    scheduledFor: IsoDateTime,
    agenda: z.array(AgendaItem).max(50).optional(),
    durationMinutes: ConversationTime.durationMinutes.optional(),
    place: ConversationTime.place.optional(),
    videoUrl: ConversationTime.videoUrl.optional(),
    timeZone: ConversationTime.timeZone.optional(),
  })
  .meta({ id: 'CreateConversation' });
export type CreateConversation = z.infer<typeof CreateConversation>;

export const UpdateConversation = z
  .object({
    scheduledFor: IsoDateTime.optional(),
    sharedNotes: text(50_000).optional(),
    privateNote: text(50_000).optional(),
    held: z.boolean().optional(),
    /** When it was held (never later than now); without it, `held` uses the scheduled time if past, else now. */
    heldAt: IsoDateTime.optional(),
    durationMinutes: ConversationTime.durationMinutes.optional(),
    place: ConversationTime.place.optional(),
    videoUrl: ConversationTime.videoUrl.optional(),
    timeZone: ConversationTime.timeZone.optional(),
    /** The `version` the shared notes were edited on; a newer one on the server refuses the change (409). */
    version: z.number().int().optional(),
  })
  .meta({ id: 'UpdateConversation' });
export type UpdateConversation = z.infer<typeof UpdateConversation>;

export const UpdateCommitment = z
  .object({ done: z.boolean().optional(), text: requiredText(1_000).optional(), dueOn: IsoDate.nullable().optional() })
  .meta({ id: 'UpdateCommitment' });
export type UpdateCommitment = z.infer<typeof UpdateCommitment>;

export const SetAgenda = z
  .object({
    agenda: z.array(AgendaItem).max(50),
    /** The `version` the agenda was edited on; a newer one on the server refuses the change (409). */
    version: z.number().int().optional(),
  })
  .meta({ id: 'SetAgenda' });
export type SetAgenda = z.infer<typeof SetAgenda>;

export const CreateCommitment = z
  .object({ text: requiredText(1_000), goalId: Id.nullable().optional(), dueOn: IsoDate.nullable().optional() })
  .meta({ id: 'CreateCommitment' });
export type CreateCommitment = z.infer<typeof CreateCommitment>;

/** What a mentor reads before a session, in one answer. */
export const Preparation = z
  .object({
    partnership: Partnership,
    lastConversationAt: IsoDateTime.nullable(),
    /** Clips added since the last conversation that the caller has not reviewed, newest first. */
    newClips: z.array(Clip),
    newClipCount: z.number().int(),
    /** Clips since the last conversation the caller has already reviewed, newest first: what became of each. */
    reviewedClips: z.array(Clip),
    openPrompts: z.array(Prompt),
    answeredPrompts: z.array(Prompt),
    nextConversation: Conversation.nullable(),
    /** Commitments from earlier conversations not yet done. */
    commitmentsDue: z.array(Commitment),
    openRequests: z.number().int(),
    /** The goals, and the clips and prompts the agenda points at, so the screen needs no other request. */
    goals: z.array(Goal),
    agendaClips: z.array(Clip),
    agendaPrompts: z.array(Prompt),
  })
  .meta({ id: 'Preparation' });
export type Preparation = z.infer<typeof Preparation>;

// ---- Resource requests ---------------------------------------------------------------------

export const ResourceRequest = z
  .object({
    id: Id,
    partnershipId: Id,
    askedById: Id,
    question: z.string(),
    status: z.enum(['open', 'answered']),
    answer: z
      .object({
        text: z.string(),
        links: z.array(z.string()),
        clipIds: z.array(Id),
        answeredById: Id,
        answeredAt: IsoDateTime,
      })
      .nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'ResourceRequest' });
export type ResourceRequest = z.infer<typeof ResourceRequest>;

export const CreateResourceRequest = z.object({ question: requiredText(2_000) }).meta({ id: 'CreateResourceRequest' });
export const AnswerResourceRequest = z
  .object({
    text: requiredText(10_000),
    links: z.array(WebUrl).max(10).optional(),
    clipIds: z.array(Id).max(20).optional(),
  })
  .meta({ id: 'AnswerResourceRequest' });

// ---- Evaluation (kept apart from coaching, docs/design.md, principle 3) ------------------------------------

export const Checkpoint = z
  .object({ id: Id, name: z.string(), dueOn: IsoDate.nullable(), lineItemId: z.string().nullable() })
  .meta({ id: 'Checkpoint' });
export type Checkpoint = z.infer<typeof Checkpoint>;
export const CreateCheckpoint = z
  .object({ name: requiredText(100), dueOn: IsoDate.nullable().optional(), postToGradebook: z.boolean().optional() })
  .meta({ id: 'CreateCheckpoint' });
export const UpdateCheckpoint = z
  .object({ name: requiredText(100).optional(), dueOn: IsoDate.nullable().optional() })
  .meta({ id: 'UpdateCheckpoint' });

export const EvaluationRating = z.enum(['not-yet', 'developing', 'meeting', 'exceeding']);
export const CheckpointEvaluation = z
  .object({
    id: Id,
    checkpointId: Id,
    partnershipId: Id,
    menteeId: Id,
    mentorId: Id,
    rating: EvaluationRating,
    summary: z.string(),
    completedAt: IsoDateTime,
  })
  .meta({ id: 'CheckpointEvaluation' });
export type CheckpointEvaluation = z.infer<typeof CheckpointEvaluation>;
export const CreateCheckpointEvaluation = z
  .object({ checkpointId: Id, menteeId: Id, rating: EvaluationRating, summary: requiredText(4_000) })
  .meta({ id: 'CreateCheckpointEvaluation' });

// ---- Program activity (staff: counts and dates, never content) -----------------------------

export const PartnershipActivity = z
  .object({
    partnershipId: Id,
    kind: PartnershipKind,
    status: PartnershipStatus,
    members: z.array(z.object({ personId: Id, name: z.string(), role: MemberRole })),
    createdAt: IsoDateTime,
    lastConversationAt: IsoDateTime.nullable(),
    nextConversationAt: IsoDateTime.nullable(),
    /** `conversations`: held in the last 30 days (by the date they were held), never merely scheduled. */
    last30Days: z.object({ clips: z.number().int(), prompts: z.number().int(), conversations: z.number().int() }),
    /** Conversations scheduled ahead and not yet held. */
    scheduledConversations: z.number().int(),
    quiet: z.boolean(),
  })
  .meta({ id: 'PartnershipActivity' });
export type PartnershipActivity = z.infer<typeof PartnershipActivity>;

/**
 * One page of a partnership list, newest first. `cursor` is the `nextCursor` of the page before;
 * `name` matches any member's name; `quiet` as in `isQuiet`.
 */
export const PartnershipQuery = z
  .object({
    status: PartnershipStatus.optional(),
    quiet: z.enum(['true', 'false']).optional(),
    name: z.string().trim().max(100).optional(),
    cursor: z
      .string()
      .max(200)
      .regex(/^[\w-]+$/, 'is not a cursor from this list')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .meta({ id: 'PartnershipQuery' });
export type PartnershipQuery = z.infer<typeof PartnershipQuery>;

/** How many partnerships the program has and how many are quiet, whatever the filters. */
export const ActivitySummary = z
  .object({ partnerships: z.number().int(), quiet: z.number().int() })
  .meta({ id: 'ActivitySummary' });
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const ProgramActivity = z
  .object({
    quietAfterDays: z.number().int(),
    partnerships: z.array(PartnershipActivity),
    /** Null on the last page. */
    nextCursor: z.string().nullable(),
    /** Sent with the first page only (no cursor). */
    summary: ActivitySummary.nullable(),
  })
  .meta({ id: 'ProgramActivity' });
export type ProgramActivity = z.infer<typeof ProgramActivity>;

export const PartnershipList = z
  .object({ partnerships: z.array(Partnership), nextCursor: z.string().nullable() })
  .meta({ id: 'PartnershipList' });
export type PartnershipList = z.infer<typeof PartnershipList>;
/** The program report for a board: dates, counts and checkpoint completion, never content. */
export const ProgramReport = z
  .object({
    programTitle: z.string(),
    generatedAt: IsoDateTime,
    people: z.object({
      participants: z.number().int(),
      matched: z.number().int(),
      unmatched: z.number().int(),
      staff: z.number().int(),
      notInCourse: z.number().int(),
    }),
    partnerships: z.array(
      z.object({
        partnershipId: Id,
        kind: PartnershipKind,
        status: PartnershipStatus,
        members: z.array(z.object({ name: z.string(), role: MemberRole })),
        formedAt: IsoDateTime,
        endedAt: IsoDateTime.nullable(),
        conversationsHeld: z.number().int(),
        conversationsScheduled: z.number().int(),
        firstHeldAt: IsoDateTime.nullable(),
        lastHeldAt: IsoDateTime.nullable(),
        nextScheduledAt: IsoDateTime.nullable(),
        clips: z.number().int(),
        prompts: z.number().int(),
        nudges: z.number().int(),
        checkpointsCompleted: z.number().int(),
      }),
    ),
    checkpoints: z.array(
      z.object({
        checkpointId: Id,
        name: z.string(),
        dueOn: IsoDate.nullable(),
        /** Evaluations completed, and how many mentees of active partnerships await one. */
        completed: z.number().int(),
        expected: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ProgramReport' });
export type ProgramReport = z.infer<typeof ProgramReport>;

export const ProgramSettings = z
  .object({ quietAfterDays: z.number().int().min(1).max(365) })
  .meta({ id: 'ProgramSettings' });

// ---- Browser connections (the extension) ---------------------------------------------------

/**
 * A connection code: the single-use pairing code with the tool's address in it, so the person
 * pastes one thing into the extension and copies nothing by hand: `ABCD-EFGH@https://tool.example.org`.
 */
export const formatConnectionCode = (code: string, toolUrl: string) => `${code}@${toolUrl.replace(/\/+$/, '')}`;

const CONNECTION_CODE_HELP =
  'Paste the whole connection code from “Connect your browser” in your mentoring workspace (it looks like ABCD-EFGH@https://mentoring.example.org).';

/** Parses a pasted connection code into the pairing code and the tool's address (spaces and line breaks from copying are ignored). */
export const ConnectionCode = z
  .string()
  .max(2_200)
  .transform((pasted, ctx) => {
    const m = /^([A-Za-z0-9-]{4,20})@(https?:\/\/\S+)$/.exec(pasted.replace(/\s+/g, ''));
    let url: URL | undefined;
    try {
      url = m ? new URL(m[2]!) : undefined;
    } catch {
      url = undefined;
    }
    if (!m || !url || url.username || url.password || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: CONNECTION_CODE_HELP, params: problem('connection_code') });
      return z.NEVER;
    }
    return { code: m[1]!.toUpperCase(), toolUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
  });
export type ConnectionCode = z.output<typeof ConnectionCode>;

export const PairingCode = z
  .object({
    code: z.string(),
    /** The code with the tool's address, to paste whole into the extension. */
    connectionCode: z.string(),
    expiresAt: IsoDateTime,
  })
  .meta({ id: 'PairingCode' });
export type PairingCode = z.infer<typeof PairingCode>;

export const PairingExchange = z
  .object({
    code: Text.trim().min(4).max(20),
    /** The name the connection is shown under; the person can change it later. */
    browserName: text(100).optional(),
    /** Which browser and system, so two connections are told apart ("Chrome 150", "Windows"). */
    browser: text(60).optional(),
    system: text(60).optional(),
  })
  .meta({ id: 'PairingExchange' });
export type PairingExchange = z.infer<typeof PairingExchange>;

export const BrowserConnection = z
  .object({
    id: Id,
    /** The name the person gave it (at first, browser and system). */
    label: z.string(),
    browser: z.string().nullable(),
    system: z.string().nullable(),
    createdAt: IsoDateTime,
    /** When its token last called the tool (kept to within a few minutes). */
    lastUsedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'BrowserConnection' });
export type BrowserConnection = z.infer<typeof BrowserConnection>;

export const RenameConnection = z.object({ label: requiredText(100) }).meta({ id: 'RenameConnection' });
export type RenameConnection = z.infer<typeof RenameConnection>;

/** Where to get the extension: store listings when the operator set them, and the tool's own packages when built. */
export const ExtensionPackage = z.object({
  storeUrl: z.string().nullable(),
  /** The tool's own download of the built package, or null when it has not been built. */
  downloadUrl: z.string().nullable(),
});
export const ExtensionDownloads = z
  .object({
    chrome: ExtensionPackage,
    firefox: ExtensionPackage,
  })
  .meta({ id: 'ExtensionDownloads' });
export type ExtensionDownloads = z.infer<typeof ExtensionDownloads>;

export const PairingResult = z
  .object({ token: z.string(), connection: BrowserConnection, me: Me })
  .meta({ id: 'PairingResult' });
export type PairingResult = z.infer<typeof PairingResult>;

// ---- Calendar -----------------------------------------------------------------------------

/** A person's calendar subscription: a secret address, shown once when made; making a new one revokes the old. */
export const CalendarFeed = z
  .object({ active: z.boolean(), createdAt: IsoDateTime.nullable(), url: z.string().nullable() })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

// ---- Errors --------------------------------------------------------------------------------

export const ErrorCode = z.enum([
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z
  .object({ error: z.object({ code: ErrorCode, message: z.string(), field: z.string().optional() }) })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
