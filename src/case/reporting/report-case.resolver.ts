import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { CaseCommandMessage } from '../case-command';
import { toIso } from '../case-command.input';
import { CaseMutations } from '../../api/case-mutations.service';
import type { Actor } from '../decide-context';
import { ReportCaseInput } from './report-case.input';
import { reportedCaseId } from './reported-case-id';

@Resolver()
export class ReportCaseResolver {
  constructor(private readonly mutations: CaseMutations) {}

  @Mutation(() => CaseView, { description: 'Bawaslu opens a case: a laporan (report, with its reporter) or a temuan (finding)' })
  reportCase(@Args('input') input: ReportCaseInput, @CurrentActor() actor: Actor) {
    const { commandId, expectedVersion, receivedAt, knownAt, occurredAt, originalReport, ...rest } = input;
    const caseId = reportedCaseId(actor, commandId);
    return this.mutations.execute(
      new CaseCommandMessage(
        { type: 'ReportCase', actor, caseId, input: {
            ...rest,
            receivedAt: toIso(receivedAt)!,
            knownAt: toIso(knownAt)!,
            occurredAt: toIso(occurredAt),
            originalReport: originalReport ? { receivedAt: toIso(originalReport.receivedAt)!, reference: originalReport.reference ?? null } : null,
          },
        },
        commandId ?? null,
        expectedVersion ?? null,
      ),
    );
  }
}
