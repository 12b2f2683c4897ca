/** Servers under measurement run in their own processes, so the load generator has its own core. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  process: ChildProcess;
}

/**
 * Compiles a TypeScript entry to plain JavaScript the way the tool's production build does
 * (`lti-tool/build-server.ts`: one bundle of our own code, packages imported from node_modules), so
 * that a server runs as `node` runs it in production: no TypeScript loader, no source-mapped stacks.
 */
async function compile(script: string): Promise<string> {
  const outfile = path.join(ROOT, 'lti-tool/dist/bench', `${path.basename(script, '.ts')}-${process.pid}.mjs`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: [script],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [
      {
        name: 'packages-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@mentoring/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Runs a TypeScript entry and resolves once its output matches `ready` (group 1 = its URL): with
 * tsx, or `compiled` first (see `compile`).
 */
export async function startProcess(
  script: string,
  opts: { args?: string[]; env?: Record<string, string>; nodeArgs?: string[]; ready: RegExp; compiled?: boolean },
): Promise<ServerProcess> {
  const entry = opts.compiled ? [await compile(script)] : ['--import', 'tsx', script];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...entry, ...(opts.args ?? [])], {
      cwd: ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = opts.ready.exec(out);
      if (m) resolve({ url: m[1]!, process: child });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}
