import type { RecordedEvent } from '../event-store/event-store';
import type { CaseCommand } from './case';
import type { CaseState } from './case-state';

/**
 * A case command as it travels on the CommandBus: the domain command plus delivery options. One
 * message class and one handler (case-command.handler.ts) serve every step: a new step adds no class.
 */
export class CaseCommandMessage<C extends CaseCommand = CaseCommand> {
  constructor(
    readonly command: C,
    /** Makes the command idempotent: a retry with the same id returns the first result. */
    readonly commandId: string | null = null,
    /** When given, the case must still be at this version, else CONFLICT. */
    readonly expectedVersion: number | null = null,
  ) {}
}

export interface CaseWriteResult {
  caseId: string;
  /** Global log position of the command's last event: wait for the read model to reach it. */
  position: bigint;
  version: number;
  /** True when the command id had already been handled and nothing was appended. */
  replayed: boolean;
  /** On a replay: the case's history, so the first result can be answered as it was. */
  history?: readonly RecordedEvent[];
  /** After a new append: the case's state at `version`, as a read of its stream would fold it (the API answers `nextSteps` from it instead of reading the stream again). */
  state?: CaseState;
}
