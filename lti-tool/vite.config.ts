/**
 * Builds the workspace web app (src/web) that the LMS shows in its iframe. The server serves the
 * result at /app/; in development Vite serves it there too and passes /api on to the tool. With
 * `--ssr entry-server.tsx`, the module the server renders the first screen with, into dist/web-ssr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { lingui } from '@lingui/vite-plugin';
import { getConfig } from '@lingui/conf';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const modules = (names: string) => new RegExp(`node_modules[\\\\/](${names})[\\\\/]`);

/**
 * Writes `.br` and `.gz` beside each text file of the build, at the highest quality: the server
 * sends them as they are, so no request waits for compression.
 */
function precompress(): Plugin {
  return {
    name: 'mentoring:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const file = path.join(options.dir!, name);
        const body = fs.readFileSync(file);
        if (body.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/**
 * The stylesheet first in the page's head, before the scripts Vite puts there: a server-rendered
 * page paints once it has arrived, and over HTTP/1.1 (six connections to a host) it would wait for
 * a connection behind the scripts, which nothing shown needs yet.
 */
function stylesheetFirst(): Plugin {
  return {
    name: 'mentoring:stylesheet-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/<link rel="stylesheet"[^>]*>\s*/g) ?? [];
        const rest = links.reduce((h, link) => h.replace(link, ''), html);
        return rest.replace(
          /<script type="module"/,
          (script) => links.map((l) => `${l.trim()}\n    `).join('') + script,
        );
      },
    },
  };
}

const linguiConfig = getConfig({ configPath: here('./lingui.config.ts') });

// Lingui's macros become catalog lookups at build time; each `.po` catalog compiles into its own chunk.
const plugins = [
  react({ babel: { plugins: [['@lingui/babel-plugin-lingui-macro', { linguiConfig }]] } }),
  lingui({ configPath: linguiConfig.resolvedConfigPath, failOnCompileError: true }),
];

const server = defineConfig({
  root: here('./src/web'),
  base: '/app/',
  plugins,
  publicDir: false,
  build: { outDir: here('./dist/web-ssr'), emptyOutDir: true },
});

const browser = defineConfig({
  root: here('./src/web'),
  base: '/app/',
  plugins: [...plugins, stylesheetFirst(), precompress()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // The list of chunks per entry, read by `bench:firstload` to count the first screen's JavaScript.
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            // Zod's global configuration (zod-config.ts) without the rest of Zod, for the first screen.
            { name: 'zod-core', test: /node_modules[\\/]zod[\\/]v4[\\/]core[\\/](core|util)\.js$/, priority: 1 },
            { name: 'react', test: modules('react|react-dom|scheduler') },
            { name: 'zod', test: modules('zod|@asteasolutions') },
            { name: 'query', test: modules('@tanstack') },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});

export default defineConfig(({ isSsrBuild, command, mode }) => {
  // A production build stays one whatever NODE_ENV the shell has (vitest sets `test` for the
  // processes it starts): Vite reads it after this config, and with any other value it would bundle
  // React's development build, twice the size, and compile JSX for it.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return isSsrBuild ? server : browser;
});
