/**
 * Hostile bytes against the API and the framework under it (issue 8): broken path escapes, NUL and
 * unpaired surrogates, wrong types, malformed, oversized or mistyped bodies, HEAD. Each case checks
 * the status, that it is no 5xx, that no stack or database words show, and that nothing was written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTool, type TestTool } from '../../support/tool.ts';
import { buildWorld, type World } from '../../fuzz/world.ts';
import { expectRefused, rowCounts, send } from './api-refusals.ts';

let tool: TestTool;
let world: World;

beforeAll(async () => {
  tool = await startTestTool();
  world = await buildWorld(tool);
}, 120_000);

afterAll(async () => {
  await world?.lms.close();
  await tool?.close();
});

/** Runs `attack` and asserts the product's tables hold exactly the rows they held before. */
async function writesNothing(attack: () => Promise<void>) {
  const before = await rowCounts(tool);
  await attack();
  expect(await rowCounts(tool)).toEqual(before);
}

const json = (v: unknown) => JSON.stringify(v);

describe('path ids', () => {
  it('a broken %-escape without a token is a 400 naming the parameter', async () => {
    const a = await send(tool, 'GET', '/api/partnerships/%E0%A4%A');
    expectRefused(a, 400, 'id');
    expect(a.json().error?.code).toBe('invalid_input');
  });

  it.each([
    ['GET', '/api/partnerships/%E0%A4%A/goals'],
    ['PATCH', '/api/goals/%'],
    ['DELETE', '/api/clips/%ZZ'],
    ['POST', '/api/clips/%C0%AF/review'],
    ['PUT', '/api/conversations/%ED%A0%80/agenda'],
  ])('a broken escape with a token (%s %s) is a 400 and writes nothing', async (method, path) => {
    await writesNothing(async () => {
      const a = await send(tool, method, path, {
        token: world.tokens.mentee,
        body: method === 'GET' || method === 'DELETE' ? undefined : json({ agenda: [] }),
      });
      expectRefused(a, 400, 'id');
    });
  });

  it('a NUL in a path id is a 400', async () => {
    expectRefused(await send(tool, 'GET', '/api/clips/a%00b', { token: world.tokens.mentee }), 400, 'id');
  });

  it('an id longer than any id is a 400', async () => {
    expectRefused(await send(tool, 'GET', `/api/clips/${'x'.repeat(65)}`, { token: world.tokens.mentee }), 400, 'id');
  });

  it('SQL in a path id finds nothing and changes nothing', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'DELETE', `/api/clips/${encodeURIComponent("' OR '1'='1")}`, {
        token: world.tokens.mentee,
      });
      expectRefused(a, 404);
    });
    expect((await send(tool, 'GET', `/api/clips/${world.ids.clip}`, { token: world.tokens.mentee })).status).toBe(200);
  });
});

describe('text fields', () => {
  it('a NUL in a goal title is a 400 naming the field', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', `/api/partnerships/${world.ids.partnership}/goals`, {
        token: world.tokens.mentee,
        body: json({ title: 'Lead\0 the meeting' }),
      });
      expectRefused(a, 400, 'title');
      expect(a.json().error?.message).toMatch(/NUL/);
    });
  });

  it('an unpaired surrogate in a goal’s why is a 400 naming the field', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', `/api/partnerships/${world.ids.partnership}/goals`, {
        token: world.tokens.mentee,
        body: '{"title":"Fine","why":"broken \\ud800 text"}',
      });
      expectRefused(a, 400, 'why');
    });
  });

  it('a NUL in a clipped quote from the extension is a 400 and no clip is made', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', `/api/partnerships/${world.ids.partnership}/clips`, {
        token: world.tokens.extension,
        headers: { origin: world.extensionOrigin },
        body: json({ url: 'https://readings.example.org/a', quote: 'a\0b' }),
      });
      expectRefused(a, 400, 'quote');
    });
  });

  it('an unpaired low surrogate in a private note is a 400 and no note is kept', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'PATCH', `/api/conversations/${world.ids.conversation}`, {
        token: world.tokens.mentor,
        body: '{"privateNote":"x\\udfff"}',
      });
      expectRefused(a, 400, 'privateNote');
    });
  });

  it('a NUL in a free agenda item names the item', async () => {
    const a = await send(tool, 'PUT', `/api/conversations/${world.ids.conversation}/agenda`, {
      token: world.tokens.mentee,
      body: json({ agenda: [{ kind: 'free', text: 'x\0' }] }),
    });
    expectRefused(a, 400, 'agenda.0.text');
  });

  it('a NUL in a search query is a 400 naming the parameter', async () => {
    const a = await send(tool, 'GET', `/api/partnerships/${world.ids.partnership}/clips?q=a%00b`, {
      token: world.tokens.mentee,
    });
    expectRefused(a, 400, 'q');
  });

  it('a title sent as an object is a 400 naming the field', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', `/api/partnerships/${world.ids.partnership}/goals`, {
        token: world.tokens.mentee,
        body: json({ title: { $gt: '' } }),
      });
      expectRefused(a, 400, 'title');
    });
  });
});

