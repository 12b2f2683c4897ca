import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { bindParams, Sql } from './sql.ts';

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

describe('Sql.run', () => {
  it('answers how many rows an INSERT, UPDATE or DELETE changed, on a real SQLite file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-sql-'));
    const sequelize = new Sequelize(`sqlite:${path.join(dir, 'counts.sqlite')}`, { logging: false });
    try {
      const sql = new Sql(sequelize);
      await sql.run('CREATE TABLE counted (n INTEGER)');
      expect(await sql.run('INSERT INTO counted (n) VALUES (:n)', { n: 1 })).toBe(1);
      await sql.run('INSERT INTO counted (n) VALUES (:n)', { n: 2 });
      expect(await sql.run('UPDATE counted SET n = :n', { n: 3 })).toBe(2);
      expect(await sql.run('  delete FROM counted WHERE n = :n', { n: 4 })).toBe(0);
      expect(await sql.tx((t) => t.run('DELETE FROM counted WHERE n = :n', { n: 3 }))).toBe(2);
    } finally {
      await sequelize.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
