import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from '../security/input-rules';
import type { CaseCommand } from '../case/case';
import type { CaseCommandMessage } from '../case/case-command';
import { messageFor } from '../case/case-command-messages';
import type { Actor } from '../case/decide-context';
import { validationError } from '../case/validation/validation-error';

export { fromProto, listFromProto } from './grpc-enums';

/** What a step needs to map its gRPC request: a step folder's `*.grpc.ts` builds its command with these. */

export type GrpcRequest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A step's method of netra.v1.CaseWorkflow, exported by its folder's `*.grpc.ts`: the method's name in
 * the proto and the mapping of its request to the command. The controller serves every one it finds.
 */
export interface GrpcStepMethod {
  method: string;
  request(request: GrpcRequest, actor: Actor): Promise<CaseCommandMessage>;
}

export const isGrpcStepMethod = (value: unknown): value is GrpcStepMethod =>
  typeof value === 'object' && value !== null && typeof (value as GrpcStepMethod).method === 'string' && typeof (value as GrpcStepMethod).request === 'function';

export const some = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

async function checked<I extends object>(Input: ClassConstructor<I>, plain: object): Promise<void> {
  // As Nest's ValidationPipe does for GraphQL: inputs without rules (ElectionInput) are not "unknown values".
  const errors = await validate(plainToInstance(Input, plain) as object, { forbidUnknownValues: false });
  if (errors.length > 0) throw validationError(errors);
}

/** Builds the CommandBus message of a command after the GraphQL input's own checks. */
export async function commandMessage(
  Input: ClassConstructor<object>,
  request: GrpcRequest,
  command: (input: Record<string, unknown>) => CaseCommand,
  input: Record<string, unknown>,
): Promise<CaseCommandMessage> {
  const commandId = some(request.commandId);
  const expectedVersion = some(request.expectedVersion);
  await checked(Input, { ...input, caseId: request.caseId ?? '', commandId, expectedVersion });
  return messageFor(command(input), commandId ?? null, expectedVersion ?? null);
}

/** A step on an existing case: the command's type, actor and case id around its input. */
export const stepOf = (type: string, actor: Actor, request: GrpcRequest) => (input: Record<string, unknown>) =>
  ({ type, actor, caseId: request.caseId ?? '', input }) as unknown as CaseCommand;
