import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessAudit } from '../audit/access-audit';
import { requestKey } from '../audit/personal-fields';
import type { GraphqlContext } from '../auth/current-actor.decorator';
import { FollowUpView } from './models/follow-up.model';

/**
 * The fields that identify a respondent, wherever a FollowUp appears in an answer (case, cases,
 * followUps, every mutation's case): each one answered with a value is recorded in the access audit.
 */
@Resolver(() => FollowUpView)
export class FollowUpResolver {
  constructor(private readonly audit: AccessAudit) {}

  private read(f: FollowUpView, field: 'name' | 'nip' | 'nrp' | 'nik' | 'position' | 'institution', context: GraphqlContext): string | null {
    const value = f[field];
    if (value !== null && context.actor) {
      this.audit.record({ actor: context.actor, via: 'graphql', request: requestKey(context), caseId: f.caseId, respondentId: f.respondentId, fields: [field] });
    }
    return value;
  }

  @ResolveField(() => String, { nullable: true, description: 'null when identityWithheld' })
  name(@Parent() f: FollowUpView, @Context() context: GraphqlContext) {
    return this.read(f, 'name', context);
  }

  @ResolveField(() => String, { nullable: true, description: 'NIP: personal data; null when identityWithheld, erased or absent' })
  nip(@Parent() f: FollowUpView, @Context() context: GraphqlContext) {
    return this.read(f, 'nip', context);
  }

  @ResolveField(() => String, { nullable: true, description: 'NRP of a TNI or Polri member: personal data, visible like the NIP; null when identityWithheld' })
  nrp(@Parent() f: FollowUpView, @Context() context: GraphqlContext) {
    return this.read(f, 'nrp', context);
  }

  @ResolveField(() => String, { nullable: true, description: 'NIK of a village head or official: personal data, visible like the NIP; null when identityWithheld' })
  nik(@Parent() f: FollowUpView, @Context() context: GraphqlContext) {
    return this.read(f, 'nik', context);
  }

  @ResolveField(() => String, { nullable: true })
  position(@Parent() f: FollowUpView, @Context() context: GraphqlContext) {
    return this.read(f, 'position', context);
  }

  @ResolveField(() => String, { nullable: true, description: 'null when identityWithheld' })
  institution(@Parent() f: FollowUpView, @Context() context: GraphqlContext) {
    return this.read(f, 'institution', context);
  }
}
