import { Args, Field, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../decide-context';
import { findRegions, MAX_REGIONS } from '../validation/region-search';

const RegionLevelEnum = { PROVINCE: 'PROVINCE', REGENCY: 'REGENCY', DISTRICT: 'DISTRICT' } as const;
registerEnumType(RegionLevelEnum, { name: 'RegionLevel', description: 'PROVINCE (PP), REGENCY = regency or city (PP.KK), DISTRICT = kecamatan (PP.KK.CC)' });

@ObjectType('Region', { description: 'A region of the Kemendagri list (Permendagri 58/2021): what a picker offers by name' })
export class RegionView {
  @Field({ description: 'Kemendagri code, e.g. 16.73' }) code: string;
  @Field({ description: 'e.g. Kota Lubuk Linggau' }) name: string;
  @Field(() => RegionLevelEnum) level: string;
  @Field(() => String, { nullable: true, description: 'The province of a regency or city, the regency or city of a district; null for a province' })
  parentName: string | null;
}

@Resolver()
export class RegionsResolver {
  @Query(() => [RegionView], {
    description: `Regions by name, for pickers: with query, those under prefix (any level) whose name has a word starting with each word typed, best first; without it, the regions right below prefix (the provinces without one); codes names the regions given, in that order. At most ${MAX_REGIONS}`,
  })
  regions(
    @CurrentActor() _actor: Actor,
    @Args('prefix', { type: () => String, nullable: true, description: 'A Kemendagri code: search only under it' }) prefix: string | null,
    @Args('query', { type: () => String, nullable: true, description: 'Words of the name, e.g. "lubuk" or "kab solok"' }) query: string | null,
    @Args('codes', { type: () => [String], nullable: true, description: 'Name these codes instead of searching' }) codes: string[] | null,
    @Args('levels', { type: () => [RegionLevelEnum], nullable: true, description: 'Only these levels' }) levels: Array<keyof typeof RegionLevelEnum> | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): RegionView[] {
    return findRegions({ prefix, query, codes, levels, first });
  }
}
