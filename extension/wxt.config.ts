import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';

/** PDF.js's data files, which the PDF reader loads from the extension (`entrypoints/reader/pdf-view.ts`). */
const PDFJS = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// Not its standard fonts: PDFs that name one without embedding it are drawn with the system's
// fonts, as PDF.js does in browsers by default (loading them cost about 100 ms on the first page).
const PDFJS_DATA = ['cmaps', 'wasm'];

/**
 * The extension's manifest and build. One Manifest V3 code path for Chrome and Firefox.
 * Fewest permissions: no host access at install. Clipping works through `activeTab` (context menu,
 * shortcut, toolbar); showing clips again on a site asks once for that site, or for every site from
 * the options page (`optional_host_permissions`, `lib/site-access.ts`). The tool itself needs no
 * host permission: it answers the extension's origin with CORS. Test builds (`--mode e2e`) are
 * granted this computer's sites (where the tests' pages and tool run) at install, as no test can
 * answer a permission prompt. Every permission is explained in the README.
 * No content script is declared: the background runs it with `scripting` where it is needed
 * (`lib/page-script.ts`): declaring one delays every page's load event in Chromium.
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  // Explicit imports everywhere: each module says where `browser` and `define*` come from.
  imports: false,
  hooks: {
    // WXT writes `content_scripts: []` even when every content script is registered at runtime.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!manifest.content_scripts?.length) delete manifest.content_scripts;
    },
    // Character maps (text of PDFs whose fonts are not embedded, CJK ones above all) and the image
    // decoders, copied under `pdfjs/`.
    'build:publicAssets': (_wxt, files) => {
      for (const dir of PDFJS_DATA)
        for (const name of readdirSync(path.join(PDFJS, dir)))
          files.push({ absoluteSrc: path.join(PDFJS, dir, name), relativeDest: `pdfjs/${dir}/${name}` });
    },
  },
  manifest: ({ browser, mode }) => ({
    name: 'Mentoring workspaces: clip to your next conversation',
    short_name: 'Mentoring clips',
    description: 'Clip passages from any page into your mentoring goals and reflection prompts, even offline.',
    permissions: [
      'storage',
      'contextMenus',
      'alarms',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] } : {}),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Mentoring workspace' },
    commands: {
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Clip the selected passage to your mentoring workspace',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'clipper@mentoring-workspaces' } } } : {}),
  }),
});
