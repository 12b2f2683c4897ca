import { describe, expect, it } from 'vitest';
import type { FirstScreenData } from '@mentoring/shared';
import { formatDateTime } from '@mentoring/shared/format';
import { renderFirstScreen } from './entry-server.tsx';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const NEXT = '2026-03-05T23:30:00Z';

function firstScreen(over: { locale?: string; timeZone?: string | null; programRole?: string } = {}): FirstScreenData {
  const me = { id: 'p-mentee', name: 'Nia <script>alert(1)</script>' };
  return {
    me: {
      person: me,
      program: { id: 'c1', title: 'Leaders 2026' },
      programRole: over.programRole ?? 'participant',
      locale: over.locale ?? 'fr',
      chosenLocale: null,
      timeZone: over.timeZone === undefined ? 'Asia/Tokyo' : over.timeZone,
    },
    partnerships: {
      partnerships: [
        {
          id: 'b1',
          kind: 'mentoring',
          status: 'active',
          members: [
            { personId: me.id, name: me.name, role: 'mentee', invitation: 'accepted' },
            { personId: 'p-mentor', name: 'Mona Abara', role: 'mentor', invitation: 'accepted' },
          ],
          agreement: { purpose: 'Lead with $& care', meetingCadence: '', confidentiality: '' },
          agreementVersion: 1,
          createdById: 'p-mentor',
          createdAt: '2026-02-01T10:00:00Z',
          closedAt: null,
          lastConversationAt: null,
          nextConversation: { id: 'c1', scheduledFor: NEXT },
        },
      ],
    },
  } as unknown as FirstScreenData;
}

describe('the first screen rendered on the server', () => {
  it('is the home in the person’s language, dates in their kept time zone, text escaped, no script', async () => {
    const html = (await renderFirstScreen(firstScreen(), NOW))!;
    expect(html).toContain('Vos binômes');
    expect(html).toContain('class="card partnership-card"');
    expect(html).toContain('Mona Abara');
    // In Tokyo the conversation is on the 6th at 08:30; in UTC it would be the 5th.
    expect(html).toContain(formatDateTime(NEXT, 'fr', 'Asia/Tokyo'));
    expect(html).toContain('6 mars');
    expect(html).not.toContain('5 mars');
    expect(html).toContain('Nia &lt;script&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('renders one language at a time, each in its own words', async () => {
    const [fr, ar, en] = await Promise.all([
      renderFirstScreen(firstScreen({ locale: 'fr' }), NOW),
      renderFirstScreen(firstScreen({ locale: 'ar' }), NOW),
      renderFirstScreen(firstScreen({ locale: 'en' }), NOW),
    ]);
    expect(fr).toContain('Vos binômes');
    expect(en).toContain('Your partnerships');
    expect(ar).toMatch(/[\u0600-\u06FF]/);
    expect(ar).not.toContain('Your partnerships');
    expect(ar).not.toContain('Vos binômes');
  });

  it('is left to the app for a first-ever launch (no kept time zone) and for staff', async () => {
    expect(await renderFirstScreen(firstScreen({ timeZone: null }), NOW)).toBeUndefined();
    expect(await renderFirstScreen(firstScreen({ programRole: 'staff' }), NOW)).toBeUndefined();
  });
});
