import { describe, expect, it } from 'vitest';
import { routes } from './api.ts';
import { routePaths } from './paths.ts';

describe('the route paths the client calls', () => {
  it('are the contract’s methods and paths, every route once', () => {
    expect(routePaths).toEqual(Object.fromEntries(Object.entries(routes).map(([k, r]) => [k, [r.method, r.path]])));
  });
});
