import type { Queryable } from '../db/database';
import { getCandidateForStaff, getPublicProfile } from '../profiles/queries';

export const lookupPublicProfile = (q: Queryable, ref: string) => getPublicProfile(q, ref);
export const lookupCandidateForStaff = (q: Queryable, ref: string) => getCandidateForStaff(q, ref);
