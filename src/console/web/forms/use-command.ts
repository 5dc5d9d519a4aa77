import { useState } from 'react';
import { ApiError, graphql, type ErrorCode } from '../api/graphql';
import { MUTATIONS, type MutationName } from '../api/documents';
import type { Case } from '../api/types';

/** What a refused command left to show: messages by input path, and one for the whole form. */
export interface CommandErrors {
  fields: Record<string, string>;
  form: { code: ErrorCode; message: string } | null;
}

const NO_ERRORS: CommandErrors = { fields: {}, form: null };

/**
 * A random UUID (v4). Not crypto.randomUUID: that one exists only in secure contexts, and a
 * development Netra is often opened over plain http on a LAN address.
 */
export function newCommandId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Sends one mutation with a fresh commandId and, for an existing case, the version the officer saw
 * as expectedVersion: if someone else moved the case meanwhile, the officer gets CONFLICT and
 * reloads instead of acting on a stale page. `fieldNames` are the paths this form shows inputs for;
 * a BAD_USER_INPUT naming any other path is shown at the form.
 */
export function useCommand(name: MutationName, fieldNames: (path: string) => boolean) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<CommandErrors>(NO_ERRORS);

  async function send(input: Record<string, unknown>, expectedVersion?: number): Promise<Case | null> {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const variables = { input: { ...input, commandId: newCommandId(), ...(expectedVersion !== undefined ? { expectedVersion } : {}) } };
      const data = await graphql<Record<string, Case>>(MUTATIONS[name], variables);
      return data[name];
    } catch (error) {
      const refusal = error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', String(error));
      if (refusal.code === 'BAD_USER_INPUT' && refusal.field && fieldNames(refusal.field)) {
        setErrors({ fields: { [refusal.field]: withoutField(refusal.message, refusal.field) }, form: null });
      } else {
        setErrors({ fields: {}, form: { code: refusal.code, message: refusal.message } });
      }
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, send };
}

/** "respondents[0].nip: NIP must be …" next to the NIP field reads better without the path. */
function withoutField(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
