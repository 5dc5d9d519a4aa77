import type { RefusalKey } from '../case/refusal-keys';

/** A sentence for every refusal key the API can return; placeholders as in refusals-id.ts. */
export type RefusalCatalogue = Record<RefusalKey, string>;
