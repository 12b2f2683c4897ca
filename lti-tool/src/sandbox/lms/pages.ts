/** The sandbox's pages for people: courses, a course with its roster and the tool in an iframe, tool registration. */
import express, { type Router } from 'express';
import { Html, html, page } from './html.ts';
import { htmlHandler } from './http.ts';
import { LmsError, type LoginInitiation, type Platform } from './platform.ts';
import type { DynamicRegistration } from './registration.ts';
import { Role, type Course, type LmsPerson, type ToolRegistration } from './types.ts';

const GROUPS = [
  ['coordinator', 'Coordinator'],
  ['mentors', 'Mentors'],
  ['mentees', 'Mentees'],
] as const;

/**
 * Where the course page lists a person: staff roles first; mentors are ordinary learners in the LMS
 * (the tool learns who mentors from its partnerships), so the page groups them by their cohort.
 */
function groupOf(person: LmsPerson): (typeof GROUPS)[number][0] {
  if (person.roles.includes(Role.Instructor) || person.roles.includes(Role.Administrator)) return 'coordinator';
  return person.cohort === 'mentor' ? 'mentors' : 'mentees';
}

/**
 * LTI Platform Storage (lti.put_data / lti.get_data over postMessage), as Canvas, D2L and Blackboard
 * offer it: the LMS keeps small values for the tool's frame, per tool origin. `page` is the window
 * holding the tool's frame (the course page itself, or its parent for Canvas's forwarding frame).
 */
const platformStorageScript = (page: 'window' | 'parent') => `
const kept = new Map();
addEventListener('message', (e) => {
  const d = e.data;
  const frame = ${page}.document.querySelector('iframe.tool');
  if (!d || typeof d.subject !== 'string' || !frame || e.source !== frame.contentWindow) return;
  const reply = (m) => e.source.postMessage({ message_id: d.message_id, ...m }, e.origin);
  const key = e.origin + ' ' + d.key;
  if (d.subject === 'lti.capabilities') reply({ subject: 'lti.capabilities.response', supported_messages: [{ subject: 'lti.put_data' }, { subject: 'lti.get_data' }] });
  else if (d.subject === 'lti.put_data') { kept.set(key, d.value); reply({ subject: 'lti.put_data.response', key: d.key, value: d.value }); }
  else if (d.subject === 'lti.get_data') reply({ subject: 'lti.get_data.response', key: d.key, value: kept.get(key) });
});`;

/**
 * Canvas's `lti.frameResize`: the tool's frame asks for the height of its content and the course page
 * gives it, so only the page scrolls. Canvas takes the message as an object or as its JSON text.
 */
const frameResizeScript = `
addEventListener('message', (e) => {
  const frame = document.querySelector('iframe.tool');
  if (!frame || e.source !== frame.contentWindow) return;
  let d = e.data;
  if (typeof d === 'string') { try { d = JSON.parse(d); } catch { return; } }
  if (!d || d.subject !== 'lti.frameResize') return;
  const height = Number(d.height);
  // The asked height is the content's; the frame's border comes on top of it.
  const border = frame.offsetHeight - frame.clientHeight;
  if (Number.isFinite(height) && height > 0) frame.style.height = Math.min(Math.ceil(height), 50000) + border + 'px';
});`;

/** Who is signed in to the LMS in this browser (the course page's "Launch as" signs in). */
const SESSION_COOKIE = 'sandbox_lms_user';

function sessionPerson(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The page Moodle's launch.php answers: a form that POSTs the login initiation to the tool. */
function autoSubmit(site: string, initiation: LoginInitiation): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Launching the tool… · ${site}</title></head>
<body><form method="post" action="${initiation.url}">${Object.entries(initiation.params).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}<noscript><button type="submit">Continue to the tool</button></noscript></form>
<script>document.forms[0].submit();</script></body></html>`.value;
}

const isStaff = (person: LmsPerson) => groupOf(person) === 'coordinator';
const roleName = (uri: string) => uri.slice(uri.lastIndexOf('#') + 1);

function personItem(course: Course, person: LmsPerson, canLaunch: boolean, mail: boolean): Html {
  const action = `/courses/${encodeURIComponent(course.id)}#tool`;
  return html`<li class="person">
    <div class="name">${person.name}</div>
    ${person.title && html`<div class="meta">${person.title}</div>`}
    <div class="meta">${person.email}${mail && html` · <a href="/mail/${encodeURIComponent(person.email)}">Mail</a>`}</div>
    <ul class="roles" aria-label="LTI roles">${person.roles.map((r) => html`<li>${roleName(r)}</li>`)}</ul>
    ${
      canLaunch &&
      html`<div class="actions">
      <form method="get" action="${action}"><input type="hidden" name="as" value="${person.id}"><button type="submit">Launch as ${person.name}</button></form>
      ${
        isStaff(person) &&
        html`<form method="get" action="${action}"><input type="hidden" name="as" value="${person.id}"><input type="hidden" name="place" value="1"><button type="submit" class="secondary">Place the tool (deep linking)</button></form>`
      }
    </div>`
    }
  </li>`;
}

