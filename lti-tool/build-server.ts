/**
 * Compiles the server into plain JavaScript (`dist/server/`) so production runs `node` without a
 * TypeScript loader. The shared package (TypeScript source) is bundled in; every other package stays
 * an import from node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const bundleSharedOnly: Plugin = {
  name: 'bundle-shared-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path === '@mentoring/shared' || args.path.startsWith('@mentoring/shared/')
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

const outdir = path.join(import.meta.dirname, 'dist/server');
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: import.meta.dirname,
  entryPoints: { main: 'src/main.ts', platform: 'src/cli/platform.ts', backup: 'src/cli/backup.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [bundleSharedOnly],
  logLevel: 'warning',
});

// The server's message catalogs, read at start (src/i18n/server.ts): production needs no src/.
fs.cpSync(path.join(import.meta.dirname, 'src/locales'), path.join(outdir, 'locales'), { recursive: true });
