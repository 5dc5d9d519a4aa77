import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing of personal data inside events (envelope encryption): a per-case data key
 * seals the values, the master key from configuration wraps the data keys. A sealed value is text:
 * `sealed:v1:<iv>.<ciphertext>.<tag>` (base64url), bound to its case by the additional data.
 */

const PREFIX = 'sealed:v1:';
const ALGORITHM = 'aes-256-gcm';

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

export function seal(key: Buffer, value: unknown, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.')}`;
}

export function unseal<T>(key: Buffer, sealed: string, context: string): T {
  if (!isSealed(sealed)) throw new Error('not a sealed value');
  const [iv, body, tag] = sealed.slice(PREFIX.length).split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
}

/** A data key wrapped by the master key, bound to its case id. */
export function wrapKey(master: Buffer, dataKey: Buffer, caseId: string): string {
  return seal(master, dataKey.toString('base64'), `data-key:${caseId}`);
}

export function unwrapKey(master: Buffer, wrapped: string, caseId: string): Buffer {
  return Buffer.from(unseal<string>(master, wrapped, `data-key:${caseId}`), 'base64');
}

export const newDataKey = () => randomBytes(32);
