/**
 * LTI Advantage services: the client-credentials token endpoint (private_key_jwt), Names and Roles
 * Provisioning 2.0, and Assignment and Grade Services 2.0 (line items and scores).
 */
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { decodeJwt, jwtVerify } from 'jose';
import { jsonHandler } from './http.ts';
import { toolKeySet } from './keys.ts';
import { LmsError, type Platform } from './platform.ts';
import type { AccessToken, StoredLineItem } from './store.ts';
import { Scope, type LmsPerson } from './types.ts';

const MEDIA = {
  memberships: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
  lineItems: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
  lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
};
const ACTIVITY = ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'];
const GRADING = ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'];
const TOKEN_LIFETIME_S = 3600;

function send(res: Response, type: string, body: unknown, status = 200): void {
  res.status(status).type(type).send(JSON.stringify(body));
}

function query(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function serviceRoutes(platform: Platform): Router {
  const { data } = platform.store;
  /** Client assertion ids already used, with their expiry (replay protection, memory only). */
  const seenJti = new Map<string, number>();

  /** The access token of a service request, if it grants one of `scopes`. */
  function authorize(req: Request, ...scopes: string[]): AccessToken {
    const bearer = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const token = bearer && data.accessTokens.find((t) => t.token === bearer && t.expiresAt > Date.now());
    if (!token) throw new LmsError('A valid bearer access token is required.', 401, 'invalid_token');
    if (!scopes.some((s) => token.scopes.includes(s))) {
      throw new LmsError(`The access token lacks the scope ${scopes.join(' or ')}.`, 403, 'insufficient_scope');
    }
    return token;
  }

  function lineItem(req: Request, token: AccessToken): StoredLineItem {
    const item = data.lineItems.find(
      (i) => i.courseId === req.params.courseId && i.key === req.params.key && i.clientId === token.clientId,
    );
    if (!item) throw new LmsError('No such line item.', 404, 'not_found');
    return item;
  }

  const router = express.Router();
  const json = express.json({ type: ['application/json', 'application/*+json'] });

  router.post(
    '/lti/token',
    express.urlencoded({ extended: false }),
    jsonHandler(async (req, res) => {
      const { grant_type, client_assertion_type, client_assertion, scope } = req.body as Record<string, unknown>;
      if (grant_type !== 'client_credentials') {
        throw new LmsError('grant_type must be client_credentials.', 400, 'unsupported_grant_type');
      }
      if (
        client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ||
        typeof client_assertion !== 'string'
      ) {
        throw new LmsError('A jwt-bearer client_assertion is required.', 400, 'invalid_request');
      }
      let clientId: string | undefined;
      try {
        clientId = decodeJwt(client_assertion).iss;
      } catch {
        // reported below
      }
      const tool = data.tools.find((t) => t.clientId === clientId);
      if (!tool) throw new LmsError('client_assertion is not from a registered tool.', 401, 'invalid_client');
      let jti: string | undefined;
      let exp = 0;
      try {
        const { payload } = await jwtVerify(client_assertion, toolKeySet(tool.jwksUrl), {
          algorithms: ['RS256'],
          issuer: tool.clientId,
          subject: tool.clientId,
          audience: platform.endpoints.token(),
          requiredClaims: ['exp', 'jti'],
        });
        ({ jti, exp = 0 } = payload);
      } catch (err) {
        throw new LmsError(`client_assertion rejected: ${(err as Error).message}`, 401, 'invalid_client');
      }
      const now = Date.now();
      for (const [id, expiry] of seenJti) if (expiry < now) seenJti.delete(id);
      if (seenJti.has(jti!)) throw new LmsError('client_assertion was already used (jti).', 401, 'invalid_client');
      seenJti.set(jti!, exp * 1000);

      const requested = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
      const granted = requested.filter((s) => tool.scopes.includes(s));
      if (granted.length === 0)
        throw new LmsError(
          `None of the scopes "${requested.join(' ')}" is granted to this tool.`,
          400,
          'invalid_scope',
        );
      const token: AccessToken = {
        token: randomBytes(24).toString('base64url'),
        clientId: tool.clientId,
        scopes: granted,
        expiresAt: now + TOKEN_LIFETIME_S * 1000,
      };
      data.accessTokens.push(token);
      platform.store.save();
      res.set('Cache-Control', 'no-store').json({
        access_token: token.token,
        token_type: 'Bearer',
        expires_in: TOKEN_LIFETIME_S,
        scope: granted.join(' '),
      });
    }),
  );

  router.get(
    '/api/lti/courses/:courseId/memberships',
    jsonHandler((req, res) => {
      authorize(req, Scope.nrps);
      const course = platform.course(req.params.courseId!);
      if (course.membershipsAnswer)
        return send(res, course.membershipsAnswer.contentType, course.membershipsAnswer.body);
      const role = query(req, 'role');
      const members = role
        ? course.people.filter((p) => p.roles.some((r) => r === role || r.endsWith(`#${role}`)))
        : course.people;
      const limit = Number(query(req, 'limit')) || members.length;
      const offset = Number(query(req, 'offset')) || 0;
      if (offset + limit < members.length) {
        const next = new URL(platform.endpoints.memberships(course.id));
        for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') next.searchParams.set(k, v);
        next.searchParams.set('offset', String(offset + limit));
        res.set('Link', `<${next}>; rel="next"`);
      }
      send(res, MEDIA.memberships, {
        id: platform.endpoints.memberships(course.id),
        context: { id: course.id, label: course.label ?? course.id, title: course.title },
        members: members.slice(offset, offset + limit).map((p: LmsPerson) => ({
          status: p.status ?? 'Active',
          user_id: p.id,
          roles: p.roles,
          name: p.name,
          given_name: p.givenName,
          family_name: p.familyName,
          email: p.email,
        })),
      });
    }),
  );

  router.get(
    '/api/lti/courses/:courseId/lineitems',
    jsonHandler((req, res) => {
      const token = authorize(req, Scope.lineItem, Scope.lineItemReadOnly);
      const course = platform.course(req.params.courseId!);
      const filters = {
        resourceLinkId: query(req, 'resource_link_id'),
        resourceId: query(req, 'resource_id'),
        tag: query(req, 'tag'),
      };
      const items = data.lineItems.filter(
        (i) =>
          i.courseId === course.id &&
          i.clientId === token.clientId &&
          Object.entries(filters).every(([k, v]) => v === undefined || i[k as keyof typeof filters] === v),
      );
      const limit = Number(query(req, 'limit')) || items.length;
      send(
        res,
        MEDIA.lineItems,
        items.slice(0, limit).map((i) => platform.publicLineItem(i)),
      );
    }),
  );

  router.post(
    '/api/lti/courses/:courseId/lineitems',
    json,
    jsonHandler((req, res) => {
      const token = authorize(req, Scope.lineItem);
      const course = platform.course(req.params.courseId!);
      const body = req.body as Record<string, unknown>;
      if (typeof body.label !== 'string' || body.label === '') throw new LmsError('A line item needs a label.');
      if (typeof body.scoreMaximum !== 'number' || !(body.scoreMaximum > 0))
        throw new LmsError('scoreMaximum must be a positive number.');
      const optional = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
      const item: StoredLineItem = {
        key: randomBytes(6).toString('hex'),
        courseId: course.id,
        clientId: token.clientId,
        label: body.label,
        scoreMaximum: body.scoreMaximum,
        resourceId: optional('resourceId'),
        resourceLinkId: optional('resourceLinkId'),
        tag: optional('tag'),
        startDateTime: optional('startDateTime'),
        endDateTime: optional('endDateTime'),
      };
      data.lineItems.push(item);
      platform.store.save();
      send(res, MEDIA.lineItem, platform.publicLineItem(item), 201);
    }),
  );

  router.get(
    '/api/lti/courses/:courseId/lineitems/:key',
    jsonHandler((req, res) => {
      const token = authorize(req, Scope.lineItem, Scope.lineItemReadOnly);
      send(res, MEDIA.lineItem, platform.publicLineItem(lineItem(req, token)));
    }),
  );

  router.post(
    '/api/lti/courses/:courseId/lineitems/:key/scores',
    json,
    jsonHandler((req, res) => {
      const token = authorize(req, Scope.score);
      const item = lineItem(req, token);
      const body = req.body as Record<string, unknown>;
      const course = platform.course(item.courseId);
      if (!course.people.some((p) => p.id === body.userId))
        throw new LmsError(`userId ${JSON.stringify(body.userId)} is not in the course.`);
      if (!ACTIVITY.includes(body.activityProgress as string))
        throw new LmsError(`activityProgress must be one of ${ACTIVITY.join(', ')}.`);
      if (!GRADING.includes(body.gradingProgress as string))
        throw new LmsError(`gradingProgress must be one of ${GRADING.join(', ')}.`);
      if (typeof body.timestamp !== 'string' || Number.isNaN(Date.parse(body.timestamp)))
        throw new LmsError('timestamp must be an ISO 8601 date-time.');
      if (
        body.scoreGiven !== undefined &&
        (typeof body.scoreGiven !== 'number' || typeof body.scoreMaximum !== 'number')
      ) {
        throw new LmsError('scoreGiven needs a numeric scoreMaximum.');
      }
      data.scores.push({
        lineItemKey: item.key,
        clientId: token.clientId,
        userId: body.userId as string,
        scoreGiven: body.scoreGiven as number | undefined,
        scoreMaximum: body.scoreMaximum as number | undefined,
        comment: typeof body.comment === 'string' ? body.comment : undefined,
        activityProgress: body.activityProgress as string,
        gradingProgress: body.gradingProgress as string,
        timestamp: body.timestamp,
      });
      platform.store.save();
      res.status(204).end();
    }),
  );
  return router;
}
