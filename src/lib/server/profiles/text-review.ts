import { recordAudit } from '../audit';
import { refuse, type Refusal } from '../result';
import { regionCondition, type StaffScope } from '../auth/scope';
import type { SessionUser } from '../auth/session-user';
import type { Sql } from '../db/database';
import { refreshPublicProfiles } from './publish';
import { scrubText } from './scrub-text';
import type { ProfileIndex } from './search-index';
import { findFindings, findingLabels, markFindings, type MarkedPart } from './text-findings';

export interface HeldText {
	ref: string;
	regionCode: string;
	municipalityCode: string;
	/** Already scrubbed: placeholders such as [telefoon] mark what was removed. */
	text: string;
	/** The text cut at every finding, for marking. */
	parts: MarkedPart[];
	/** Distinct kinds of finding, in Dutch. */
	findings: string[];
	updatedAt: Date;
}

/**
 * Every new or changed profile text waits here until a WSP reviewer of the region decides; the texts
 * within the reviewer's scope (their region's team, or all for admins).
 */
export async function listHeldTexts(sql: Sql, scope: StaffScope, limit = 25): Promise<HeldText[]> {
	const rows = await sql<
		{
			public_ref: string;
			region_code: string;
			municipality_code: string;
			profile_text: string;
			updated_at: Date;
		}[]
	>`
		select public_ref, region_code, municipality_code, profile_text, updated_at from candidates
		where profile_text_state = 'review' and counted and not withdrawn
			and ${regionCondition(sql, scope, 'region_code')}
		order by complete desc, updated_at limit ${limit}`;
	return rows.map((r) => {
		const findings = findFindings(r.profile_text);
		return {
			ref: r.public_ref,
			regionCode: r.region_code,
			municipalityCode: r.municipality_code,
			text: r.profile_text,
			parts: markFindings(r.profile_text, findings),
			findings: findingLabels(findings),
			updatedAt: r.updated_at
		};
	});
}

export type ReviewOutcome =
	| { ok: true }
	| Refusal<'not-found'>
	/** The edit held personal data the scrubber removes; `text` is the edit with it replaced. */
	| (Refusal<'still-personal'> & { found: string[]; text: string })
	/** Findings remain and the reviewer did not confirm them. */
	| (Refusal<'needs-confirmation'> & { findings: string[]; text: string });

const MESSAGES = {
	'not-found': 'Deze tekst is al beoordeeld, of hoort niet bij uw regio.',
	'still-personal':
		'In de aangepaste tekst stonden persoonsgegevens; die zijn vervangen door markeringen. Controleer de tekst en probeer het opnieuw.',
	'needs-confirmation':
		'In de tekst staan nog gemarkeerde punten. Pas de tekst aan, of bevestig dat u elk punt hebt bekeken en dat de tekst zo gepubliceerd mag worden.'
};

/**
 * A WSP reviewer publishes a held text (possibly edited) or rejects it. An edit is scrubbed again and
 * refused if the scrubber would change it, so review never publishes what the scrubber removes. A text
 * with any remaining finding (special-category terms, numbers, names, places ...) is published only
 * with an explicit confirmation, and the confirmed findings go into the audit log.
 */
export async function reviewHeldText(
	sql: Sql,
	input: {
		ref: string;
		decision: 'approved' | 'rejected';
		text?: string;
		/** The reviewer ticked "I checked every mark". */
		confirmed?: boolean;
		user: SessionUser;
		/** Only texts inside this scope. */
		scope: StaffScope;
		kAnonymity: number;
		index?: ProfileIndex;
	}
): Promise<ReviewOutcome> {
	const edited = input.text?.trim().replace(/\r\n?/g, '\n');
	const changed = await sql.begin(async (tx) => {
		const [row] = await tx<{ profile_text: string }[]>`
			select profile_text from candidates
			where public_ref = ${input.ref} and profile_text_state = 'review'
				and ${regionCondition(tx, input.scope, 'region_code')}
			for update`;
		if (!row) return refuse('not-found', MESSAGES['not-found']);
		let confirmedFindings: string[] = [];
		let text = row.profile_text;
		if (input.decision === 'approved') {
			if (edited !== undefined && edited !== row.profile_text) {
				const scrubbed = scrubText(edited, { names: [], literals: [] });
				if (scrubbed.found.length) {
					return {
						...refuse('still-personal', MESSAGES['still-personal'], 'tekst'),
						found: scrubbed.found,
						text: scrubbed.text
					};
				}
				text = edited;
			}
			confirmedFindings = findingLabels(findFindings(text));
			if (confirmedFindings.length && !input.confirmed) {
				return {
					...refuse('needs-confirmation', MESSAGES['needs-confirmation'], 'bevestig'),
					findings: confirmedFindings,
					text
				};
			}
		}
		await tx`
			update candidates set profile_text_state = ${input.decision},
				profile_text = ${input.decision === 'approved' ? text : tx`profile_text`}, updated_at = now()
			where public_ref = ${input.ref}`;
		await recordAudit(tx, {
			userId: input.user.id,
			action: input.decision === 'approved' ? 'profile-text-approved' : 'profile-text-rejected',
			subjectType: 'candidate',
			subjectId: input.ref,
			details: {
				edited: input.decision === 'approved' && text !== row.profile_text,
				...(confirmedFindings.length
					? { confirmed: true, confirmedFindings: confirmedFindings.join('; ') }
					: {})
			}
		});
		return { ok: true } as const;
	});
	if (!changed.ok) return changed;
	await refreshPublicProfiles(sql, { k: input.kAnonymity, index: input.index });
	return { ok: true };
}
