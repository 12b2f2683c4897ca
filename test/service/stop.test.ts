/**
 * `npm start` as a container runs it: built, then replaced by the server process, so a stop signal
 * reaches the server. A SIGTERM during 24 requests in flight lets all 24 finish, the process is gone
 * within ten seconds, and its port is free, each request logged in one line. The compiled server
 * also finds the sandbox's readings.
 */
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, waitFor } from '../support/instances.ts';
import { freePort, tempDir } from '../support/tool.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const IN_FLIGHT = 24;

/** Whether something accepts connections on `port`. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * A request the server has begun (it answered `100 Continue` to its headers) whose body is still
 * to come: in flight until `finish` sends the rest.
 */
function begunRequest(port: number): Promise<{ finish(): Promise<number> }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      port,
      host: '127.0.0.1',
      method: 'POST',
      path: '/api/pairing/exchange',
      agent: false,
      headers: { 'content-type': 'application/json', expect: '100-continue', 'transfer-encoding': 'chunked' },
    });
    const answered = new Promise<number>((done, fail) => {
      req.once('response', (res) => {
        res.resume();
        res.once('end', () => done(res.statusCode ?? 0));
      });
      req.once('error', fail);
    });
    answered.catch(reject);
    req.once('continue', () => {
      req.write('{"code":');
      resolve({
        finish: () => {
          req.end('"ABCD-EFGH"}');
          return answered;
        },
      });
    });
    req.flushHeaders();
  });
}

describe('npm start', () => {
  const dataDir = tempDir();
  let child: ReturnType<typeof spawn> | undefined;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('stops on SIGTERM after answering the requests in flight, leaving no process and a free port', async () => {
    const [port, sandboxPort] = [await freePort(), await freePort()];
    // As a person's shell would, without vitest's NODE_ENV=test.
    const { NODE_ENV: _, ...shell } = process.env;
    child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        ...shell,
        PORT: String(port),
        SANDBOX_PORT: String(sandboxPort),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        // The in-flight requests are failed pairing exchanges: the guessing limit must not answer them first.
        RATE_LIMIT_PAIRING: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(
      'npm start to be ready with its sandbox',
      async () => {
        if (child!.exitCode !== null) throw new Error(`npm start exited: ${out}`);
        return out.includes('Sandbox LMS: open') && (await fetch(`http://127.0.0.1:${port}/readyz`)).ok;
      },
      240_000,
    );
    // The compiled server finds the sandbox's readings.
    const readings = await (await fetch(`http://127.0.0.1:${sandboxPort}/readings`)).text();
    expect(readings).toContain('the-agenda-belongs-to-the-mentee.txt');

    const requests = await Promise.all(Array.from({ length: IN_FLIGHT }, () => begunRequest(port)));
    const signalled = Date.now();
    child.kill('SIGTERM');
    const gone = exited(child);
    // Stopping: the server no longer accepts connections, while the 24 are still open.
    await waitFor('the server to stop accepting', async () => !(await listening(port)), 10_000);
    const statuses = await Promise.all(requests.map((r) => r.finish()));
    expect(statuses).toEqual(Array.from({ length: IN_FLIGHT }, () => 400));

    expect(await gone).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(await listening(port)).toBe(false);
    expect(await listening(sandboxPort)).toBe(false);
    await new Promise<void>((resolve, reject) => {
      const server = net.createServer().once('error', reject);
      server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
    });

    // One log line per request: its id, route, status and duration, never what it carried.
    const logged = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request' && l.route === 'api.exchangePairingCode');
    expect(logged).toHaveLength(IN_FLIGHT);
    for (const line of logged) {
      expect(line).toMatchObject({ status: 400, method: 'POST', reqId: expect.any(String), ms: expect.any(Number) });
    }
    expect(out).not.toContain('ABCD-EFGH');
  }, 300_000);
});
