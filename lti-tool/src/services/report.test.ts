import { describe, expect, it } from 'vitest';
import type { ProgramReport } from '@mentoring/shared';
import { serverI18n } from '../i18n/server.ts';
import { reportCsv } from './report.ts';

const report: ProgramReport = {
  programTitle: 'Leadership 2026',
  generatedAt: '2026-03-02T09:00:00.000Z',
  people: { participants: 3, matched: 2, unmatched: 1, staff: 1, notInCourse: 0 },
  partnerships: [
    {
      partnershipId: '00000000-0000-4000-8000-000000000001',
      kind: 'mentoring',
      status: 'active',
      members: [
        { name: 'Mara Lind', role: 'mentor' },
        { name: '=Ben Okafor', role: 'mentee' },
      ],
      formedAt: '2026-01-10T09:00:00.000Z',
      endedAt: null,
      conversationsHeld: 2,
      conversationsScheduled: 1,
      firstHeldAt: '2026-01-20T09:00:00.000Z',
      lastHeldAt: '2026-02-20T09:00:00.000Z',
      nextScheduledAt: null,
      clips: 4,
      prompts: 1,
      nudges: 0,
      checkpointsCompleted: 1,
    },
  ],
  checkpoints: [],
};

describe('the program report as a spreadsheet', () => {
  it('is in English by default, a formula-looking name kept as text', () => {
    const rows = reportCsv(report).split('\r\n');
    expect(rows[0]).toMatch(/^Partnership,Kind,Status,Mentors,Mentees,Formed,Ended,Conversations held,/);
    expect(rows[1]).toBe(
      '#1,mentoring,active,Mara Lind,"\'=Ben Okafor",2026-01-10,,2,1,2026-01-20,2026-02-20,,4,1,0,1',
    );
  });

  it('speaks the reader’s language: headers, kinds and statuses', () => {
    const rows = reportCsv(report, serverI18n('es')).split('\r\n');
    expect(rows[0]).toMatch(/^Relación de mentoría,Tipo,Estado,Mentores\/as,Mentorados\/as,Formada,Terminada,/);
    expect(rows[1]).toMatch(/^#1,mentoría,activa,Mara Lind,/);
  });
});
