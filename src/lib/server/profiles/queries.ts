import type { ProfileDocument } from '../../../../search/document';
import type { Queryable } from '../db/database';
import { PUBLIC_REF_PATTERN } from '../../public-ref';

export type PublicProfileLookup =
	{ status: 'published'; document: ProfileDocument } | { status: 'unpublished' } | { status: 'unknown' };

/** For the public page: a known ref that is not (or no longer) published says so, and nothing more. */
export async function getPublicProfile(sql: Queryable, ref: string): Promise<PublicProfileLookup> {
	if (!PUBLIC_REF_PATTERN.test(ref)) return { status: 'unknown' };
	const [published] = await sql<{ document: ProfileDocument }[]>`
		select document from public_profiles where public_ref = ${ref}`;
	if (published) return { status: 'published', document: published.document };
	const [known] = await sql<{ found: number }[]>`select 1 as found from candidates where public_ref = ${ref}`;
	return known ? { status: 'unpublished' } : { status: 'unknown' };
}

/** Every published document in pages, for rebuilding the search index at start-up. */
export async function* listPublicDocuments(
	sql: Queryable,
	pageSize = 2000
): AsyncGenerator<ProfileDocument[]> {
	let after = '';
	for (;;) {
		const rows = await sql<{ public_ref: string; document: ProfileDocument }[]>`
			select public_ref, document from public_profiles where public_ref > ${after}
			order by public_ref limit ${pageSize}`;
		if (rows.length === 0) return;
		yield rows.map((row) => row.document);
		after = rows[rows.length - 1].public_ref;
	}
}

export interface StaffCandidateView {
	publicRef: string;
	organisation: string;
	klantnummer: string;
	regionCode: string;
	municipalityCode: string;
	klantmanagerEmail: string | null;
	published: boolean;
	profileText: string;
	profileTextState: string;
}

/**
 * For the WSP inbox: what a WSP contact needs to find the person in the source system. It returns the
 * klantnummer, so the CALLER must have checked that the signed-in user is a WSP contact of this region.
 */
export async function getCandidateForStaff(sql: Queryable, ref: string): Promise<StaffCandidateView | null> {
	if (!PUBLIC_REF_PATTERN.test(ref)) return null;
	const [row] = await sql<StaffCandidateView[]>`
		select c.public_ref as "publicRef", c.organisation, s.klantnummer, c.region_code as "regionCode",
			c.municipality_code as "municipalityCode", c.klantmanager_email as "klantmanagerEmail",
			c.published, c.profile_text as "profileText", c.profile_text_state as "profileTextState"
		from candidates c join candidate_source_ids s on s.candidate_id = c.id
		where c.public_ref = ${ref}`;
	return row ?? null;
}
