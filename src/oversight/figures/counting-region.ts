import type { OpenedCase, RespondentTrack } from '../../case/case';
import { provinceOf, regencyOf } from '../../case/validation/regions';

/**
 * Where a person is counted in regional figures: the PPK's region once a sanction names one (the
 * region whose head must act), else the institution's region, else the handling Bawaslu unit.
 */
export function countingRegion(state: OpenedCase, track: RespondentTrack): { regionCode: string; provinceCode: string; regencyCode: string | null } {
  const regionCode = track.decision?.ppk?.regionCode ?? track.institutionRegionCode ?? state.handlingUnit;
  return { regionCode, provinceCode: provinceOf(regionCode) ?? regionCode.slice(0, 2), regencyCode: regencyOf(regionCode) ?? null };
}
