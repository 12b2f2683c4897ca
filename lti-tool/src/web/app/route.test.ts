import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './route.ts';

describe('routes', () => {
  it('round-trips every kind of place', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'connect' },
      { name: 'notifications' },
      { name: 'program', section: 'roster' },
      { name: 'workspace', partnershipId: 'a b/c', tab: 'clips' },
      { name: 'prepare', partnershipId: 'p1' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });
  it('falls back to sensible places for unknown addresses', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'home' });
    expect(parseRoute('#/p/x/unknown')).toEqual({ name: 'workspace', partnershipId: 'x', tab: 'goals' });
    expect(parseRoute('#/program/else')).toEqual({ name: 'program', section: 'partnerships' });
  });
});
