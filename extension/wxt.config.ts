import { defineConfig } from 'wxt';

/**
 * The extension's manifest and build. One Manifest V3 code path for Chrome and Firefox.
 * Host permissions: every https tool and a tool on this machine (127.0.0.1, localhost) are
 * reachable without a prompt, so connecting and end-to-end tests need no permission dialog;
 * a plain-http tool elsewhere is asked for when connecting (optional permission).
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
  },
  manifest: ({ browser }) => ({
    name: 'Mentoring workspaces: clip to your next conversation',
    short_name: 'Mentoring clips',
    description: 'Clip passages from any page into your mentoring goals and reflection prompts, even offline.',
    permissions: [
      'storage',
      'contextMenus',
      'alarms',
      'activeTab',
      'scripting',
      'tabs',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*'],
    optional_host_permissions: ['http://*/*'],
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
