/**
 * The Content-Security-Policy in real Chromium: inside the LMS's iframe, the launched app runs with
 * no CSP complaint of its own, while a script injected into its page (an inline script element or
 * an inline event handler, as an XSS would add) is refused; a site that is not a registered LMS
 * cannot frame the tool at all.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { startTestTool, type TestTool } from '../support/tool.ts';
import { hasChromium, openBrowser, type PlainBrowser } from '../support/browser.ts';

describe.skipIf(!hasChromium)('Content-Security-Policy in the LMS iframe', () => {
  let tool: TestTool;
  let lms: TestLms;
  let browser: PlainBrowser;

  beforeAll(async () => {
    tool = await startTestTool();
    lms = await startTestLms();
    lms.addCourse(sampleProgram());
    await lms.registerTool(`${tool.url}/register`);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await tool?.close();
    await lms?.close();
  });

  it('refuses a script injected into the launched app, which itself raises no CSP complaint', async () => {
    const page = await browser.context.newPage();
    const cspMessages: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|csp-violation/i.test(m.text())) cspMessages.push(m.text());
    });
    // Every violation in every frame from the first byte, as the console would not show them all.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.log(`csp-violation ${e.effectiveDirective} ${e.sourceFile || e.documentURI.split('?')[0]}`),
      ),
    );
    await page.goto(`${lms.url}/courses/nsl-2026?as=hkowalski#tool`);
    await page.frameLocator('iframe.tool').locator('#main').waitFor({ timeout: 30_000 });
    const frame = page.frames().find((f) => f.url().startsWith(`${tool.url}/app/`))!;
    expect(frame).toBeTruthy();
    expect(cspMessages).toEqual([]);

    const outcome = await frame.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const w = window as unknown as { injected?: number; injectedByHandler?: number };
      const script = document.createElement('script');
      script.textContent = 'window.injected = 1;';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.injectedByHandler = 1;');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      // Violation events are dispatched as tasks; wait until both have arrived.
      for (let i = 0; i < 100 && violations.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      return { violations, injected: w.injected, injectedByHandler: w.injectedByHandler };
    });
    expect(outcome.injected).toBeUndefined();
    expect(outcome.injectedByHandler).toBeUndefined();
    expect(outcome.violations.sort()).toEqual(['script-src-attr', 'script-src-elem']);
    expect(cspMessages.length).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('cannot be framed by a site that is not a registered LMS', async () => {
    const foreign = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>Foreign</title><iframe class="tool" src="${tool.url}/app/"></iframe>`);
    });
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
    const page = await browser.context.newPage();
    const refused = page.waitForEvent('console', {
      predicate: (m) => /frame-ancestors/.test(m.text()),
      timeout: 20_000,
    });
    try {
      await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
      expect((await refused).text()).toMatch(
        /violates the following Content Security Policy directive: "frame-ancestors /,
      );
      const framed = page.frames().find((f) => f.url().startsWith(`${tool.url}/app/`));
      expect(
        (await framed
          ?.locator('#root')
          .count()
          .catch(() => 0)) ?? 0,
      ).toBe(0);
    } finally {
      await page.close();
      foreign.close();
    }
  });
});
