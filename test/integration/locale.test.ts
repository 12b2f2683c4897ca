/**
 * The language the tool speaks to a person: their own choice, else the launch's
 * `launch_presentation.locale` (the test LMS sends what the test sets), else the browser's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@mentoring/shared';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { apiAs, launchAs, startTestTool, type TestTool } from '../support/tool.ts';

let tool: TestTool;
let lms: TestLms;
const course = 'nsl-2026';

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms();
  lms.addCourse(sampleProgram());
  await lms.registerTool(`${tool.url}/register`);
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

/** `GET /api/me` as a browser with these languages sends it. */
async function meWithBrowser(ltik: string, acceptLanguage: string) {
  const res = await fetch(`${tool.url}/api/me`, {
    headers: { authorization: `Bearer ${ltik}`, 'accept-language': acceptLanguage },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { locale: string; chosenLocale: string | null };
}

describe('which language', () => {
  it('answers es for a launch in es-MX', async () => {
    const { api } = await launchAs(lms, tool, { courseId: course, personId: 'salvarez', locale: 'es-MX' });
    const me = await api.me({});
    expect(me.locale).toBe('es');
    expect(me.chosenLocale).toBeNull();
  });

  it('follows the browser when the launch’s language is one the tool does not speak', async () => {
    const { ltik } = await launchAs(lms, tool, { courseId: course, personId: 'wchen', locale: 'de-DE' });
    expect((await meWithBrowser(ltik, 'de;q=0.9, zh-CN;q=0.8, en;q=0.5')).locale).toBe('zh');
    expect((await meWithBrowser(ltik, 'de')).locale).toBe('en');
  });

  it('keeps the person’s own choice across launches, over the launch’s language, until they undo it', async () => {
    const first = await launchAs(lms, tool, { courseId: course, personId: 'amohammed', locale: 'en-US' });
    const chosen = await first.api.chooseLocale({ body: { locale: 'ar' } });
    expect(chosen).toMatchObject({ locale: 'ar', chosenLocale: 'ar' });

    const again = await launchAs(lms, tool, { courseId: course, personId: 'amohammed', locale: 'fr-CA' });
    expect(await again.api.me({})).toMatchObject({ locale: 'ar', chosenLocale: 'ar' });

    const undone = await again.api.chooseLocale({ body: { locale: null } });
    expect(undone).toMatchObject({ locale: 'fr', chosenLocale: null });
  });

  it('refuses a language the tool does not speak with a 400 that names the field', async () => {
    const { ltik } = await launchAs(lms, tool, { courseId: course, personId: 'lobrien' });
    const api = apiAs(tool, ltik);
    const refused = await api.chooseLocale({ body: { locale: 'xx' as 'en' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    expect((refused as ApiError).field).toBe('locale');
  });
});
