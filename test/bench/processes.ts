/** Servers under measurement run in their own processes, so the load generator has its own core. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  process: ChildProcess;
}

/** Runs a TypeScript entry with tsx and resolves once its output matches `ready` (group 1 = its URL). */
export function startProcess(
  script: string,
  opts: { args?: string[]; env?: Record<string, string>; nodeArgs?: string[]; ready: RegExp },
): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', script, ...(opts.args ?? [])], {
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
