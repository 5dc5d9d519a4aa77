import type { CaseCommand } from './case';
import { CaseCommandMessage } from './case-command';

/** The CommandBus message for a domain command of any type (demo, gRPC, benchmarks, the processes). */
export function messageFor<C extends CaseCommand>(command: C, commandId: string | null = null, expectedVersion: number | null = null): CaseCommandMessage<C> {
  return new CaseCommandMessage(command, commandId, expectedVersion);
}
