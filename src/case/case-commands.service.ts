import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CaseCommandMessage, CaseWriteResult } from './case-command';
import { CaseRepository } from './case.repository';
import type { CaseState } from './case-state';
import type { Actor } from './decide-context';
import type { NextStep } from './next-steps';

/** Watches the commands that pass the gateway: told when one starts, and how it ended. */
export interface CommandObserver {
  started(message: CaseCommandMessage): (outcome: { result: CaseWriteResult } | { error: unknown }) => void;
}

/**
 * The command gateway: runs a case command on the CommandBus and answers what was written (case
 * id, version, log position; on a replay, the history). It knows nothing of the read model, of rate
 * limits, metrics or logs: the API layer wraps it (src/api/case-mutations.service.ts), and the
 * processes of src/case call it directly.
 */
@Injectable()
export class CaseCommands {
  private readonly observers: CommandObserver[] = [];

  constructor(
    private readonly commands: CommandBus,
    private readonly repository: CaseRepository,
  ) {}

  /** The steps `actor` may take next on a case, per respondent, as the decider would judge them now. */
  nextSteps(caseId: string, actor: Actor, state?: CaseState): Promise<NextStep[]> {
    return this.repository.nextSteps(caseId, actor, state);
  }

  /** The case as the decider folds it now (personal values sealed): what a generated letter is composed from. */
  async state(caseId: string): Promise<CaseState> {
    return (await this.repository.load(caseId)).aggregate.state;
  }

  /** The API layer counts and logs every command here, the processes' too. */
  observe(observer: CommandObserver): void {
    this.observers.push(observer);
  }

  async run(message: CaseCommandMessage): Promise<CaseWriteResult> {
    const ends = this.observers.map((observer) => observer.started(message));
    try {
      const result = await this.commands.execute<CaseCommandMessage, CaseWriteResult>(message);
      for (const end of ends) end({ result });
      return result;
    } catch (error) {
      for (const end of ends) end({ error });
      throw error;
    }
  }
}
