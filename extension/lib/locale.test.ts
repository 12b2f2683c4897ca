import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Me } from '@mentoring/shared';
import { badgeFor } from './badge.ts';
import { forgetConnection, saveConnection } from './connection.ts';
import { activateLocale, i18n } from './i18n.ts';
import { extensionLocale, followLocale, readLocale, refreshPersonLocale, savePersonLocale } from './locale.ts';

const ME: Me = {
  person: { id: 'p1', name: 'Sofía', email: null },
  program: { id: 'prog', title: 'Program', label: null, platformName: null },
  programRole: 'participant',
  locale: 'es',
  chosenLocale: null,
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.unstubAllGlobals();
  activateLocale('en');
});

describe('the extension’s language', () => {
  it('is the person’s once connected, whatever the browser’s', () => {
    expect(extensionLocale('ar', ['en-US', 'fr'])).toBe('ar');
    expect(extensionLocale('zh', [])).toBe('zh');
  });

  it('is else the first of the browser’s languages the tool speaks, else English', () => {
    expect(extensionLocale(null, ['es-MX', 'en'])).toBe('es');
    expect(extensionLocale(null, ['de-DE', 'fr-CA'])).toBe('fr');
    expect(extensionLocale(null, ['zh_CN'])).toBe('zh');
    expect(extensionLocale(null, ['de', 'pt-BR'])).toBe('en');
  });

  it('reads the person’s saved language, and the browser’s once they disconnect', async () => {
    vi.stubGlobal('navigator', { languages: ['fr-FR'] });
    expect(await readLocale()).toBe('fr');
    await saveConnection({ toolUrl: 'https://tool.test', token: 'tok', me: ME, connectionId: 'c1' });
    await savePersonLocale('es');
    expect(await readLocale()).toBe('es');
    await forgetConnection();
    expect(await readLocale()).toBe('fr');
  });

  it('asks the tool again (GET /api/me) and keeps a new choice made in the workspace', async () => {
    await saveConnection({ toolUrl: 'https://tool.test', token: 'tok', me: ME, connectionId: 'c1' });
    await savePersonLocale('es');
    const fetch = vi.fn(async () => Response.json({ ...ME, locale: 'ar', chosenLocale: 'ar' }));
    vi.stubGlobal('fetch', fetch);
    await refreshPersonLocale();
    expect(fetch).toHaveBeenCalledWith('https://tool.test/api/me', expect.anything());
    expect(await readLocale()).toBe('ar');
  });

  it('keeps the last language known when the tool cannot answer, and asks nothing when not connected', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);
    await refreshPersonLocale();
    expect(fetch).not.toHaveBeenCalled();
    await saveConnection({ toolUrl: 'https://tool.test', token: 'tok', me: ME, connectionId: 'c1' });
    await savePersonLocale('es');
    await refreshPersonLocale();
    expect(await readLocale()).toBe('es');
  });

  it('speaks the new language at once when it changes, in texts made outside the pages', async () => {
    vi.stubGlobal('navigator', { languages: ['en-GB'] });
    const spoken: string[] = [];
    await followLocale((locale) => spoken.push(locale));
    expect(badgeFor(0, null).title).toBe('Mentoring workspace');
    await savePersonLocale('es');
    await vi.waitFor(() => expect(i18n.locale).toBe('es'));
    expect(spoken).toEqual(['en', 'es']);
    expect(badgeFor(2, null).title).toBe('Espacio de mentoría: 2 fragmentos pendientes de envío');
    await savePersonLocale('ar');
    await vi.waitFor(() => expect(i18n.locale).toBe('ar'));
    expect(badgeFor(2, null).title).toBe('مساحة الإرشاد: مقتطفان بانتظار الإرسال');
  });
});
