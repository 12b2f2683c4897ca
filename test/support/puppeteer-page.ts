/**
 * Finding and using a page's controls by what a person reads, for the tests that drive Firefox
 * with puppeteer-core (whose locators do not reach extension pages under WebDriver BiDi).
 */
import type { ElementHandle, Page } from 'puppeteer-core';

/** The form control a label names (a `<label>`'s control, or an element with that `aria-label`). */
export async function field(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)?.control ??
      document.querySelector(`[aria-label="${text}"]`),
    { timeout: 10_000 },
    label,
  );
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

/** Types `value` into the labelled field in place of what it held, as a person would. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = await field(page, label);
  await input.evaluate((e) => e.select());
  await input.type(value);
}

/** Clicks the button that says `button`. */
export async function press(page: Page, button: string): Promise<void> {
  const handle = await page.waitForFunction(
    (text) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text),
    { timeout: 10_000 },
    button,
  );
  await (handle as unknown as ElementHandle<HTMLButtonElement>).click();
}

/** The text of the first `[role=status]` that matches `pattern`, once there is one. */
export async function statusText(page: Page, pattern: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    (source) =>
      [...document.querySelectorAll('[role="status"]')]
        .map((s) => s.textContent ?? '')
        .find((t) => new RegExp(source).test(t)),
    { timeout: 10_000 },
    pattern.source,
  );
  return (await handle.jsonValue()) as string;
}

export const waitForText = (page: Page, text: string) =>
  page.waitForSelector(`::-p-text(${text})`, { timeout: 10_000 });

/** The page's highlighted passages. */
export const marks = (page: Page) => page.$$eval('mark.mw-highlight', (ms) => ms.map((m) => m.textContent ?? ''));
