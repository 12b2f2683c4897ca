import { describe, expect, it } from 'vitest';
import { LTIK_STORAGE_KEY, splitLtik, takeLtik, type LtikEnvironment } from './ltik.ts';

function environment(href: string, stored: Record<string, string> = {}, storageThrows = false) {
  const replaced: string[] = [];
  const env: LtikEnvironment = {
    location: { href },
    history: { state: { kept: true }, replaceState: (_s, _u, url) => void replaced.push(String(url)) },
    storage: {
      getItem: (k) => {
        if (storageThrows) throw new DOMException('blocked', 'SecurityError');
        return stored[k] ?? null;
      },
      setItem: (k, v) => {
        if (storageThrows) throw new DOMException('blocked', 'SecurityError');
        stored[k] = v;
      },
    },
  };
  return { env, replaced, stored };
}

describe('splitLtik', () => {
  it('removes only the ltik, keeping other parameters and the hash', () => {
    expect(splitLtik('https://tool.example/app/?x=1&ltik=abc.def#/p/7')).toEqual({
      ltik: 'abc.def',
      cleanUrl: '/app/?x=1#/p/7',
    });
  });
  it('leaves an address without an ltik alone', () => {
    expect(splitLtik('https://tool.example/app/#/connect')).toEqual({ ltik: null, cleanUrl: null });
  });
});

describe('takeLtik', () => {
  it('takes a fresh launch token, hides it from the address bar and keeps a copy for reloads', () => {
    const { env, replaced, stored } = environment('https://tool.example/app/?ltik=fresh', {
      [LTIK_STORAGE_KEY]: 'old',
    });
    expect(takeLtik(env)).toBe('fresh');
    expect(replaced).toEqual(['/app/']);
    expect(stored[LTIK_STORAGE_KEY]).toBe('fresh');
  });
  it('falls back to the kept copy after a reload', () => {
    const { env, replaced } = environment('https://tool.example/app/#/connect', { [LTIK_STORAGE_KEY]: 'kept' });
    expect(takeLtik(env)).toBe('kept');
    expect(replaced).toEqual([]);
  });
  it('still works where the browser blocks storage in the frame', () => {
    expect(takeLtik(environment('https://tool.example/app/?ltik=t', {}, true).env)).toBe('t');
    expect(takeLtik(environment('https://tool.example/app/', {}, true).env)).toBeNull();
  });
  it('treats an empty ltik as none but still cleans the address', () => {
    const { env, replaced } = environment('https://tool.example/app/?ltik=');
    expect(takeLtik(env)).toBeNull();
    expect(replaced).toEqual(['/app/']);
  });
});
