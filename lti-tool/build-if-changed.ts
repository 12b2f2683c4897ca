/**
 * `npm start` builds only what changed since the last build: a second start is immediate, and a
 * start while the built app is being served (a test beside others, an operator's restart) does not
 * empty the folders under it. The build records what it was made from (`--record`, the last step
 * of `npm run build`): each input file's path, size and modification time, hashed. Without an
 * argument this compares that record with the files now and runs `npm run build` when they differ.
 */
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const TOOL = import.meta.dirname;
const ROOT = path.resolve(TOOL, '..');
const RECORD = path.join(TOOL, 'dist/built-from');
/** What the web app, its renderer and the server are built from (tests beside the code are not). */
const INPUTS = [
  'lti-tool/src',
  'shared/src',
  'lti-tool/package.json',
  'lti-tool/vite.config.ts',
  'lti-tool/build-server.ts',
  'lti-tool/lingui.config.ts',
  'lti-tool/lingui.server.config.ts',
  'lti-tool/tsconfig.json',
  'shared/package.json',
  'package-lock.json',
];
const IGNORED = /\.test\.tsx?$|(^|\/)__screenshots__(\/|$)/;

function files(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return IGNORED.test(relative) ? [] : [relative];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => files(path.posix.join(relative, name)));
}

function fingerprint(): string {
  const hash = crypto.createHash('sha256');
  for (const file of INPUTS.flatMap(files)) {
    const { size, mtimeMs } = fs.statSync(path.join(ROOT, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

if (process.argv.includes('--record')) {
  fs.writeFileSync(RECORD, `${fingerprint()}\n`);
} else if (fs.existsSync(RECORD) && fs.readFileSync(RECORD, 'utf8').trim() === fingerprint()) {
  console.log('The tool’s build is up to date with its sources.');
} else {
  const built = spawnSync('npm', ['run', 'build'], { cwd: TOOL, stdio: 'inherit' });
  process.exit(built.status ?? 1);
}
