import { describe, expect, it } from 'vitest';
import { clipFromDraft, parseTags, type Draft } from './clip-draft.ts';

const draft: Draft = {
  id: '0b6f3c1e-8d1a-4c55-9a3e-2f4d6b7c8e90',
  capture: {
    quote: 'Mentor and mentee compose the conversation',
    selectors: [{ type: 'TextPositionSelector', start: 3, end: 48 }],
    url: 'https://example.org/improvisation',
    title: 'Coaching as improvisation',
    document: {},
    notice: null,
    tabId: 4,
  },
  target: { kind: 'goal', goalId: 'g1' },
  note: '  for our next talk ',
  tags: 'listening, trust,listening',
};

describe('clip drafts', () => {
  it('parses comma-separated tags without duplicates', () => {
    expect(parseTags(' a, b ,,a ')).toEqual(['a', 'b']);
  });

  it('files a clip under a goal with its selectors and the client-made id', () => {
    const result = clipFromDraft(draft);
    expect(result).toEqual({
      body: expect.objectContaining({
        id: draft.id,
        goalIds: ['g1'],
        note: 'for our next talk',
        tags: ['listening', 'trust'],
        selectors: draft.capture.selectors,
      }),
    });
  });

  it('makes a new reflection prompt only with a question', () => {
    expect(clipFromDraft({ ...draft, target: { kind: 'prompt', question: '  ' } })).toEqual({
      problem: expect.stringMatching(/question/),
    });
    const ok = clipFromDraft({ ...draft, target: { kind: 'prompt', question: 'What would I try?' } });
    expect(ok).toMatchObject({ body: { newPrompt: { question: 'What would I try?' }, goalIds: [] } });
  });

  it('refuses what the tool would refuse, before it waits in the outbox', () => {
    expect(clipFromDraft({ ...draft, tags: 'x'.repeat(41) })).toHaveProperty('problem');
    expect(clipFromDraft({ ...draft, capture: { ...draft.capture, url: 'chrome://settings' } })).toHaveProperty(
      'problem',
    );
  });
});
