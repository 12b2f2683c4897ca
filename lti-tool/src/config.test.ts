import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('runs on the embedded SQLite default with the sandbox, outside production', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toMatch(/^sqlite:.*data\/mentoring\.sqlite$/);
    expect(c.sandbox).toBe(true);
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ SANDBOX: 'off' }).sandbox).toBe(false);
  });

  it('refuses to start in production with the default secret or a non-HTTPS public URL, saying why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', LTI_KEY: 'x'.repeat(40), PUBLIC_URL: 'http://tool.example.org' }),
    ).toThrow(/not HTTPS/);
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://tool.example.org' })).toThrow(
      /LTI_KEY is the development default/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'production', LTI_KEY: 'short', PUBLIC_URL: 'https://tool.example.org' }),
    ).toThrow(/shorter than 32/);
  });

  it('starts in production with a safe configuration, without the sandbox', () => {
    const c = loadConfig({ NODE_ENV: 'production', LTI_KEY: 'k'.repeat(48), PUBLIC_URL: 'https://tool.example.org/' });
    expect(c.publicUrl).toBe('https://tool.example.org');
    expect(c.sandbox).toBe(false);
  });

  it('explains a bad port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });
});
