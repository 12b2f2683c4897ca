/**
 * A page's address for clips: its canonical address when it names one on its own site, else
 * where it is. (A canonical address on another site is ignored: a page could otherwise ask for,
 * and see highlighted, what the reader clipped elsewhere.) Shared by the content script and the
 * background, which reads the canonical link before deciding to run the content script.
 */
export function pageAddress(location: string, canonical: string | null | undefined): string {
  try {
    return canonical && new URL(canonical).origin === new URL(location).origin ? canonical : location;
  } catch {
    return location;
  }
}
