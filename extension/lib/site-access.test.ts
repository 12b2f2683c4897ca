import { describe, expect, it } from 'vitest';
import { sitePattern } from './site-access.ts';

describe('sitePattern', () => {
  it('names the whole site of a page, whatever its path, port, query or fragment', () => {
    expect(sitePattern('https://en.wikipedia.org/wiki/Mentorship?utm_source=x#History')).toBe(
      'https://en.wikipedia.org/*',
    );
    expect(sitePattern('http://127.0.0.1:8080/reading')).toBe('http://127.0.0.1/*');
  });

  it('asks for nothing where no host permission applies', () => {
    expect(sitePattern('file:///home/me/chapter.html')).toBeNull();
    expect(sitePattern('chrome://extensions')).toBeNull();
    expect(sitePattern('not a url')).toBeNull();
  });
});
