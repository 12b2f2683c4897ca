/**
 * The project runs on the Node its `engines` names (README: Node 20.19 or newer, with `wxt` and
 * `vitest` pinned to majors that still accept it). Every package the lock file installs must accept
 * that oldest Node too: a dependency that moved on (ical-generator 11 asks for Node 22) would leave
 * `npm ci` warning, and in time fail, on the machines the README promises.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as unknown;

it('every installed package accepts the oldest Node the project names', () => {
  const { engines } = readJson('package.json') as { engines: { node: string } };
  const oldest = semver.minVersion(engines.node)!.version;
  const { packages } = readJson('package-lock.json') as {
    packages: Record<string, { engines?: { node?: unknown } | string[] }>;
  };
  const refusing = Object.entries(packages).flatMap(([where, pkg]) => {
    const wanted = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
    return typeof wanted === 'string' && !semver.satisfies(oldest, wanted) ? [`${where} (node ${wanted})`] : [];
  });
  expect(oldest).toBe('20.19.0');
  expect(refusing).toEqual([]);
});
