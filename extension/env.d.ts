interface ImportMetaEnv {
  /** "1" in end-to-end test builds: exposes the context menu's handler to tests (see background.ts) and the pseudo-locale (lib/i18n.ts). */
  readonly WXT_E2E?: string;
}

/** A `.po` catalog, compiled by the Lingui Vite plugin into its messages. */
declare module '*.po' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
