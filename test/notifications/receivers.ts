import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string;
  raw: string;
}
export interface Hook {
  path: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
}

/** A real SMTP server and a real HTTP server for the webhooks; `fails(path, n)` makes the n-th request to a path answer 500. */
export async function receivers(fails: (path: string, count: number) => boolean = () => false): Promise<{ mails: Mail[]; hooks: Hook[]; smtpUrl: string; hookUrl: string; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const hooks: Hook[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        for (const rcpt of session.envelope.rcptTo) mails.push({ to: rcpt.address, raw: Buffer.concat(chunks).toString('utf8').replace(/=\r?\n/g, '') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const counts = new Map<string, number>();
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const count = (counts.get(req.url!) ?? 0) + 1;
      counts.set(req.url!, count);
      const status = fails(req.url!, count) ? 500 : 204;
      hooks.push({ path: req.url!, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  return {
    mails,
    hooks,
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    hookUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** What a receiver does: recompute the HMAC over "<timestamp>.<body>" and compare in constant time. */
export function verified(hook: Hook, secret: string): boolean {
  const header = String(hook.headers['x-netra-signature']);
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match || match[1] !== hook.headers['x-netra-timestamp']) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${hook.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex')) && Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
}

export async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

