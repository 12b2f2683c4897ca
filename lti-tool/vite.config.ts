/**
 * Builds the workspace web app (src/web) that the LMS shows in its iframe. The server serves the
 * result at /app/; in development Vite serves it there too and passes /api on to the tool.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const modules = (names: string) => new RegExp(`node_modules[\\\\/](${names})[\\\\/]`);

export default defineConfig({
  root: here('./src/web'),
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: modules('react|react-dom|scheduler') },
            {
              name: 'react-aria',
              test: modules(
                'react-aria|react-aria-components|react-stately|@react-aria|@react-stately|@react-types|@internationalized|@swc|clsx',
              ),
            },
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
