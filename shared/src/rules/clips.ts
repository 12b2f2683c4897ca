/** Rules about clipped passages shared by the extension and the server. */
import { MAX_QUOTE_LENGTH } from '../domain.ts';
import { normalizeDocumentUrl } from './documents.ts';

/** Whitespace-insensitive form of a quote, for "already clipped" checks. */
export function normalizeQuote(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The page address clips are kept under: without the fragment (a passage clipped at
 * `page#section` is found again on `page`) or tracking parameters (see `documents.ts`).
 */
export const clipPageUrl = normalizeDocumentUrl;

/** Cuts an over-long selection, telling the clipper what was kept. */
export function limitQuote(quote: string): { quote: string; truncated: boolean; notice: string | null } {
  if (quote.length <= MAX_QUOTE_LENGTH) return { quote, truncated: false, notice: null };
  return {
    quote: quote.slice(0, MAX_QUOTE_LENGTH),
    truncated: true,
    notice: `The selection had ${quote.length.toLocaleString('en')} characters; the first ${MAX_QUOTE_LENGTH.toLocaleString('en')} were kept.`,
  };
}

/** Finds an existing clip of the same passage on the same page. */
export function findDuplicate<C extends { url: string; quote: string }>(
  clips: readonly C[],
  url: string,
  quote: string,
): C | undefined {
  const page = clipPageUrl(url);
  const q = normalizeQuote(quote);
  return clips.find((c) => clipPageUrl(c.url) === page && normalizeQuote(c.quote) === q);
}
