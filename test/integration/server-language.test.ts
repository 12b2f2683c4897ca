/**
 * Issue 14, the server's part: what the server writes is in the person's language and time zone.
 * A launch in `es-MX` makes `GET /api/me` answer `es`; that person's export, e-mail and calendar
 * event are then in Spanish, their times in the zone the person's browser reported. Pages outside
 * the app follow the browser's language, with `lang` and `dir` set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@mentoring/shared';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { startMailbox, type Mailbox } from '@mentoring/lti-tool/src/sandbox/mailbox.ts';
import { MAIL_POLL_MS } from '@mentoring/lti-tool/src/mail/postman.ts';
import { ManualClock } from '../support/clock.ts';
import { dropDisposableDatabase, launchAs, startTestTool, tempDir, type TestTool } from '../support/tool.ts';

const COURSE = 'language-2026';
const WHEN = '2026-03-10T15:00:00.000Z';

let mailbox: Mailbox;
let lms: TestLms;
let clock: ManualClock;
let tool: TestTool;
const api: Record<string, ApiClient> = {};
const ltik: Record<string, string> = {};
const id: Record<string, string> = {};
let partnership = '';
let conversation = '';

beforeAll(async () => {
  mailbox = await startMailbox();
  clock = new ManualClock(Date.parse('2026-03-02T09:00:00Z'));
  tool = await startTestTool({
    clock,
    dataDir: tempDir(),
    env: { SMTP_URL: mailbox.smtpUrl, MAIL_FROM: 'Mentoring <mentoring@example.org>' },
  });
  lms = await startTestLms({ name: 'Language LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'Programa de Liderazgo',
    people: [
      lmsPerson('coord', 'Nora Quist', [Role.Instructor]),
      lmsPerson('sofia', 'Sofía Álvarez', [Role.Learner]),
      lmsPerson('ben', 'Ben Okafor', [Role.Learner]),
      lmsPerson('layla', 'Layla Haddad', [Role.Learner]),
    ],
  });
  await lms.registerTool(`${tool.url}/register`);
  for (const [who, locale] of [
    ['coord', 'en-US'],
    ['sofia', 'es-MX'],
    ['ben', 'en-GB'],
    ['layla', 'ar-EG'],
  ] as const) {
    const l = await launchAs(lms, tool, { courseId: COURSE, personId: who, locale });
    api[who] = l.api;
    ltik[who] = l.ltik;
    id[who] = (await l.api.me({})).person.id;
  }
  partnership = (
    await api.coord!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.sofia!, role: 'mentor' },
          { personId: id.ben!, role: 'mentee' },
        ],
      },
    })
  ).id;
  await api.ben!.createGoal({ params: { id: partnership }, body: { title: 'Conocer a cada docente' } });
}, 120_000);

afterAll(async () => {
  await tool?.close();
  await dropDisposableDatabase(tool?.config.databaseUrl);
  await lms?.close();
  await mailbox?.close();
});

describe('a person launched in es-MX', () => {
  it('GET /api/me answers es, and keeps the time zone the browser reports', async () => {
    const me = await api.sofia!.me({});
    expect(me).toMatchObject({ locale: 'es', chosenLocale: null, timeZone: null });
    const reported = await api.sofia!.reportTimeZone({ body: { timeZone: 'America/Mexico_City' } });
    expect(reported).toMatchObject({ locale: 'es', timeZone: 'America/Mexico_City' });
    expect((await api.sofia!.me({})).timeZone).toBe('America/Mexico_City');
  });

  it('refuses a time zone nobody has with a 400 that names the field', async () => {
    const refused = await api.ben!.reportTimeZone({ body: { timeZone: 'Mars/Olympus_Mons' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    expect((refused as ApiError).field).toBe('timeZone');
  });

  it('gets the e-mail of a conversation scheduled in Spanish, its time in her zone', async () => {
    const from = mailbox.messages.length;
    conversation = (await api.ben!.createConversation({ params: { id: partnership }, body: { scheduledFor: WHEN } }))
      .id;
    await clock.advance(MAIL_POLL_MS);
    const mail = mailbox.messages.slice(from).find((m) => m.to.includes('sofia@example.org'));
    expect(mail?.subject).toBe('Conversación programada para el martes, 10 de marzo de 2026, 9:00 GMT-6');
    expect(mail?.text).toContain('Hola, Sofía Álvarez:');
    expect(mail?.text).toContain(
      'Ben Okafor programó su próxima conversación para el martes, 10 de marzo de 2026, 9:00 GMT-6.',
    );
    expect(mail?.html).toContain('<html lang="es" dir="ltr">');
  });

  it('lists the same notice in the app in Spanish, titled by the server in her zone', async () => {
    const listed = (await api.sofia!.listNotifications({})).notifications.find(
      (n) => n.kind === 'conversation-scheduled',
    );
    expect(listed).toMatchObject({
      title: 'Conversación programada para el martes, 10 de marzo de 2026, 9:00 GMT-6',
      body: 'Ben Okafor programó su próxima conversación para el martes, 10 de marzo de 2026, 9:00 GMT-6.',
    });
  });

  it('exports the partnership in Spanish, times in her zone', async () => {
    const markdown = (await api.sofia!.exportPartnership({
      params: { id: partnership },
      query: { format: 'md' },
    })) as string;
    expect(markdown).toMatch(/^# Relación de mentoría: .*Ben Okafor \(mentorado\/a\)/);
    expect(markdown.split('\n')[0]).toContain('Sofía Álvarez (mentor/a)');
    expect(markdown).toContain('Exportado el 2 mar 2026, 3:00 GMT-6 por Sofía Álvarez.');
    expect(markdown).toContain('## Metas');
    expect(markdown).toContain('### Conocer a cada docente (activa)');
    expect(markdown).toContain('### 10 mar 2026, 9:00 GMT-6 (todavía no realizada)');
    // Ben, launched in en-GB, reads his own export in English, in UTC (his browser reported no zone).
    const english = (await api.ben!.exportPartnership({
      params: { id: partnership },
      query: { format: 'md' },
    })) as string;
    expect(english).toMatch(/^### Mar 10, 2026, 3:00\sPM UTC \(not held yet\)$/m);
  });

  it('gets the calendar event in Spanish', async () => {
    const res = await fetch(`${tool.url}/api/conversations/${conversation}/calendar.ics`, {
      headers: { authorization: `Bearer ${ltik.sofia}` },
    });
    expect(res.status).toBe(200);
    // Unfolded, commas unescaped (RFC 5545).
    const ics = (await res.text()).replace(/\r\n[ \t]/g, '').replace(/\\,/g, ',');
    expect(ics).toContain('SUMMARY:Conversación de mentoría con Ben Okafor');
    expect(ics).toContain('Programada para el martes, 10 de marzo de 2026, 9:00 GMT-6.');
  });
});

describe('refusals a person meets', () => {
  it('are in their language: a 404 for Sofía in Spanish, a staff-only refusal too', async () => {
    const missing = await api
      .sofia!.getPartnership({ params: { id: '00000000-0000-4000-8000-000000000000' } })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, code: 'not_found' });
    expect((missing as ApiError).message).toBe('La relación de mentoría no existe, o no tienes acceso.');
    const staffOnly = await api.sofia!.programPeople({}).catch((e: unknown) => e);
    expect((staffOnly as ApiError).message).toBe('Solo el equipo del programa puede hacer esto.');
    // Ben launched in English reads the same refusal in English.
    const his = await api.ben!.programPeople({}).catch((e: unknown) => e);
    expect((his as ApiError).message).toBe('Only program staff can do this.');
    // Layla launched in Arabic reads it in Arabic.
    const hers = await api.layla!.programPeople({}).catch((e: unknown) => e);
    expect((hers as ApiError).message).toBe('لا يستطيع ذلك إلا فريق البرنامج.');
  });

  it('a request without a token is refused in the browser’s language', async () => {
    const res = await fetch(`${tool.url}/api/me`, { headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Esta solicitud necesita la clave de acceso de tu inicio o de tu navegador conectado.',
    );
  });

  it('her browser’s token used from a web page is refused in Spanish', async () => {
    const { code } = await api.sofia!.createPairingCode({});
    const exchanged = await fetch(`${tool.url}/api/pairing/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const { token } = (await exchanged.json()) as { token: string };
    const res = await fetch(`${tool.url}/api/me`, {
      headers: { authorization: `Bearer ${token}`, origin: 'https://elsewhere.example' },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Esta clave de acceso solo puede usarla la extensión del navegador.',
    );
  });

  it('a body its schema refuses is worded by the tool in her language, naming the field, never in Zod’s words', async () => {
    const refusal = (call: Promise<unknown>) =>
      call.then(
        () => expect.unreachable(),
        (e: unknown) => e as ApiError,
      );
    const empty = { params: { id: partnership }, body: { title: '  ' } };
    const hers = await refusal(api.sofia!.createGoal(empty));
    expect(hers).toMatchObject({ status: 400, code: 'invalid_input', field: 'title' });
    expect(hers.message).toBe('Este campo no puede quedar vacío.');
    const long = await refusal(
      api.sofia!.createGoal({ params: { id: partnership }, body: { title: 'x'.repeat(201) } }),
    );
    expect(long).toMatchObject({ field: 'title', message: 'Escribe como máximo 200 caracteres.' });
    const query = await refusal(
      api.sofia!.exportPartnership({ params: { id: partnership }, query: { format: 'pdf' as 'md' } }),
    );
    expect(query).toMatchObject({ status: 400, field: 'format', message: 'Elige una de las opciones.' });
    // Ben, launched in English, reads the tool's English; nobody reads Zod's.
    const his = await refusal(api.ben!.createGoal(empty));
    expect(his).toMatchObject({ status: 400, field: 'title', message: 'This cannot be empty.' });
    for (const e of [hers, long, query, his])
      expect(e.message).not.toMatch(/must not be empty|Too (small|big)|expected|Invalid/i);
  });

  it('are in their language when a service refuses: a request answered twice, a prompt that is not hers', async () => {
    const request = await api.ben!.createRequest({
      params: { id: partnership },
      body: { question: '¿Algún libro sobre retroalimentación?' },
    });
    await api.sofia!.answerRequest({ params: { id: request.id }, body: { text: 'Sí, te lo presto.' } });
    const twice = await api
      .sofia!.answerRequest({ params: { id: request.id }, body: { text: 'Otra vez.' } })
      .catch((e: unknown) => e);
    expect(twice).toMatchObject({ status: 409, code: 'conflict', message: 'Esta solicitud ya tiene respuesta.' });
    const prompt = await api.sofia!.createPrompt({
      params: { id: partnership },
      body: { question: '¿Qué aprendiste esta semana?' },
    });
    const hers = await api
      .sofia!.updatePrompt({ params: { id: prompt.id }, body: { response: 'Nada.' } })
      .catch((e: unknown) => e);
    expect(hers).toMatchObject({
      status: 403,
      message: 'La reflexión es del/de la mentorado/a: solo el/la mentorado/a responde a una pregunta de reflexión.',
    });
    const empty = await api
      .ben!.updatePrompt({ params: { id: prompt.id }, body: { response: '' } })
      .catch((e: unknown) => e);
    expect(empty).toMatchObject({ status: 400, field: 'response', message: 'response: must not be empty' });
  });
});

describe('the server’s own pages', () => {
  it('speak the browser’s language, with lang and dir', async () => {
    const arabic = await fetch(`${tool.url}/nothing-here`, { headers: { 'accept-language': 'ar-EG,en;q=0.5' } });
    expect(arabic.status).toBe(404);
    const page = await arabic.text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<h1>الصفحة غير موجودة</h1>');
    const french = await fetch(`${tool.url}/unsubscribe/not-a-token.x`, { headers: { 'accept-language': 'fr-CA' } });
    expect(french.status).toBe(404);
    expect(await french.text()).toContain('<h1>Lien non reconnu</h1>');
  });
});
