import { describe, expect, it } from 'vitest';
import { documentIdentities, doiAmong, normalizeDocumentUrl, normalizeDoi } from './documents.ts';

describe('a page address as clips are kept under it', () => {
  it('drops the fragment and tracking parameters, keeping the parameters that choose the page', () => {
    expect(normalizeDocumentUrl('https://example.org/a?id=3#part-2')).toBe('https://example.org/a?id=3');
    expect(
      normalizeDocumentUrl(
        'https://example.org/a?utm_source=mail&id=3&utm_medium=email&fbclid=x&gclid=y&mc_cid=1&mc_eid=2&UTM_Campaign=z',
      ),
    ).toBe('https://example.org/a?id=3');
    expect(normalizeDocumentUrl('https://Example.ORG:443/a?utm_source=x')).toBe('https://example.org/a');
  });
  it('leaves an untouched query as written, and what is not an address as given', () => {
    expect(normalizeDocumentUrl('https://example.org/a?b=%20c&a=1')).toBe('https://example.org/a?b=%20c&a=1');
    expect(normalizeDocumentUrl('not an address')).toBe('not an address');
  });
});

describe('DOIs', () => {
  it('reads the usual spellings and refuses what is not a DOI', () => {
    expect(normalizeDoi('10.1234/ABC.5')).toBe('10.1234/abc.5');
    expect(normalizeDoi('doi: 10.1234/abc')).toBe('10.1234/abc');
    expect(normalizeDoi('https://doi.org/10.1234/abc')).toBe('10.1234/abc');
    expect(normalizeDoi('ISBN 978-3-16-148410-0')).toBeNull();
  });
  it('are found among a page’s identifiers, whichever comes first', () => {
    expect(doiAmong([null, 'ISSN 1234-5678', ' https://doi.org/10.5555/X.14 '])).toBe('https://doi.org/10.5555/X.14');
    expect(doiAmong(['10.1234/a', 'doi:10.9999/b'])).toBe('10.1234/a');
    expect(doiAmong([undefined, 'urn:isbn:978-3-16-148410-0'])).toBeUndefined();
  });
});

describe('the identities of a page', () => {
  it('are its address, its canonical link and og:url on its own site, its DOI and PDF fingerprint', () => {
    expect(
      documentIdentities({
        url: 'https://example.org/reading?utm_source=mail#top',
        canonical: 'https://example.org/readings/trust',
        ogUrl: 'https://example.org/readings/trust?fbclid=1',
        doi: 'doi:10.5555/Trust',
        pdfFingerprint: 'ABC123',
      }),
    ).toEqual([
      'https://example.org/reading',
      'https://example.org/readings/trust',
      'doi:10.5555/trust',
      'urn:x-pdf:abc123',
    ]);
  });
  it('ignore a canonical link or og:url naming another site', () => {
    expect(
      documentIdentities({
        url: 'https://copy.example.net/a',
        canonical: 'https://example.org/clipped',
        ogUrl: 'https://example.org/clipped',
      }),
    ).toEqual(['https://copy.example.net/a']);
  });
});
