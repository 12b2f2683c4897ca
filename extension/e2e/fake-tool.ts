/**
 * A stand-in for the mentoring tool's JSON API, with just the routes the extension calls, for
 * end-to-end tests of the extension on its own. The real tool's journeys live in test/.
 */
import { createServer } from 'node:http';
import type { Clip, Conversation, Goal, Me, Partnership } from '@mentoring/shared';

export const PAIRING_CODE = 'K7QX-2P9M';

export const ME: Me = {
  person: { id: 'p-mentee', name: 'Mina Mentee', email: null },
  program: { id: 'prog', title: 'New school leaders', label: null, platformName: null },
  programRole: 'participant',
};

export const PARTNERSHIP: Partnership = {
  id: 'part-1',
  kind: 'mentoring',
  status: 'active',
  members: [
    { personId: 'p-mentor', name: 'Theo Mentor', role: 'mentor', invitation: 'accepted' },
    { personId: 'p-mentee', name: 'Mina Mentee', role: 'mentee', invitation: 'accepted' },
  ],
  agreement: { purpose: '', meetingCadence: '', confidentiality: '' },
  createdById: 'p-mentor',
  createdAt: '2025-01-10T09:00:00Z',
  closedAt: null,
  lastConversationAt: null,
  nextConversation: null,
};

export const GOAL: Goal = {
  id: 'goal-1',
  partnershipId: 'part-1',
  ownerId: 'p-mentee',
  coachId: null,
  title: 'Coach by asking, not telling',
  why: '',
  success: '',
  status: 'active',
  actions: [],
  history: [],
  createdAt: '2025-01-11T09:00:00Z',
  updatedAt: '2025-01-11T09:00:00Z',
};

export interface FakeTool {
  url: string;
  clips: Clip[];
  /** The next conversation, whose agenda the mentee sets. */
  conversation: Conversation;
  /** Requests as `METHOD /path?query`. */
  requests: string[];
  /** Revokes the token, as "Connected browsers → Revoke" in the workspace does. */
  revoke(): void;
  close(): Promise<void>;
}

export async function startFakeTool(): Promise<FakeTool> {
  const token = 'token-of-this-browser';
  let revoked = false;
  const clips: Clip[] = [];
  const requests: string[] = [];
  const conversation: Conversation = {
    id: 'conv-1',
    partnershipId: 'part-1',
    scheduledFor: '2030-05-02T15:00:00Z',
    heldAt: null,
    agenda: [],
    sharedNotes: '',
    privateNote: '',
    commitments: [],
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://tool');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /api/pairing/exchange') {
      if (body.code !== PAIRING_CODE) return send(400, { error: { code: 'invalid_input', message: 'This pairing code is not valid or has expired.' } });
      revoked = false;
      return send(201, { token, me: ME, connection: { id: 'conn-1', label: body.browserName, createdAt: new Date().toISOString(), lastUsedAt: null } });
    }
    if (revoked || req.headers.authorization !== `Bearer ${token}`) {
      return send(401, { error: { code: 'unauthenticated', message: 'This browser connection was revoked' } });
    }
    if (route === 'GET /api/partnerships') return send(200, { partnerships: [PARTNERSHIP] });
    if (route === 'GET /api/partnerships/part-1/goals') return send(200, { goals: [GOAL] });
    if (route === 'GET /api/partnerships/part-1/clips') return send(200, { clips, total: clips.length });
    if (route === 'GET /api/partnerships/part-1/prepare') {
      return send(200, {
        partnership: PARTNERSHIP,
        lastConversationAt: null,
        newClips: clips,
        newClipCount: clips.length,
        openPrompts: [],
        answeredPrompts: [],
        nextConversation: conversation,
        commitmentsDue: [],
        openRequests: 0,
      });
    }
    if (route === 'PUT /api/conversations/conv-1/agenda') {
      conversation.agenda = body.agenda;
      return send(200, conversation);
    }
    if (route === 'GET /api/clips') return send(200, { clips: clips.filter((c) => c.url === url.searchParams.get('url')) });
    if (route === 'DELETE /api/connections/conn-1') {
      revoked = true;
      return send(200, { ok: true });
    }
    if (route === 'POST /api/partnerships/part-1/clips') {
      const existing = clips.find((c) => c.id === body.id);
      if (existing) return send(200, existing);
      const now = new Date().toISOString();
      const clip: Clip = {
        id: body.id,
        partnershipId: 'part-1',
        clipperId: ME.person.id,
        url: body.url.replace(/#.*$/, ''),
        title: body.title ?? '',
        quote: body.quote,
        selectors: body.selectors ?? [],
        note: body.note ?? '',
        tags: body.tags ?? [],
        goalIds: body.goalIds ?? [],
        promptIds: [],
        reviews: [],
        createdAt: now,
        updatedAt: now,
      };
      clips.push(clip);
      return send(201, clip);
    }
    send(404, { error: { code: 'not_found', message: `No route ${route}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    clips,
    conversation,
    requests,
    revoke: () => void (revoked = true),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
