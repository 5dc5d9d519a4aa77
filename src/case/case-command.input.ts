import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { CaseCommand } from './case';
import { CaseCommandMessage } from './case-command';
import type { Actor } from './decide-context';
import { IsOptional, IsUUID, Matches, Min } from '../security/input-rules';

/** Delivery options every mutation input carries. */
@InputType({ isAbstract: true })
export abstract class CommandOptionsInput {
  @Field(() => ID, { nullable: true, description: 'Idempotency key: a retry with the same id returns the first result and appends nothing' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'commandId must be 8–100 letters, digits or . _ : -' })
  commandId?: string;

  @Field(() => Int, { nullable: true, description: 'The case version you saw; CONFLICT when the case moved on since' })
  @IsOptional()
  @Min(1)
  expectedVersion?: number;
}

/** A step on an existing case. */
@InputType({ isAbstract: true })
export abstract class CaseStepInput extends CommandOptionsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a case id (UUID)' })
  caseId: string;
}

export const toIso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/** Builds the CommandBus message of a step from its GraphQL input: dates become ISO text, options travel beside. */
export function stepCommand<T extends CaseCommand['type'], I extends CaseStepInput>(type: T, actor: Actor, input: I, dates: Record<string, string | null>): CaseCommandMessage {
  const { caseId, commandId, expectedVersion, ...fields } = input;
  const command = { type, actor, caseId, input: { ...fields, ...dates } } as unknown as CaseCommand;
  return new CaseCommandMessage(command, commandId ?? null, expectedVersion ?? null);
}
