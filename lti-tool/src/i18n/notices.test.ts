import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, type NotificationData } from '@mentoring/shared';
import { mailTexts, noticeText } from './notices.ts';

describe('notice texts', () => {
  it('every kind has a title and a body made of names, dates and counts only, in every language', () => {
    const data: NotificationData = {
      actorName: 'Mara',
      partnerNames: ['Ben'],
      when: '2026-03-10T15:00:00Z',
      count: 3,
      checkpointName: 'Month 6',
    };
    for (const locale of ['en', 'es', 'fr', 'ar', 'zh'] as const)
      for (const kind of NOTIFICATION_KINDS) {
        const t = noticeText(kind, data, locale);
        expect(t.title.length).toBeGreaterThan(5);
        expect(t.body.length).toBeGreaterThan(5);
        expect(`${t.title} ${t.body}`).not.toMatch(/[{}]/);
      }
    expect(noticeText('review-waiting', data).title).toBe('3 items wait for your review');
    expect(noticeText('review-waiting', { ...data, count: 1 }).title).toBe('1 item waits for your review');
    expect(noticeText('conversation-reminder', data).body).toContain('Tuesday, March 10, 2026 at 3:00 PM UTC');
    expect(noticeText('evaluation-completed', data, 'fr').body).toBe(
      'Mara a rempli l’évaluation du jalon Month 6. Ouvrez l’espace de travail pour la lire.',
    );
  });

  it('gives times in the reader’s time zone, naming it', () => {
    const data = { partnerNames: ['Ben'], when: '2026-03-10T15:00:00Z' };
    expect(noticeText('conversation-reminder', data, 'es', 'America/Mexico_City').body).toBe(
      'Tu conversación con Ben es el martes, 10 de marzo de 2026, 9:00 GMT-6.',
    );
  });

  it('names the partners as a list, and each language’s word when there is no name', () => {
    expect(noticeText('partnership-quiet', { partnerNames: ['Ben', 'Ada'] }).title).toBe(
      'Time to plan your next conversation with Ben and Ada',
    );
    expect(noticeText('request-asked', {}, 'es').title).toBe('Tu compañero/a pidió un recurso');
    expect(noticeText('invitation', {}, 'es').title).toBe('Tu colega te invita a una relación de mentoría');
  });

  it('counts in each language’s plural forms: Arabic’s six', () => {
    const titles = [0, 1, 2, 3, 11, 100].map((count) => noticeText('commitments-due', { count }, 'ar').title);
    expect(new Set(titles).size).toBe(6);
    expect(titles[1]).toBe('اقترب موعد التزام واحد');
    expect(titles[2]).toBe('اقترب موعد التزامين');
    expect(mailTexts('en').digestTitle(1)).toBe('Your daily mentoring digest: 1 notice');
    expect(mailTexts('es').digestTitle(2)).toBe('Tu resumen diario de mentoría: 2 avisos');
    expect(mailTexts('zh').digestTitle(2)).toBe('你的每日导师辅导摘要：2 条通知');
  });
});
