/** The OpenAPI 3 document, generated from the route table and the domain schemas. */
import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { routes, type RouteDef } from './api.ts';
import { ErrorBody } from './domain.ts';

export function openApiDocument(serverUrl: string) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The launch’s ltik (workspace app) or a personal browser token (extension).',
  });
  for (const [name, def] of Object.entries(routes) as [string, RouteDef][]) {
    const params = [...def.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const error = { description: 'Refused or invalid', content: { 'application/json': { schema: ErrorBody } } };
    registry.registerPath({
      operationId: name,
      method: def.method.toLowerCase() as 'get',
      path: def.path,
      summary: def.summary,
      security: def.access === 'public' ? [] : [{ [bearer.name]: [] }],
      request: {
        ...(params.length ? { params: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : {}),
        ...(def.query ? { query: def.query as z.ZodObject } : {}),
        ...(def.body ? { body: { content: { 'application/json': { schema: def.body } } } } : {}),
      },
      responses: {
        [def.status ?? 200]: { description: 'Success', content: { 'application/json': { schema: def.response } } },
        400: error,
        401: error,
        403: error,
        404: error,
      },
    });
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Mentoring workspaces API',
      version: '1.0.0',
      description: 'Confidential mentor–mentee workspaces. Every refusal is a 403 or 404 with a clear message.',
    },
    servers: [{ url: serverUrl }],
  });
}
