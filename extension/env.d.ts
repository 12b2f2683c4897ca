interface ImportMetaEnv {
  /** "1" in end-to-end test builds: exposes the context menu's handler to tests (see background.ts). */
  readonly WXT_E2E?: string;
}
