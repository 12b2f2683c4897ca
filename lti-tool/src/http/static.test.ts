import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirstScreenData } from '@mentoring/shared';
import { acceptedEncodings, loadFirstScreenRenderer, webApp, type RenderFirstScreen } from './static.ts';

let server: http.Server;
const failures: unknown[] = [];
const firstData = {
  me: { locale: 'fr', person: { name: '</script><script>alert(1)</script>' } },
  partnerships: { partnerships: [] },
} as unknown as FirstScreenData;
let base: string;
const script = Buffer.from(`export const text = ${JSON.stringify('mentoring '.repeat(400))};\n`);
const page = Buffer.from(
  `<!doctype html><html><head><title>app</title><script src="/app/assets/app-Ab12.js"></script></head>` +
    `<body><div id="root"></div></body></html>`,
);
/** Markup as React writes it; `$&` and `$'` would be replacement patterns to String.replace. */
const markup = `<article class="card partnership-card"><p>Lead with $& care, $' and $$</p></article>`;
let renderer: RenderFirstScreen | undefined;
const logo = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(400)}</svg>`);

function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(base + url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'static-test-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app-Ab12.js'), script);
  fs.writeFileSync(path.join(dist, 'assets', 'app-Ab12.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dist, 'assets', 'app-Ab12.js.gz'), zlib.gzipSync(script));
  fs.writeFileSync(path.join(dist, 'index.html'), page);
  fs.writeFileSync(path.join(dist, 'logo.svg'), logo);
  fs.mkdirSync(path.join(dist, '.vite'));
  fs.writeFileSync(
    path.join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/app-Ab12.js', isEntry: true, imports: ['_shared.js'] },
      '_shared.js': { file: 'assets/shared-Cd34.js' },
      'screens/home/ParticipantHome.tsx': { file: 'assets/home-Ef56.js', imports: ['_shared.js', '_card.js'] },
      '_card.js': { file: 'assets/card-Gh78.js' },
      'locales/fr.po': { file: 'assets/fr-Ij90.js' },
    }),
  );
  const app = express();
  app.use(
    '/app',
    webApp(dist, {
      firstScreen: async (req) => {
        if (req.query.ltik === 'good') return { screen: 'home', data: Promise.resolve(firstData) };
        if (req.query.ltik === 'broken') return { screen: 'home', data: Promise.reject(new Error('database gone')) };
        if (req.query.ltik === 'arabic')
          return { screen: 'home', data: Promise.resolve({ ...firstData, me: { ...firstData.me, locale: 'ar' } }) };
        return undefined;
      },
      render: async (data, now) => renderer?.(data, now),
      renderDeadlineMs: 300,
      onError: (err) => failures.push(err),
    }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('the web app’s files', () => {
  it('go out as brotli or gzip, as the browser accepts, with Vary: Accept-Encoding', async () => {
    const br = await get('/app/assets/app-Ab12.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zlib.brotliDecompressSync(br.body)).toEqual(script);
    expect(br.body.length).toBeLessThan(script.length / 10);

    const gz = await get('/app/assets/app-Ab12.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body)).toEqual(script);

    const plain = await get('/app/assets/app-Ab12.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body).toEqual(script);
    // Each encoding its own validator, so a cache never mixes them up.
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
  });

  it('compresses a file the build left uncompressed, once', async () => {
    const svg = await get('/app/logo.svg', { 'accept-encoding': 'br' });
    expect(svg.headers['content-encoding']).toBe('br');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(zlib.brotliDecompressSync(svg.body)).toEqual(logo);
    expect(svg.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for a year as immutable, and the page (with its CSP nonce) never', async () => {
    expect((await get('/app/assets/app-Ab12.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/app/', '/app/index.html', '/app/?ltik=abc', '/app/some/in-app/path']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.toString()).toContain('<meta property="csp-nonce"');
      expect(res.body.toString()).toContain('<script src="/app/assets/app-Ab12.js">');
    }
  });

  it('opened by a launch, carries the first screen’s data and preloads its code and language beyond the entry’s', async () => {
    const body = (await get('/app/?ltik=good')).body.toString();
    const json = /<script type="application\/json" id="first-screen">(.*?)<\/script>/.exec(body)?.[1];
    expect(JSON.parse(json!)).toEqual(firstData);
    expect(json).not.toContain('</script>');
    const preloads = [...body.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    expect(preloads).toEqual(['/app/assets/home-Ef56.js', '/app/assets/card-Gh78.js', '/app/assets/fr-Ij90.js']);
    expect(body.indexOf('id="first-screen"')).toBeLessThan(body.indexOf('</head>'));
    expect(body).toContain('<meta property="csp-nonce"');
  });

  it('without a launch that signs in, or when the data cannot be read, is the plain page (the app asks the API)', async () => {
    for (const url of ['/app/', '/app/?ltik=abc', '/app/?ltik=broken']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.body.toString(), url).not.toContain('first-screen');
      expect(res.body.toString(), url).toContain('</head>');
    }
    expect(failures).toEqual([new Error('database gone')]);
  });

  it('opened by a launch, carries the home rendered for its data inside the root', async () => {
    const plain = (await get('/app/?ltik=good')).body.toString();
    expect(plain).toContain('<body><div id="root"></div></body>');

    const seen: Array<{ data: FirstScreenData; now: number }> = [];
    renderer = async (data, now) => {
      seen.push({ data, now });
      if (data.me.locale === 'ar') throw new Error('render failed');
      return markup;
    };
    try {
      const before = Date.now();
      const body = (await get('/app/?ltik=good')).body.toString();
      expect(seen).toEqual([{ data: firstData, now: expect.any(Number) as number }]);
      expect(seen[0]!.now).toBeGreaterThanOrEqual(before);
      expect(body).toContain(
        `<body><div id="root" data-rendered-at="${seen[0]!.now}" lang="fr" dir="ltr">${markup}</div></body>`,
      );
      // The data block still goes out, before the markup: the app hydrates from it.
      expect(body.indexOf('id="first-screen"')).toBeLessThan(body.indexOf('partnership-card'));

      const failed = (await get('/app/?ltik=arabic')).body.toString();
      expect(failed).toContain('id="first-screen"');
      expect(failed).toContain('<body><div id="root"></div></body>');
      expect(failures.at(-1)).toEqual(new Error('render failed'));

      const unlaunched = (await get('/app/')).body.toString();
      expect(unlaunched).toContain('<body><div id="root"></div></body>');
      expect(seen).toHaveLength(2);
    } finally {
      renderer = undefined;
    }
  });

  it('goes out for the app to render when the render does not finish in time', async () => {
    renderer = () => new Promise<string>(() => {});
    try {
      const body = (await get('/app/?ltik=good')).body.toString();
      expect(body).toContain('id="first-screen"');
      expect(body).toContain('<body><div id="root"></div></body>');
    } finally {
      renderer = undefined;
    }
  });

  it('loads the built renderer; without a build, pages are not pre-rendered; a broken build is told', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'static-ssr-'));
    const entry = path.join(dir, 'entry-server.js');
    fs.writeFileSync(entry, 'export const renderFirstScreen = async () => "<p>home</p>";\n');
    const loaded = await loadFirstScreenRenderer(entry);
    expect(await loaded!(firstData, 0)).toBe('<p>home</p>');

    const errors: unknown[] = [];
    expect(await loadFirstScreenRenderer(path.join(dir, 'not-built.js'), (err) => errors.push(err))).toBeUndefined();
    expect(errors).toEqual([]);

    const broken = path.join(dir, 'broken.js');
    fs.writeFileSync(broken, 'export const renderFirstScreen = ;\n');
    expect(await loadFirstScreenRenderer(broken, (err) => errors.push(err))).toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it('answers 304 to a validator it gave, and 404 for files that are not there', async () => {
    const first = await get('/app/assets/app-Ab12.js', { 'accept-encoding': 'br' });
    const again = await get('/app/assets/app-Ab12.js', {
      'accept-encoding': 'br',
      'if-none-match': first.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    for (const url of [
      '/app/assets/old-Zz99.js',
      '/app/assets/app-Ab12.js.br',
      '/app/.vite/manifest.json',
      '/app/..%2F..%2Fetc%2Fpasswd.txt',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get('/app/%E0%A4%A.js')).status).toBe(400);
  });
});

describe('acceptedEncodings', () => {
  it('reads Accept-Encoding with its q-values and wildcard', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=0.5, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*, gzip;q=0')).toEqual(['br']);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('identity')).toEqual([]);
  });
});