describe('bodies', () => {
  const goals = () => `/api/partnerships/${world.ids.partnership}/goals`;

  it('malformed JSON is a 400 in the tool’s own words', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', goals(), { token: world.tokens.mentee, body: '{"title": ' });
      expectRefused(a, 400);
      expect(a.json().error?.message).toMatch(/not valid JSON/);
    });
  });

  it('bytes that are not UTF-8 are a 400', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    await writesNothing(async () => {
      expectRefused(await send(tool, 'POST', goals(), { token: world.tokens.mentee, body: bytes }), 400);
    });
  });

  it('a JSON array where an object belongs is a 400', async () => {
    expectRefused(await send(tool, 'POST', goals(), { token: world.tokens.mentee, body: '[1,2]' }), 400);
  });

  it('a body over 1 MB is a 413 in JSON, not Express’s page', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', goals(), {
        token: world.tokens.mentee,
        body: json({ title: 'x'.repeat(1_100_000) }),
      });
      expectRefused(a, 413);
      expect(a.headers.get('content-type')).toMatch(/application\/json/);
    });
  });

  it('a text/plain body is a 415 and writes nothing', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', goals(), {
        token: world.tokens.mentee,
        body: json({ title: 'Sent as text' }),
        headers: { 'content-type': 'text/plain' },
      });
      expectRefused(a, 415);
    });
  });

  it('a form post is a 415 and writes nothing', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', goals(), {
        token: world.tokens.mentee,
        body: 'title=From+a+form',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectRefused(a, 415);
    });
  });
});

describe('callers and methods', () => {
  it('HEAD answers like GET, without a body', async () => {
    for (const path of ['/api/me', `/api/partnerships/${world.ids.partnership}`, '/api/openapi.json']) {
      const a = await send(tool, 'HEAD', path, { token: world.tokens.mentee });
      expect(a.status, path).toBe(200);
      expect(a.text).toBe('');
      expect(a.headers.get('content-type')).toMatch(/application\/json/);
    }
  });

  it('HEAD with a broken escape is a 400 like GET', async () => {
    expect((await send(tool, 'HEAD', '/api/partnerships/%E0%A4%A')).status).toBe(400);
  });

  it('a forged bearer token is a 401', async () => {
    for (const token of ['eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', "mwx_' OR '1'='1", 'a'.repeat(8_000)]) {
      expectRefused(await send(tool, 'GET', '/api/me', { token }), 401);
    }
  });

  it('a browser token used from a web page is a 403 and writes nothing', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', `/api/partnerships/${world.ids.partnership}/clips`, {
        token: world.tokens.extension,
        headers: { origin: 'https://evil.example' },
        body: json({ url: 'https://readings.example.org/a', quote: 'Taken' }),
      });
      expectRefused(a, 403);
    });
  });

  it('an unknown API route is a 404 in JSON', async () => {
    const a = await send(tool, 'GET', '/api/partnerships/x/secrets', { token: world.tokens.mentee });
    expectRefused(a, 404);
    expect(a.json().error?.code).toBe('not_found');
  });
});

describe('framework errors on the LTI routes', () => {
  const idToken = () => `id_token=${'a'.repeat(1_100_000)}&state=x`;

  it('a 1 MB id_token is a 413 in JSON, without Express’s stack', async () => {
    await writesNothing(async () => {
      const a = await send(tool, 'POST', '/launch', {
        body: idToken(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectRefused(a, 413);
      expect(a.json().error?.code).toBe('invalid_input');
    });
  });

  it('a 1 MB id_token from a browser is a 413 page, without a stack', async () => {
    const a = await send(tool, 'POST', '/launch', {
      body: idToken(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expectRefused(a, 413);
    expect(a.headers.get('content-type')).toMatch(/text\/html/);
    expect(a.text).toMatch(/larger than the tool accepts/);
  });

  it('malformed JSON posted to /login is a 400 without a stack', async () => {
    await writesNothing(async () => {
      expectRefused(await send(tool, 'POST', '/login', { body: '{"iss": ' }), 400);
    });
  });

  it('a body in an unsupported character set is a 415 without a stack', async () => {
    const a = await send(tool, 'POST', '/login', {
      body: 'iss=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-7' },
    });
    expectRefused(a, 415);
  });

  it('an unknown content encoding is a 415 without a stack', async () => {
    const a = await send(tool, 'POST', '/login', {
      body: 'iss=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'zstd-unknown' },
    });
    expectRefused(a, 415);
  });
});
