import { describe, expect, it } from 'vitest';
import type { Notification } from '@mentoring/shared';
import { composeMail, personOfUnsubscribeToken, unsubscribeToken } from './compose.ts';

const app = { config: { publicUrl: 'https://tool.example.org', ltiKey: 'k'.repeat(40) } } as Parameters<
  typeof composeMail
>[0];
const notice = (data: Notification['data']): Notification => ({
  id: 'n1',
  kind: 'request-asked',
  partnershipId: 'p1',
  data,
  createdAt: '2026-03-02T09:00:00.000Z',
  readAt: null,
});
const program = { title: 'Leaders <2026>', platform_name: 'Moodle', issuer: 'https://lms.example.edu' };

describe('e-mail notices', () => {
  it('escape the names the LMS sent in the HTML part, and link the LMS and the unsubscribe address', () => {
    const m = composeMail(
      app,
      { personId: 'p-1', name: 'Ada <b>', email: 'ada@example.org' },
      program,
      [notice({ actorName: '<script>alert(1)</script>' })],
      false,
    );
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; asked for a resource');
    expect(m.html).toContain('Leaders &lt;2026&gt;');
    expect(m.text).toContain('Open the mentoring workspace from your course in Moodle: https://lms.example.edu/');
    expect(m.headers['List-Unsubscribe']).toBe(
      `<https://tool.example.org/unsubscribe/${unsubscribeToken(app.config.ltiKey, 'p-1')}>`,
    );
  });

  it('speak the person’s language: Spanish for a launch in es-MX, Arabic with the page set right-to-left', () => {
    const es = composeMail(
      app,
      { personId: 'p-1', name: 'Sofía', email: 'sofia@example.org' },
      program,
      [notice({ actorName: 'Marcus' })],
      false,
      'es',
    );
    expect(es.subject).toBe('Marcus pidió un recurso');
    expect(es.text).toContain('Hola, Sofía:');
    expect(es.text).toContain('Abre el espacio de mentoría desde tu curso en Moodle');
    const ar = composeMail(
      app,
      { personId: 'p-2', name: 'عائشة', email: 'aisha@example.org' },
      program,
      [notice({ actorName: 'Marcus' })],
      false,
      'ar',
    );
    expect(ar.subject).toBe('طلب Marcus مصدرًا');
    expect(ar.html).toContain('dir="rtl"');
  });

  it('gather a digest into one message listing each notice', () => {
    const m = composeMail(
      app,
      { personId: 'p-1', name: 'Ada', email: 'ada@example.org' },
      program,
      [notice({ actorName: 'Ben' }), { ...notice({ count: 3 }), kind: 'review-waiting' }],
      true,
    );
    expect(m.subject).toBe('Your daily mentoring digest: 2 notices');
    expect(m.text).toContain('- Ben asked for a resource');
    expect(m.text).toContain('- 3 items wait for your review');
  });

  it('unsubscribe tokens name their person and cannot be forged or moved to another', () => {
    const key = app.config.ltiKey;
    const token = unsubscribeToken(key, 'p-1');
    expect(personOfUnsubscribeToken(key, token)).toBe('p-1');
    expect(personOfUnsubscribeToken(key, token.replace('p-1', 'p-2'))).toBeNull();
    expect(personOfUnsubscribeToken('another-key'.repeat(4), token)).toBeNull();
    expect(personOfUnsubscribeToken(key, 'garbage')).toBeNull();
  });
});