function toolsTable(tools: ToolRegistration[]): Html {
  if (tools.length === 0) return html`<p>No tool is registered yet.</p>`;
  return html`<table>
    <thead><tr><th scope="col">Tool</th><th scope="col">Client id</th><th scope="col">Deployment id</th><th scope="col">Login URL</th></tr></thead>
    <tbody>${tools.map((t) => html`<tr><td>${t.name}</td><td><code>${t.clientId}</code></td><td><code>${t.deploymentId}</code></td><td><code>${t.loginUrl}</code></td></tr>`)}</tbody>
  </table>`;
}

export function pageRoutes(platform: Platform, registration: DynamicRegistration, mail = false): Router {
  const { data } = platform.store;
  const site = platform.name;
  const router = express.Router();

  router.get('/', (_req, res) => {
    res.type('html').send(
      page({
        title: 'Courses',
        site,
        body: html`<h1>Courses</h1>
          <p class="sub">A sandbox LMS that signs real LTI 1.3 messages. Open a course to launch the tool as one of its people.</p>
          <section class="panel" aria-labelledby="courses-heading">
            <h2 id="courses-heading">Your courses</h2>
            <ul>${data.courses.map((c) => html`<li><a href="/courses/${encodeURIComponent(c.id)}">${c.title}</a> <span class="meta">(${c.people.length} people)</span></li>`)}</ul>
          </section>
          <section class="panel" aria-labelledby="tools-heading" style="margin-top:1.25rem">
            <h2 id="tools-heading">Registered tools</h2>
            ${toolsTable(data.tools)}
            <p><a href="/admin/register">Register a tool (LTI Dynamic Registration)</a></p>
          </section>`,
      }),
    );
  });

  router.get(
    '/courses/:id',
    htmlHandler(site, 'Course not available', (req, res) => {
      const course = platform.course(req.params.id!);
      const tool = data.tools.at(-1);
      const asId = typeof req.query.as === 'string' ? req.query.as : undefined;
      const as = asId ? course.people.find((p) => p.id === asId) : undefined;
      if (asId && !as) throw new LmsError(`"${asId}" is not enrolled in this course.`, 404);
      const deepLinking = req.query.place === '1' && as !== undefined && isStaff(as);
      const mode = course.mode ?? 'classic';
      // Platform Storage is on unless the page is asked to behave like an LMS without it (Moodle 5.0).
      const storage = mode === 'canvas' || (mode === 'classic' && req.query.storage !== 'off');
      const placed = tool ? platform.placedLinks(course.id, tool.clientId).at(-1) : undefined;
      if (as) res.cookie(SESSION_COOKIE, as.id, { httpOnly: true, sameSite: 'lax', path: '/' });
      const launchSrc =
        tool && as
          ? mode === 'moodle'
            ? deepLinking
              ? `/mod/lti/contentitem.php?course=${encodeURIComponent(course.id)}`
              : `/mod/lti/launch.php?id=${course.cmid ?? 2}`
            : platform.loginUrl({
                clientId: tool.clientId,
                courseId: course.id,
                personId: as.id,
                messageType: deepLinking ? 'LtiDeepLinkingRequest' : 'LtiResourceLinkRequest',
                resourceLinkId: deepLinking ? undefined : placed?.resourceLinkId,
                storageTarget: storage && mode === 'classic' ? '_parent' : undefined,
              })
          : undefined;

      const toolArea = !tool
        ? html`<p class="notice">No tool is registered yet. <a href="/admin/register">Register one</a> first.</p>`
        : as && launchSrc
          ? html`<p>${deepLinking ? 'Placing the tool' : 'Launched'} as <strong>${as.name}</strong> (${as.roles.map(roleName).join(', ')}).</p>
              <iframe class="tool" src="${launchSrc}" title="${tool.name}, launched as ${as.name}" allow="clipboard-write"></iframe>
              ${
                storage &&
                (mode === 'canvas'
                  ? html`<iframe name="post_message_forwarding" src="/lti/post_message_forwarding" title="Platform Storage" hidden></iframe>`
                  : html`<script>${new Html(platformStorageScript('window'))}</script>`)
              }
              ${mode === 'canvas' && html`<script>${new Html(frameResizeScript)}</script>`}`
          : html`<p>Choose “Launch as …” beside a person to open ${tool.name} as them.</p>
              ${placed && html`<p class="meta">Launches open the placed link “${placed.title ?? placed.resourceLinkId}”.</p>`}`;

      res.type('html').send(
        page({
          title: course.title,
          site,
          crumbs: [
            ['/', 'Courses'],
            [`/courses/${encodeURIComponent(course.id)}`, course.title],
          ],
          body: html`<h1>${course.title}</h1>
            <p class="sub">${course.label ?? course.id}${mode !== 'classic' && html` · launches as ${mode === 'moodle' ? 'Moodle' : 'Canvas'} does`}</p>
            <div class="course">
              <section class="panel" aria-labelledby="people-heading">
                <h2 id="people-heading">People</h2>
                ${GROUPS.map(([key, label]) => {
                  const people = course.people.filter((p) => groupOf(p) === key);
                  return (
                    people.length > 0 &&
                    html`<h3 id="group-${key}">${label}</h3>
                      <ul class="plain" aria-labelledby="group-${key}">${people.map((p) => personItem(course, p, tool !== undefined, mail))}</ul>`
                  );
                })}
              </section>
              <section class="panel" aria-labelledby="tool">
                <h2 id="tool" tabindex="-1">${tool?.name ?? 'Tool'}</h2>
                ${toolArea}
              </section>
            </div>`,
        }),
      );
    }),
  );

  router.get('/lti/post_message_forwarding', (_req, res) => {
    res
      .type('html')
      .send(
        html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Platform Storage</title></head><body><script>${new Html(platformStorageScript('parent'))}</script></body></html>`
          .value,
      );
  });

  /** Moodle's activity launch: who is signed in, which activity; the page POSTs the login initiation. */
  router.get(
    '/mod/lti/launch.php',
    htmlHandler(site, 'Invalid request', (req, res) => {
      const course = platform.moodleActivity(Number(req.query.id));
      const personId = sessionPerson(req.headers.cookie);
      if (!personId) throw new LmsError('You are not logged in. Log in to the LMS and open the activity again.', 401);
      const tool = platform.tool();
      const placed = platform.placedLinks(course.id, tool.clientId).at(-1);
      const initiation = platform.loginInitiation({
        clientId: tool.clientId,
        courseId: course.id,
        personId,
        resourceLinkId: placed?.resourceLinkId,
      });
      res.type('html').send(autoSubmit(site, initiation));
    }),
  );

  /** Moodle's "Select content" (deep linking) for a course's staff. */
  router.get(
    '/mod/lti/contentitem.php',
    htmlHandler(site, 'Invalid request', (req, res) => {
      const course = platform.course(String(req.query.course));
      const personId = sessionPerson(req.headers.cookie);
      const person = course.people.find((p) => p.id === personId);
      if (!person || !isStaff(person)) throw new LmsError('Only the course’s teachers can select content.', 403);
      const initiation = platform.loginInitiation({
        clientId: platform.tool().clientId,
        courseId: course.id,
        personId: person.id,
        messageType: 'LtiDeepLinkingRequest',
      });
      res.type('html').send(autoSubmit(site, initiation));
    }),
  );

  router.get(
    '/admin/register',
    htmlHandler(site, 'Registration not started', (req, res) => {
      const toolUrl = typeof req.query.url === 'string' ? req.query.url : '';
      const crumbs: Array<[string, string]> = [
        ['/', 'Courses'],
        ['/admin/register', 'Register a tool'],
      ];
      if (!toolUrl) {
        res.type('html').send(
          page({
            title: 'Register a tool',
            site,
            crumbs,
            body: html`<h1>Register a tool</h1>
              <form method="get" action="/admin/register" class="panel">
                <label for="url">Tool registration URL</label>
                <p class="meta" id="url-help">The LTI Dynamic Registration URL the tool gives you, for example http://127.0.0.1:3000/register.</p>
                <input type="url" id="url" name="url" required aria-describedby="url-help">
                <p><button type="submit">Register</button></p>
              </form>`,
          }),
        );
        return;
      }
      let origin: string;
      try {
        origin = new URL(toolUrl).origin;
      } catch {
        throw new LmsError(`"${toolUrl}" is not a URL.`);
      }
      const src = registration.startUrl(toolUrl, registration.issueToken());
      // The tool closes the registration by posting {subject:'org.imsglobal.lti.close'} to this page, as in Moodle.
      const script = `const origin = ${JSON.stringify(origin).replace(/</g, '\\u003c')};
addEventListener('message', (e) => {
  if (e.origin !== origin || !e.data || e.data.subject !== 'org.imsglobal.lti.close') return;
  document.getElementById('registration').remove();
  document.getElementById('done').hidden = false;
  document.getElementById('status').textContent = 'The tool is registered.';
});`;
      res.type('html').send(
        page({
          title: 'Register a tool',
          site,
          crumbs,
          body: html`<h1>Register a tool</h1>
            <p role="status" id="status">The tool's registration page is open below.</p>
            <p id="done" hidden><a href="/">Back to courses and registered tools</a></p>
            <iframe id="registration" class="tool" src="${src}" title="Tool registration"></iframe>
            <script>${new Html(script)}</script>`,
        }),
      );
    }),
  );
  return router;
}
