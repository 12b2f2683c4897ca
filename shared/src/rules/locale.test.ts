import { describe, expect, it } from 'vitest';
import { acceptedLanguages, matchLocale, resolveLocale, textDirection } from './locale.ts';

describe('matchLocale', () => {
  it('matches region, script and underscore spellings by their language', () => {
    expect(matchLocale('es-MX')).toBe('es');
    expect(matchLocale('fr_CA')).toBe('fr');
    expect(matchLocale('zh-Hans-CN')).toBe('zh');
    expect(matchLocale('AR')).toBe('ar');
    expect(matchLocale('en')).toBe('en');
  });

  it('answers null for languages the tool does not speak and for what is not a tag', () => {
    expect(matchLocale('de-DE')).toBeNull();
    expect(matchLocale('')).toBeNull();
    expect(matchLocale(null)).toBeNull();
    expect(matchLocale('es MX')).toBeNull();
    expect(matchLocale('<script>')).toBeNull();
  });
});

describe('acceptedLanguages', () => {
  it('orders by weight, keeps header order on ties, and drops q=0 and *', () => {
    expect(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
    expect(acceptedLanguages('en;q=0.2, ar')).toEqual(['ar', 'en']);
    expect(acceptedLanguages('es;q=0, zh')).toEqual(['zh']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});

describe('resolveLocale', () => {
  it('takes the person’s choice first, then the launch, then the browser, then English', () => {
    expect(resolveLocale({ chosen: 'ar', launch: 'es-MX', browser: ['fr'] })).toBe('ar');
    expect(resolveLocale({ chosen: null, launch: 'es-MX', browser: ['fr'] })).toBe('es');
    expect(resolveLocale({ launch: 'de-DE', browser: ['de', 'zh-CN'] })).toBe('zh');
    expect(resolveLocale({ launch: 'de-DE', browser: ['de'] })).toBe('en');
    expect(resolveLocale({})).toBe('en');
  });
});

describe('textDirection', () => {
  it('is right-to-left for Arabic only', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('zh')).toBe('ltr');
  });
});
