import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';

const UNITS = { 'PPK:16.73': { emails: ['bkpsdm@lubuklinggau.example.go.id'], webhooks: [{ url: 'https://hooks.example.go.id/netra', secret: 'a-secret-of-16-chars+' }] }, BKN: { emails: ['netralitas@bkn.example.go.id'] } };

describe('notification settings', () => {
  it('are off unless NOTIFY_UNITS or NOTIFY_UNITS_FILE names a unit', () => {
    expect(loadConfig({}).notify).toBeNull();
  });

  it('read units from JSON, inline or in a file, with the defaults', () => {
    const inline = loadConfig({ NOTIFY_SMTP_URL: 'smtp://mail.example.go.id:587', NOTIFY_UNITS: JSON.stringify(UNITS) }).notify!;
    expect(inline).toMatchObject({ smtpUrl: 'smtp://mail.example.go.id:587', maxAttempts: 10, retryBaseMs: 5000, pollMs: 2000 });
    expect(inline.units.get('PPK:16.73')).toEqual(UNITS['PPK:16.73']);
    expect(inline.units.get('BKN')).toEqual({ emails: ['netralitas@bkn.example.go.id'], webhooks: [] });
    const file = join(mkdtempSync(join(tmpdir(), 'netra-notify-')), 'units.json');
    writeFileSync(file, JSON.stringify(UNITS));
    expect(loadConfig({ NOTIFY_SMTP_URL: 'smtps://mail.example.go.id', NOTIFY_UNITS_FILE: file }).notify!.units.size).toBe(2);
  });

  it.each([
    [{ NOTIFY_UNITS: '{nope' }, /^NOTIFY_UNITS: must be JSON/],
    [{ NOTIFY_UNITS: JSON.stringify({ 'PPK:xx': {} }) }, /^NOTIFY_UNITS: unit "PPK:xx" must be an agency/],
    [{ NOTIFY_UNITS: JSON.stringify(UNITS) }, /^NOTIFY_SMTP_URL: required: PPK:16.73 has e-mail addresses/],
    [{ NOTIFY_UNITS: JSON.stringify({ BKN: { webhooks: [{ url: 'ftp://x', secret: 'a-secret-of-16-chars+' }] } }) }, /webhooks\[\]\.url must be an http/],
    [{ NOTIFY_UNITS: JSON.stringify({ BKN: { webhooks: [{ url: 'https://x.example', secret: 'short' }] } }) }, /secret must be at least 16 characters/],
    [{ NOTIFY_SMTP_URL: 'http://mail', NOTIFY_UNITS: '{}' }, /^NOTIFY_SMTP_URL: must be an smtp/],
    [{ NOTIFY_SMTP_URL: 'smtp://mail' }, /^NOTIFY_UNITS: required with NOTIFY_SMTP_URL/],
    [{ NOTIFY_UNITS: '{}', NOTIFY_UNITS_FILE: '/x' }, /^NOTIFY_UNITS: set NOTIFY_UNITS or NOTIFY_UNITS_FILE/],
    [{ NOTIFY_UNITS_FILE: '/nonexistent/units.json' }, /^NOTIFY_UNITS_FILE: cannot read/],
    [{ NOTIFY_UNITS: '{}', NOTIFY_MAX_ATTEMPTS: '0' }, /^NOTIFY_MAX_ATTEMPTS: must be a whole number 1–100/],
  ])('stop the start with one line naming the variable: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
