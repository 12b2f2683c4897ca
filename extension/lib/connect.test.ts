import { describe, expect, it } from 'vitest';
import { describeThisBrowser, readConnectionCode } from './connect.ts';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36';
const EDGE_WINDOWS = `${CHROME_LINUX.replace('X11; Linux x86_64', 'Windows NT 10.0; Win64; x64')} Edg/150.0.0.0`;
const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:153.0) Gecko/20100101 Firefox/153.0';

describe('connecting this browser', () => {
  it('reads the whole connection code the workspace shows', () => {
    expect(readConnectionCode(' abcd-efgh@https://mentoring.example.org/ ')).toEqual({
      code: 'ABCD-EFGH',
      toolUrl: 'https://mentoring.example.org',
    });
  });

  it('says where to get a whole code when only part of one is pasted', () => {
    expect(() => readConnectionCode('ABCD-EFGH')).toThrow(/Connect your browser/);
  });

  it('names the browser with its version and the system, so two connections are told apart', () => {
    expect(describeThisBrowser(CHROME_LINUX, 'linux', 'chrome')).toEqual({ browser: 'Chrome 150', system: 'Linux' });
    expect(describeThisBrowser(EDGE_WINDOWS, 'win', 'chrome')).toEqual({ browser: 'Edge 150', system: 'Windows' });
    expect(describeThisBrowser(FIREFOX_MAC, 'mac', 'firefox')).toEqual({ browser: 'Firefox 153', system: 'macOS' });
  });
});
