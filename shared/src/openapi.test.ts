import { describe, expect, it } from 'vitest';
import { routes, type RouteDef } from './api.ts';
import { openApiDocument } from './openapi.ts';

describe('the OpenAPI document', () => {
  it('documents every route with its operation id and named schemas', () => {
    const doc = openApiDocument('https://tool.example.org');
    for (const [name, def] of Object.entries(routes) as [string, RouteDef][]) {
      const op = (doc.paths[def.path] as Record<string, { operationId?: string }>)[def.method.toLowerCase()];
      expect(op?.operationId, `${def.method} ${def.path}`).toBe(name);
    }
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['Clip', 'Partnership', 'Goal', 'Conversation', 'Error']),
    );
  });
});
