import type { Employment } from '../../case/case-vocabulary';
import { routeOf, type KindRoute } from '../../case/respondent-kinds';

/**
 * Who handles a respondent, read from the server's own table (src/case/respondent-kinds.ts, plain data):
 * which identifier the form asks for, where the recommendation goes, who decides and acts, and which
 * sanctions exist for them. Only a guide for the screen: the server decides again.
 */
export const routeFor = (employment: string | null): KindRoute => routeOf((employment ?? 'PNS') as Employment);

/** The field a respondent's identifier goes in: nip, nrp or nik. */
export const identifierOf = (employment: string) => routeFor(employment).identifier;
