// The journeys start the real tool in-process (test/support/tool.ts): its ltijs imports are typed by the tool's own
// declarations, which only a reference brings into this project (a .d.ts of ambient modules cannot be imported).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../lti-tool/src/types/ltijs.d.ts" />

/** `chrome` inside `evaluate` callbacks, which run in the browser's extension pages and service worker. */
declare const chrome: typeof import('wxt/browser').browser;
