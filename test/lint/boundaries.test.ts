/**
 * The lint config's import boundaries (CONTRIBUTING.md) fail on a deliberate breach and pass on a clean
 * import. Each case writes a short-lived probe beside real code (`*.lint-probe.ts`, which the config
 * ignores in ordinary runs) and lints it with the config as it is.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, ignore: false });
const written: string[] = [];

async function lintProbe(where: string, source: string) {
  const file = path.join(root, where, `boundary-${written.length}.lint-probe.ts`);
  written.push(file);
  writeFileSync(file, source);
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

afterEach(() => {
  for (const file of written.splice(0)) rmSync(file, { force: true });
});

// Type-aware lint builds each part's TypeScript program first: seconds, not milliseconds.
describe('import boundaries', { timeout: 120_000 }, () => {
  it('shared may not import the tool', async () => {
    const errors = await lintProbe(
      'shared/src',
      "import { loadConfig } from '@mentoring/lti-tool/src/config.ts';\nexport const probe = loadConfig;\n",
    );
    expect(errors.join('\n')).toMatch(/`shared` is the domain both apps use/);
  });

  it('the extension may not import the tool, by package or by path', async () => {
    const byPackage = await lintProbe(
      'extension/lib',
      "import { exportFilename } from '@mentoring/lti-tool/src/services/export.ts';\nexport const probe = exportFilename;\n",
    );
    expect(byPackage.join('\n')).toMatch(/The extension talks to the tool over HTTP only/);
    const byPath = await lintProbe(
      'extension/lib',
      "import { loadConfig } from '../../lti-tool/src/config.ts';\nexport const probe = loadConfig;\n",
    );
    expect(byPath.join('\n')).toMatch(/The extension talks to the tool over HTTP only/);
  });

  it('the tool may not import the tests, and services may not import HTTP', async () => {
    const tests = await lintProbe(
      'lti-tool/src',
      "import { startTestTool } from '@mentoring/test/support/tool.ts';\nexport const probe = startTestTool;\n",
    );
    expect(tests.join('\n')).toMatch(/never imports the extension or the tests/);
    const http = await lintProbe(
      'lti-tool/src/services',
      "import { HttpError } from '../http/errors.ts';\nexport const probe = HttpError;\n",
    );
    expect(http.join('\n')).toMatch(/Services and models speak the domain/);
  });

  it('passes clean imports', async () => {
    expect(
      await lintProbe(
        'extension/lib',
        "import { exportFileName } from '@mentoring/shared';\nexport const probe = exportFileName;\n",
      ),
    ).toEqual([]);
    expect(
      await lintProbe('shared/src', "import { hasRole } from './rules/access.ts';\nexport const probe = hasRole;\n"),
    ).toEqual([]);
  });
});
