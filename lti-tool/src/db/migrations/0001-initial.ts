/**
 * The product's tables. Times are epoch milliseconds (BIGINT) and lists are JSON text, so the same
 * SQL runs on SQLite and PostgreSQL.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.STRING(64), primaryKey: true, allowNull: false };
const ref = (table: string, onDelete = 'CASCADE') => ({
  type: DataTypes.STRING(64),
  allowNull: false,
  references: { model: table, key: 'id' },
  onDelete,
});
const optionalRef = (table: string) => ({ ...ref(table, 'SET NULL'), allowNull: true });
const time = { type: DataTypes.BIGINT, allowNull: false };
const optionalTime = { type: DataTypes.BIGINT, allowNull: true };
const text = { type: DataTypes.TEXT, allowNull: false, defaultValue: '' };
const optionalText = { type: DataTypes.TEXT, allowNull: true };
const json = (fallback: string) => ({ type: DataTypes.TEXT, allowNull: false, defaultValue: fallback });

export async function up(q: QueryInterface): Promise<void> {
  await q.createTable('programs', {
    id,
    issuer: { type: DataTypes.STRING(512), allowNull: false },
    client_id: { type: DataTypes.STRING(255), allowNull: false },
    deployment_id: { type: DataTypes.STRING(255), allowNull: false },
    context_id: { type: DataTypes.STRING(255), allowNull: false },
    title: text,
    label: optionalText,
    platform_name: optionalText,
    nrps_url: optionalText,
    ags_lineitems_url: optionalText,
    quiet_after_days: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 21 },
    roster_synced_at: optionalTime,
    created_at: time,
    updated_at: time,
  });
  await q.addIndex('programs', ['issuer', 'deployment_id', 'context_id'], {
    unique: true,
    name: 'programs_lti_context',
  });

  await q.createTable('platform_deployments', {
    issuer: { type: DataTypes.STRING(512), allowNull: false, primaryKey: true },
    client_id: { type: DataTypes.STRING(255), allowNull: false, primaryKey: true },
    deployment_id: { type: DataTypes.STRING(255), allowNull: false, primaryKey: true },
    created_at: time,
  });

  await q.createTable('people', {
    id,
    issuer: { type: DataTypes.STRING(512), allowNull: false },
    subject: { type: DataTypes.STRING(255), allowNull: false },
    name: text,
    email: optionalText,
    created_at: time,
    updated_at: time,
  });
  await q.addIndex('people', ['issuer', 'subject'], { unique: true, name: 'people_lti_user' });

  await q.createTable('memberships', {
    program_id: { ...ref('programs'), primaryKey: true },
    person_id: { ...ref('people'), primaryKey: true },
    lms_roles: json('[]'),
    program_role: { type: DataTypes.STRING(16), allowNull: false },
    in_roster: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    last_launch_at: optionalTime,
    created_at: time,
    updated_at: time,
  });

  await q.createTable('launch_sessions', {
    token_hash: { type: DataTypes.STRING(64), primaryKey: true },
    program_id: ref('programs'),
    person_id: ref('people'),
    program_role: { type: DataTypes.STRING(16), allowNull: false },
    created_at: time,
    expires_at: time,
  });

  await q.createTable('partnerships', {
    id,
    program_id: ref('programs'),
    kind: { type: DataTypes.STRING(16), allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    agreement: json('{}'),
    created_by_id: ref('people'),
    created_at: time,
    updated_at: time,
    closed_at: optionalTime,
  });
  await q.addIndex('partnerships', ['program_id'], { name: 'partnerships_program' });

  await q.createTable('partnership_members', {
    partnership_id: { ...ref('partnerships'), primaryKey: true },
    person_id: { ...ref('people'), primaryKey: true },
    role: { type: DataTypes.STRING(16), allowNull: false },
    invitation: { type: DataTypes.STRING(16), allowNull: false },
    created_at: time,
  });
  await q.addIndex('partnership_members', ['person_id'], { name: 'partnership_members_person' });

  await q.createTable('goals', {
    id,
    partnership_id: ref('partnerships'),
    owner_id: ref('people'),
    coach_id: optionalRef('people'),
    title: text,
    why: text,
    success: text,
    status: { type: DataTypes.STRING(16), allowNull: false },
    created_at: time,
    updated_at: time,
  });
  await q.addIndex('goals', ['partnership_id'], { name: 'goals_partnership' });

  await q.createTable('conversations', {
    id,
    partnership_id: ref('partnerships'),
    scheduled_for: time,
    held_at: optionalTime,
    agenda: json('[]'),
    shared_notes: text,
    created_at: time,
    updated_at: time,
  });
  await q.addIndex('conversations', ['partnership_id', 'scheduled_for'], { name: 'conversations_partnership' });

  await q.createTable('goal_actions', {
    id,
    goal_id: ref('goals'),
    text,
    due_on: { type: DataTypes.STRING(10), allowNull: true },
    done: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    done_at: optionalTime,
    from_conversation_id: optionalRef('conversations'),
    created_at: time,
  });
  await q.addIndex('goal_actions', ['goal_id'], { name: 'goal_actions_goal' });

  await q.createTable('goal_events', {
    id,
    goal_id: ref('goals'),
    by_id: ref('people'),
    change: text,
    at: time,
  });
  await q.addIndex('goal_events', ['goal_id'], { name: 'goal_events_goal' });

  await q.createTable('clips', {
    id,
    partnership_id: ref('partnerships'),
    clipper_id: ref('people'),
    url: text,
    page_url: text,
    title: text,
    quote: text,
    selectors: json('[]'),
    note: text,
    tags: json('[]'),
    goal_ids: json('[]'),
    prompt_ids: json('[]'),
    created_at: time,
    updated_at: time,
  });
  await q.addIndex('clips', ['partnership_id', 'created_at'], { name: 'clips_partnership_time' });
  await q.addIndex('clips', ['page_url'], { name: 'clips_page' });

  await q.createTable('clip_reviews', {
    clip_id: { ...ref('clips'), primaryKey: true },
    mentor_id: { ...ref('people'), primaryKey: true },
    reviewed_at: time,
  });

  await q.createTable('prompts', {
    id,
    partnership_id: ref('partnerships'),
    author_id: ref('people'),
    question: text,
    clip_id: optionalRef('clips'),
    goal_id: optionalRef('goals'),
    response: optionalText,
    responded_at: optionalTime,
    status: { type: DataTypes.STRING(16), allowNull: false },
    created_at: time,
    updated_at: time,
  });
  await q.addIndex('prompts', ['partnership_id', 'created_at'], { name: 'prompts_partnership_time' });

  await q.createTable('private_notes', {
    conversation_id: { ...ref('conversations'), primaryKey: true },
    person_id: { ...ref('people'), primaryKey: true },
    note: text,
    updated_at: time,
  });

  await q.createTable('commitments', {
    id,
    conversation_id: ref('conversations'),
    text,
    goal_id: optionalRef('goals'),
    due_on: { type: DataTypes.STRING(10), allowNull: true },
    action_id: optionalRef('goal_actions'),
    done: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    created_at: time,
  });
  await q.addIndex('commitments', ['conversation_id'], { name: 'commitments_conversation' });

  await q.createTable('resource_requests', {
    id,
    partnership_id: ref('partnerships'),
    asked_by_id: ref('people'),
    question: text,
    status: { type: DataTypes.STRING(16), allowNull: false },
    answer: optionalText,
    created_at: time,
    updated_at: time,
  });
  await q.addIndex('resource_requests', ['partnership_id'], { name: 'resource_requests_partnership' });

  await q.createTable('checkpoints', {
    id,
    program_id: ref('programs'),
    name: text,
    due_on: { type: DataTypes.STRING(10), allowNull: true },
    line_item_id: optionalText,
    created_at: time,
  });

  await q.createTable('checkpoint_evaluations', {
    id,
    checkpoint_id: ref('checkpoints'),
    partnership_id: ref('partnerships'),
    mentee_id: ref('people'),
    mentor_id: ref('people'),
    rating: { type: DataTypes.STRING(16), allowNull: false },
    summary: text,
    completed_at: time,
  });
  await q.addIndex('checkpoint_evaluations', ['partnership_id'], { name: 'evaluations_partnership' });

  await q.createTable('pairing_codes', {
    code_hash: { type: DataTypes.STRING(64), primaryKey: true },
    program_id: ref('programs'),
    person_id: ref('people'),
    expires_at: time,
    used_at: optionalTime,
  });

  await q.createTable('browser_connections', {
    id,
    program_id: ref('programs'),
    person_id: ref('people'),
    label: text,
    token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    created_at: time,
    last_used_at: optionalTime,
    revoked_at: optionalTime,
  });
  await q.addIndex('browser_connections', ['person_id'], { name: 'browser_connections_person' });
}

export async function down(q: QueryInterface): Promise<void> {
  for (const table of [
    'browser_connections',
    'pairing_codes',
    'checkpoint_evaluations',
    'checkpoints',
    'resource_requests',
    'commitments',
    'private_notes',
    'prompts',
    'clip_reviews',
    'clips',
    'goal_events',
    'goal_actions',
    'conversations',
    'goals',
    'partnership_members',
    'partnerships',
    'launch_sessions',
    'memberships',
    'people',
    'platform_deployments',
    'programs',
  ]) {
    await q.dropTable(table);
  }
}
