import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Mentoring workspaces: clip to your next conversation',
    permissions: ['storage', 'contextMenus', 'sidePanel', 'alarms', 'activeTab', 'scripting'],
  },
});
