/**
 * Where the tool's files are, whether it runs from source (`src/`) or from the compiled build
 * (`dist/server/`): found from the package's own package.json rather than from this file's depth.
 */
import fs from 'node:fs';
import path from 'node:path';

function findToolRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === '@mentoring/lti-tool'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`The lti-tool package is not above ${from}.`);
  }
}

/** The `lti-tool` folder. */
export const TOOL_ROOT = findToolRoot(import.meta.dirname);
/** The repository (default data folder). */
export const REPO_ROOT = path.dirname(TOOL_ROOT);
