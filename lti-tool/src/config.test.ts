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

  it('names every variable that does not parse, with its value, instead of running on NaN', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty" must be a port number/);
    expect(() => loadConfig({ LAUNCH_SESSION_HOURS: 'twelve' })).toThrow(
      /LAUNCH_SESSION_HOURS="twelve" must be a number of hours/,
    );
    expect(() => loadConfig({ LAUNCH_SESSION_HOURS: '0' })).toThrow(/more than 0 hours/);
    expect(() => loadConfig({ SANDBOX: 'no' })).toThrow(/SANDBOX="no" must be "on" or "off"/);
    expect(() => loadConfig({ PUBLIC_URL: 'tool.example.org' })).toThrow(/PUBLIC_URL="tool.example.org"/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL="loud" must be one of/);
    const both = () => loadConfig({ SANDBOX_PORT: '70000', DATABASE_URL: 'mysql://x' });
    expect(both).toThrow(ConfigError);
    expect(both).toThrow(/SANDBOX_PORT="70000" must be a port number/);
    expect(both).toThrow(/DATABASE_URL="mysql:\/\/x" must start with sqlite: or postgres:\/\//);
  });

  it('reads numbers and switches', () => {
    const c = loadConfig({ PORT: '0', LAUNCH_SESSION_HOURS: '1.5', AUTO_ACTIVATE_PLATFORMS: 'off', LOG_LEVEL: 'warn' });
    expect(c).toMatchObject({ port: 0, launchSessionHours: 1.5, autoActivatePlatforms: false, logLevel: 'warn' });
  });

  it('sends e-mail only with SMTP_URL, reminding a day before by default', () => {
    expect(loadConfig({}).mail.smtpUrl).toBeNull();
    const c = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', REMINDER_LEAD_HOURS: '48' });
    expect(c.mail).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:2525', reminderLeadHours: 48, digestHourUtc: 7 });
    expect(c.mail.from).toBe('Mentoring workspace <no-reply@localhost>');
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ DIGEST_HOUR_UTC: '24' })).toThrow(/DIGEST_HOUR_UTC/);
  });
});
