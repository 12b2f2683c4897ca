/**
 * Which reading a page is, as the Hypothesis client identifies documents: by its address without
 * fragment or tracking parameters, its canonical link and `og:url` (on its own site only: a page
 * must not claim to be a reading elsewhere and see what was clipped there), its DOI, and, for a
 * PDF, its fingerprint. Two pages sharing any identity are the same reading.
 */

/** Query parameters that say how the reader arrived, never which page it is. */
const TRACKING = [
  /^utm_/,
  /^mc_/,
  /^_hs/,
  /^(fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|ttclid|li_fat_id)$/,
  /^(_ga|_gl|mkt_tok|oly_anon_id|oly_enc_id|vero_id|vero_conv|wickedid|s_cid|ref_src)$/,
];

const isTracking = (name: string) => TRACKING.some((p) => p.test(name.toLowerCase()));

/**
 * A page address as clips are kept under it: without the fragment (a passage clipped at
 * `page#section` is found on `page`) and without tracking parameters. Not a URL: left as given.
 */
export function normalizeDocumentUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.hash = '';
  const kept = [...u.searchParams].filter(([name]) => !isTracking(name));
  if (kept.length !== [...u.searchParams].length) {
    // Rebuilt only when something was dropped, so an untouched query keeps its own spelling.
    u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  }
  return u.toString();
}

/** `10.1234/abc` from `10.1234/ABC`, `doi:10.1234/abc`, `https://doi.org/10.1234/abc`; null if not a DOI. */
export function normalizeDoi(raw: string): string | null {
  const doi = raw
    .trim()
    .replace(/^(doi:\s*|https?:\/\/(dx\.)?doi\.org\/)/i, '')
    .toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}

/**
 * The page's DOI among what its markup offers (`citation_doi`, then each `dc.identifier`, which
 * may as well be an ISSN or an ISBN): the first that is a DOI, as written; undefined if none is.
 */
export function doiAmong(candidates: ReadonlyArray<string | null | undefined>): string | undefined {
  return candidates.find((c): c is string => !!c && normalizeDoi(c) !== null)?.trim();
}

/** What a page says about itself; every field but `url` optional. */
export interface DocumentMeta {
  /** Where the page is. */
  url: string;
  /** `<link rel=canonical>`. */
  canonical?: string | null;
  /** `<meta property="og:url">`. */
  ogUrl?: string | null;
  /** `citation_doi`, or a `dc.identifier` that is a DOI. */
  doi?: string | null;
  /** A PDF's fingerprint (PDF.js `fingerprints[0]`). */
  pdfFingerprint?: string | null;
}

const origin = (url: string) => {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

/**
 * Every identity of the page, its own address first: normalised addresses, `doi:…` and
 * `urn:x-pdf:…`. A canonical link or `og:url` naming another site is left out.
 */
export function documentIdentities(meta: DocumentMeta): string[] {
  const own = origin(meta.url);
  const sameSite = (u: string | null | undefined): u is string => !!u && own !== null && origin(u) === own;
  const ids = [normalizeDocumentUrl(meta.url)];
  for (const u of [meta.canonical, meta.ogUrl]) if (sameSite(u)) ids.push(normalizeDocumentUrl(u));
  const doi = meta.doi ? normalizeDoi(meta.doi) : null;
  if (doi) ids.push(`doi:${doi}`);
  if (meta.pdfFingerprint?.trim()) ids.push(`urn:x-pdf:${meta.pdfFingerprint.trim().toLowerCase()}`);
  return [...new Set(ids)];
}
