import { recordAudit } from '../audit';
import { regionCondition, type StaffScope } from '../auth/scope';
import type { SessionUser } from '../auth/session-user';
import type { Sql } from '../db/database';
import { refreshPublicProfiles } from './publish';
import { scrubText } from './scrub-text';
import type { ProfileIndex } from './search-index';

export interface HeldText {
	ref: string;
	regionCode: string;
	municipalityCode: string;
	/** Already scrubbed: placeholders such as [telefoon] mark what was removed. */
	text: string;
	updatedAt: Date;
}

/** Texts held back by the scrubber, within the reviewer's scope (their region's team, or all for admins). */
export async function listHeldTexts(sql: Sql, scope: StaffScope, limit = 100): Promise<HeldText[]> {
	const rows = await sql`
		select public_ref, region_code, municipality_code, profile_text, updated_at from candidates
		where profile_text_state = 'review' and counted and not withdrawn
			and ${regionCondition(sql, scope, 'region_code')}
		order by updated_at limit ${limit}`;
	return rows.map((r) => ({
		ref: r.public_ref,
		regionCode: r.region_code,
		municipalityCode: r.municipality_code,
		text: r.profile_text,
		updatedAt: r.updated_at
	}));
}

export type ReviewOutcome =
	{ ok: true } | { ok: false; reason: 'not-found' | 'still-personal' | 'placeholder'; found?: string[] };

/**
 * A WSP contact publishes a held text (possibly edited) or rejects it. An edited text is scrubbed again:
 * if it still holds personal data it is refused, so review can never publish what the scrubber finds.
 */
export async function reviewHeldText(
	sql: Sql,
	input: {
		ref: string;
		decision: 'approved' | 'rejected';
		text?: string;
		user: SessionUser;
		/** Only texts inside this scope. */
		scope: StaffScope;
		kAnonymity: number;
		index?: ProfileIndex;
	}
): Promise<ReviewOutcome> {
	const text = input.text?.trim();
	if (input.decision === 'approved' && text !== undefined) {
		if (/\[[a-z]+\]/.test(text)) return { ok: false, reason: 'placeholder' };
		const scrubbed = scrubText(text, { names: [], literals: [] });
		if (scrubbed.found.length) return { ok: false, reason: 'still-personal', found: scrubbed.found };
	}
	const changed = await sql.begin(async (tx) => {
		const rows = await tx`
			update candidates set
				profile_text_state = ${input.decision},
				profile_text = ${input.decision === 'approved' && text !== undefined ? text : tx`profile_text`},
				updated_at = now()
			where public_ref = ${input.ref} and profile_text_state = 'review'
				and ${regionCondition(tx, input.scope, 'region_code')}
			returning region_code`;
		if (!rows.length) return false;
		await recordAudit(tx, {
			userId: input.user.id,
			action: `profile-text.${input.decision}`,
			subjectType: 'candidate',
			subjectId: input.ref,
			details: { edited: text !== undefined }
		});
		return true;
	});
	if (!changed) return { ok: false, reason: 'not-found' };
	await refreshPublicProfiles(sql, { k: input.kAnonymity, index: input.index });
	return { ok: true };
}
