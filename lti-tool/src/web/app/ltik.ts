/**
 * The launch token (ltik). ltijs hands it over once, in the launch URL `/app/?ltik=…`. Cookies are
 * unreliable inside the LMS iframe, so the app sends it as a bearer token instead. It is taken out
 * of the visible URL at once (so it is not bookmarked, copied or leaked in a Referer), kept in
 * memory, and copied to sessionStorage so that reloading the frame keeps the person signed in.
 */

export const LTIK_STORAGE_KEY = 'mentoring.ltik';

/** Separates the ltik from the rest of the address; `cleanUrl` is what the address bar should show. */
export function splitLtik(href: string): { ltik: string | null; cleanUrl: string | null } {
  const url = new URL(href);
  if (!url.searchParams.has('ltik')) return { ltik: null, cleanUrl: null };
  const ltik = url.searchParams.get('ltik') || null;
  url.searchParams.delete('ltik');
  return { ltik, cleanUrl: url.pathname + url.search + url.hash };
}

export interface LtikEnvironment {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  /** Null where the browser refuses storage to a third-party frame. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** Reads the ltik once at start: a fresh launch wins over the copy kept for reloads. */
export function takeLtik(env: LtikEnvironment): string | null {
  const { ltik, cleanUrl } = splitLtik(env.location.href);
  if (cleanUrl !== null) env.history.replaceState(env.history.state, '', cleanUrl);
  if (ltik) {
    quietly(() => env.storage?.setItem(LTIK_STORAGE_KEY, ltik));
    return ltik;
  }
  return quietly(() => env.storage?.getItem(LTIK_STORAGE_KEY)) ?? null;
}

/** The browser's own environment; sessionStorage access itself throws when storage is blocked. */
export function browserEnvironment(): LtikEnvironment {
  return { location: window.location, history: window.history, storage: quietly(() => window.sessionStorage) ?? null };
}

function quietly<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
