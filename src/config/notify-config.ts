import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';
import { optional } from './config-values';

/** Where a unit's notifications go: e-mail addresses and signed webhooks. */
export interface NotifyTargets {
  emails: string[];
  webhooks: Array<{ url: string; secret: string }>;
}

/** Notifications (README "Inbox and notifications"); null = off, the default. */
export interface NotifyConfig {
  /** nodemailer's SMTP URL (NOTIFY_SMTP_URL); null = no e-mail. */
  smtpUrl: string | null;
  /** The From address (NOTIFY_FROM). */
  from: string;
  /** Unit key (`PPK:16.73`, `BKN`) → targets (NOTIFY_UNITS or NOTIFY_UNITS_FILE, JSON). */
  units: Map<string, NotifyTargets>;
  /** Attempts per delivery before it is given up (NOTIFY_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** First retry delay, doubled each attempt up to an hour (NOTIFY_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** How often the sender looks for due deliveries besides being woken (NOTIFY_POLL_MS). */
  pollMs: number;
}

const AGENCY_UNIT = /^(BAWASLU|KASN|BKN|PPK|KEMENDAGRI|KEMENPANRB|OVERSIGHT|TNI|POLRI)(:\d{2}(\.\d{2}){0,3})?$/;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

export function notifyConfigOf(env: NodeJS.ProcessEnv): NotifyConfig | null {
  const inline = optional(env.NOTIFY_UNITS);
  const file = optional(env.NOTIFY_UNITS_FILE);
  const smtpUrl = optional(env.NOTIFY_SMTP_URL);
  if (inline !== null && file !== null) throw new ConfigError('NOTIFY_UNITS', 'set NOTIFY_UNITS or NOTIFY_UNITS_FILE, not both');
  if (smtpUrl !== null && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) throw new ConfigError('NOTIFY_SMTP_URL', 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.go.id:587');
  if (inline === null && file === null) {
    if (smtpUrl !== null) throw new ConfigError('NOTIFY_UNITS', 'required with NOTIFY_SMTP_URL: which unit gets which e-mail addresses');
    return null;
  }
  const variable = inline !== null ? 'NOTIFY_UNITS' : 'NOTIFY_UNITS_FILE';
  let text = inline;
  if (file !== null) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError('NOTIFY_UNITS_FILE', `cannot read ${file}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text!);
  } catch {
    throw new ConfigError(variable, 'must be JSON: { "PPK:16.73": { "emails": […], "webhooks": [{ "url": …, "secret": … }] } }');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError(variable, 'must be a JSON object of units');
  const units = new Map<string, NotifyTargets>();
  for (const [unit, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!AGENCY_UNIT.test(unit)) throw new ConfigError(variable, `unit ${JSON.stringify(unit)} must be an agency, or agency:region code (e.g. PPK:16.73, BKN)`);
    const targets = value as { emails?: unknown; webhooks?: unknown };
    const emails = targets?.emails ?? [];
    const webhooks = targets?.webhooks ?? [];
    if (!Array.isArray(emails) || emails.some((e) => typeof e !== 'string' || !EMAIL.test(e))) throw new ConfigError(variable, `${unit}.emails must be a list of e-mail addresses`);
    if (!Array.isArray(webhooks)) throw new ConfigError(variable, `${unit}.webhooks must be a list of { url, secret }`);
    for (const hook of webhooks as Array<{ url?: unknown; secret?: unknown }>) {
      if (typeof hook?.url !== 'string' || !/^https?:\/\/[^/\s]+/.test(hook.url) || !URL.canParse(hook.url)) throw new ConfigError(variable, `${unit}.webhooks[].url must be an http:// or https:// URL`);
      if (typeof hook.secret !== 'string' || hook.secret.length < 16) throw new ConfigError(variable, `${unit}.webhooks[].secret must be at least 16 characters`);
    }
    if (emails.length > 0 && smtpUrl === null) throw new ConfigError('NOTIFY_SMTP_URL', `required: ${unit} has e-mail addresses`);
    units.set(unit, { emails: emails as string[], webhooks: (webhooks as Array<{ url: string; secret: string }>).map(({ url, secret }) => ({ url, secret })) });
  }
  return {
    smtpUrl,
    from: optional(env.NOTIFY_FROM) ?? 'Netra <netra@localhost>',
    units,
    maxAttempts: whole(env, 'NOTIFY_MAX_ATTEMPTS', 10, 1, 100),
    retryBaseMs: whole(env, 'NOTIFY_RETRY_BASE_MS', 5_000, 10, 3_600_000),
    pollMs: whole(env, 'NOTIFY_POLL_MS', 2_000, 50, 600_000),
  };
}

function whole(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max: number): number {
  const text = optional(env[variable]);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new ConfigError(variable, `must be a whole number ${min}–${max}`);
  return value;
}
