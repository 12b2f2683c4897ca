import { describe, expect, it } from 'vitest';
import { bindParams } from './sql.ts';

describe('bindParams', () => {
  it('binds every value as a positional parameter, never as query text', () => {
    const hostile = "x' OR '1'='1";
    const { query, bind } = bindParams('SELECT * FROM clips WHERE id = :id AND note = :id AND n > :n', {
      id: hostile,
      n: 3,
    });
    expect(query).toBe('SELECT * FROM clips WHERE id = $1 AND note = $1 AND n > $2');
    expect(bind).toEqual([hostile, 3]);
  });

  it('spreads a list over one parameter per element, and an empty list matches nothing', () => {
    expect(bindParams('WHERE id IN (:ids)', { ids: ['a', 'b'] })).toEqual({
      query: 'WHERE id IN ($1, $2)',
      bind: ['a', 'b'],
    });
    expect(bindParams('WHERE id IN (:ids)', { ids: [] })).toEqual({ query: 'WHERE id IN (NULL)', bind: [] });
  });

  it('leaves quoted text and casts alone', () => {
    const { query, bind } = bindParams("SELECT ':x', \"a:b\", v::text FROM t WHERE a = :a AND b LIKE :b ESCAPE '!'", {
      a: 1,
      b: '%',
    });
    expect(query).toBe("SELECT ':x', \"a:b\", v::text FROM t WHERE a = $1 AND b LIKE $2 ESCAPE '!'");
    expect(bind).toEqual([1, '%']);
  });

  it('refuses a placeholder without a value', () => {
    expect(() => bindParams('WHERE id = :id', {})).toThrow(/:id/);
  });
});
