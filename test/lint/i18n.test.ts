/**
 * The language rules of eslint.config.js: `i18n/no-raw-numbers` fails on a number written raw into
 * text people read — a JSX child, a `t` message, a plural's branch — and passes a count given to
 * `plural` or a number through `formatNumber`; `i18n/intl-locale` fails on `Intl` given a language
 * without `intlLocale` (Arabic would get Latin digits). Each case lints a short-lived probe in the web app (`*.lint-probe.tsx`,
 * which the config ignores in ordinary runs) with the config as it is.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, ignore: false });
const written: string[] = [];

async function lintProbe(body: string, rule: string): Promise<number[]> {
  const file = path.join(root, 'lti-tool/src/web/screens', `raw-numbers-${written.length}.lint-probe.tsx`);
  written.push(file);
  writeFileSync(
    file,
    [
      "import { plural, t } from '@lingui/core/macro';",
      "import { Trans } from '@lingui/react/macro';",
      "import { i18n } from '@lingui/core';",
      "import { intlLocale } from '@mentoring/shared';",
      "import { formatNumber } from '../lib/dates.ts';",
      'export function Probe({ clips, names }: { clips: string[]; names: string }) {',
      `  return ${body};`,
      '}',
      '',
    ].join('\n'),
  );
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.line);
}

const rawNumbers = (body: string) => lintProbe(body, 'i18n/no-raw-numbers');

afterEach(() => {
  for (const file of written.splice(0)) rmSync(file, { force: true });
});

// Type-aware lint builds the web app's TypeScript program first: seconds, not milliseconds.
describe('i18n/no-raw-numbers', { timeout: 120_000 }, () => {
  it('refuses a count as a JSX child, inside <Trans> too', async () => {
    expect(await rawNumbers('<p>{clips.length}</p>')).toHaveLength(1);
    expect(await rawNumbers('<p><Trans>{clips.length} clips</Trans></p>')).toHaveLength(1);
  });

  it('refuses a number in a message or a plural’s branch', async () => {
    expect(await rawNumbers('<p title={t`History (${clips.length})`} />')).toHaveLength(1);
    expect(
      await rawNumbers("<p>{plural(clips.length, { one: `${clips.length - 1} and # clip`, other: '# clips' })}</p>"),
    ).toHaveLength(1);
  });

  it('passes a plural’s count, a formatted number and text that may hold a number', async () => {
    expect(
      await rawNumbers(
        "<p title={t`History (${formatNumber(clips.length)})`}>{plural(clips.length, { one: '# clip', other: '# clips' })} {names} {formatNumber(2)}</p>",
      ),
    ).toEqual([]);
  });
});

describe('i18n/intl-locale', { timeout: 120_000 }, () => {
  const bare = (body: string) => lintProbe(body, 'i18n/intl-locale');

  it('refuses Intl given the language as it is', async () => {
    expect(await bare('<p>{new Intl.NumberFormat(i18n.locale).format(clips.length)}</p>')).toHaveLength(1);
    expect(await bare('<p>{new Date().toLocaleDateString(i18n.locale)}</p>')).toHaveLength(1);
  });

  it('passes intlLocale and a literal tag', async () => {
    expect(
      await bare(
        "<p>{new Intl.NumberFormat(intlLocale(i18n.locale)).format(clips.length)} {new Intl.DateTimeFormat('en').format(0)} {names}</p>",
      ),
    ).toEqual([]);
  });
});
