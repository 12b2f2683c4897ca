/** The deep-linking return endpoint: verifies the tool's LtiDeepLinkingResponse and places its items in the course. */
import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import { decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { html, page } from './html.ts';
import { htmlHandler } from './http.ts';
import { toolKeySet } from './keys.ts';
import { LmsError, type Platform } from './platform.ts';
import type { ContentItem, ReceivedDeepLink } from './types.ts';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const DL = 'https://purl.imsglobal.org/spec/lti-dl/claim/';

function expectClaim(payload: JWTPayload, claim: string, expected: string): void {
  if (payload[claim] !== expected) {
    throw new LmsError(
      `The deep linking response's ${claim} is ${JSON.stringify(payload[claim])}, expected "${expected}".`,
    );
  }
}

export function deepLinkingRoutes(platform: Platform): Router {
  const { data } = platform.store;
  const router = express.Router();
  router.post(
    '/lti/deep-linking/return',
    express.urlencoded({ extended: false }),
    htmlHandler(platform.name, 'The tool could not be placed', async (req, res) => {
      const jwt = (req.body as Record<string, unknown>).JWT;
      if (typeof jwt !== 'string') throw new LmsError('The deep linking response has no JWT form field.');
      let clientId: string | undefined;
      try {
        clientId = decodeJwt(jwt).iss;
      } catch {
        // reported below
      }
      const tool = data.tools.find((t) => t.clientId === clientId);
      if (!tool)
        throw new LmsError('The deep linking response is not from a registered tool (iss must be its client id).');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(jwt, toolKeySet(tool.jwksUrl), {
          algorithms: ['RS256'],
          issuer: tool.clientId,
          audience: platform.url,
          requiredClaims: ['iat', 'exp', 'nonce'],
        }));
      } catch (err) {
        throw new LmsError(`The deep linking response could not be verified: ${(err as Error).message}`);
      }
      expectClaim(payload, `${LTI}message_type`, 'LtiDeepLinkingResponse');
      expectClaim(payload, `${LTI}version`, '1.3.0');
      expectClaim(payload, `${LTI}deployment_id`, tool.deploymentId);
      const request = platform.deepLinkRequests.get(String(payload[`${DL}data`]));
      if (!request || request.clientId !== tool.clientId) {
        throw new LmsError(
          'The deep linking response does not answer a current deep linking request (its data claim).',
        );
      }
      platform.deepLinkRequests.delete(String(payload[`${DL}data`]));

      const received = Array.isArray(payload[`${DL}content_items`])
        ? (payload[`${DL}content_items`] as ContentItem[])
        : [];
      const items = received.map((item) =>
        item.type === 'ltiResourceLink'
          ? { ...item, resourceLinkId: `${request.courseId}-link-${randomBytes(4).toString('hex')}` }
          : item,
      );
      for (const item of items) {
        if (!item.resourceLinkId || !item.lineItem) continue;
        data.lineItems.push({
          key: randomBytes(6).toString('hex'),
          courseId: request.courseId,
          clientId: tool.clientId,
          label: item.lineItem.label ?? item.title ?? tool.name,
          scoreMaximum: item.lineItem.scoreMaximum,
          resourceId: item.lineItem.resourceId,
          tag: item.lineItem.tag,
          resourceLinkId: item.resourceLinkId,
        });
      }
      const link: ReceivedDeepLink = {
        courseId: request.courseId,
        clientId: tool.clientId,
        deploymentId: tool.deploymentId,
        personId: request.personId,
        receivedAt: new Date().toISOString(),
        items,
        message: payload[`${DL}msg`] as string | undefined,
        errorMessage: payload[`${DL}errormsg`] as string | undefined,
      };
      data.deepLinks.push(link);
      platform.store.save();

      const course = platform.course(request.courseId);
      res.type('html').send(
        page({
          title: 'Placed in the course',
          site: platform.name,
          body: html`<h1>${items.length > 0 ? 'Placed in the course' : 'Nothing was placed'}</h1>
            ${link.message && html`<p>${link.message}</p>`}
            ${link.errorMessage && html`<p class="error" role="alert">${link.errorMessage}</p>`}
            ${items.length > 0 && html`<ul>${items.map((i) => html`<li>${i.title ?? i.url ?? i.type}</li>`)}</ul>`}
            <p><a href="${platform.endpoints.course(course.id)}" target="_top">Back to ${course.title}</a></p>`,
        }),
      );
    }),
  );
  return router;
}
