import { createHmac } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { NotifyConfig } from '../config/notify-config';
import { emailOf, type NotificationPayload } from './notification-message';

/** A send that failed: `status` is the HTTP status or SMTP response code when there was one. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** The header a receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class Channels {
  private readonly mailer: Transporter | null;

  constructor(private readonly config: NotifyConfig) {
    // Timeouts well inside the sender's claim (sender.ts), so a hung server fails the attempt instead of outliving it.
    // nodemailer only when e-mail is configured: it costs about 80 ms of every start otherwise.
    this.mailer = config.smtpUrl ? (require('nodemailer') as typeof import('nodemailer')).createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : null;
  }

  async email(to: string, payload: NotificationPayload): Promise<void> {
    if (!this.mailer) throw new SendFailure('no SMTP server configured', null);
    const { subject, text } = emailOf(payload);
    try {
      await this.mailer.sendMail({
        from: this.config.from,
        to,
        subject,
        text,
        // A repeated delivery (at-least-once) carries the same Message-ID: a mail system can drop the copy.
        messageId: `<${payload.deliveryId}@netra>`,
        headers: { 'X-Netra-Delivery': payload.deliveryId, 'X-Netra-Event': payload.eventId },
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      throw new SendFailure(`smtp: ${(error as { code?: string }).code ?? 'error'}${code ? ` ${code}` : ''}`, code ?? null);
    }
  }

  async webhook(unit: string, url: string, payload: NotificationPayload, now: Date): Promise<number> {
    const secret = this.secretOf(unit, url);
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(now.getTime() / 1000);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-netra-delivery': payload.deliveryId,
          'x-netra-event': payload.eventId,
          'x-netra-timestamp': String(timestamp),
          'x-netra-signature': signature(secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
        redirect: 'manual',
      });
    } catch (error) {
      throw new SendFailure(`http: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name}`, null);
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status > 299) throw new SendFailure(`http: status ${response.status}`, response.status);
    return response.status;
  }

  private secretOf(unit: string, url: string): string {
    const hook = this.config.units.get(unit)?.webhooks.find((w) => w.url === url);
    if (hook) return hook.secret;
    throw new SendFailure('webhook no longer configured', null);
  }

  close(): void {
    this.mailer?.close();
  }
}
