import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';
import { lingui } from '@lingui/vite-plugin';
import { getConfig } from '@lingui/conf';

const linguiConfig = getConfig({ configPath: `${import.meta.dirname}/lingui.config.ts` });

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
 * Texts: the manifest's through the browser's `_locales` (public/_locales, `__MSG_…__`); every
 * other text through Lingui, whose macros become catalog lookups at build time (lingui.config.ts).
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  react: { vite: { babel: { plugins: [['@lingui/babel-plugin-lingui-macro', { linguiConfig }]] } } },
  vite: () => ({ plugins: [lingui({ configPath: linguiConfig.resolvedConfigPath, failOnCompileError: true })] }),
  manifestVersion: 3,
  // Explicit imports everywhere: each module says where `browser` and `define*` come from.
  imports: false,
  hooks: {
    // WXT writes `content_scripts: []` even when every content script is registered at runtime.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!manifest.content_scripts?.length) delete manifest.content_scripts;
      // WXT titles the toolbar button and Firefox's sidebar from their pages' <title>: the browser's language instead.
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
      const sidebar = (manifest as { sidebar_action?: { default_title?: string } }).sidebar_action;
      if (sidebar) sidebar.default_title = '__MSG_actionTitle__';
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
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
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
    commands: {
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_clipCommand__',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'clipper@mentoring-workspaces' } } } : {}),
  }),
});
