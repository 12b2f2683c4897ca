import { describe, expect, it } from 'vitest';
import { CreateClip } from '@mentoring/shared';
import { uuid } from './uuid.ts';

describe('uuid', () => {
  it('makes version 4 UUIDs that the shared clip schema accepts as a client-made id', () => {
    const ids = Array.from({ length: 50 }, () => uuid());
    for (const id of ids)
      expect(CreateClip.safeParse({ id, url: 'https://example.org', quote: 'q' }).success).toBe(true);
    expect(new Set(ids).size).toBe(50);
    expect(uuid((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});
