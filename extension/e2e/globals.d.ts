/** `chrome` inside `evaluate` callbacks, which run in the browser's extension pages and service worker. */
declare const chrome: typeof import('wxt/browser').browser;
