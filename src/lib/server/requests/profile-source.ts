import type { Sql } from '../db/database';
import { getCandidateForStaff, getPublicProfile } from '../profiles/queries';
import type { Queryable } from './queryable';

// The profiles module takes a pool; a transaction answers the same queries, so it is passed as one.
const asSql = (q: Queryable) => q as unknown as Sql;

export const lookupPublicProfile = (q: Queryable, ref: string) => getPublicProfile(asSql(q), ref);
export const lookupCandidateForStaff = (q: Queryable, ref: string) => getCandidateForStaff(asSql(q), ref);
