import { createHash } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import type { CandidateRecord } from '../profiles/candidate-record';
import { isComplete, isCounted, profileQuality } from '../profiles/completeness';
import { newPublicRef } from '../profiles/public-ref';

export interface BatchResult {
	created: number;
	updated: number;
	unchanged: number;
	/** Candidate ids of every row in the batch (for --full). */
	ids: number[];
}

/**
 * Writes one batch inside the caller's transaction: new candidates get a random public reference and a
 * source-id row, changed ones are updated, identical ones are not touched (idempotent re-import).
 */
export async function writeBatch(tx: TransactionSql, records: CandidateRecord[]): Promise<BatchResult> {
	const existing = await tx<
		{ organisation: string; klantnummer: string; id: string; content_hash: string; withdrawn: boolean }[]
	>`
		select s.organisation, s.klantnummer, c.id, c.content_hash, c.withdrawn
		from candidate_source_ids s join candidates c on c.id = s.candidate_id
		join unnest(${records.map((r) => r.organisation)}::text[], ${records.map((r) => r.klantnummer)}::text[])
			as x(organisation, klantnummer)
			on s.organisation = x.organisation and s.klantnummer = x.klantnummer`;
	const known = new Map(existing.map((row) => [sourceKey(row.organisation, row.klantnummer), row]));
	const ids: number[] = [];
	const created: { record: CandidateRecord; row: ReturnType<typeof toRow> }[] = [];
	const changed: (ReturnType<typeof toRow> & { id: number })[] = [];
	let unchanged = 0;
	for (const record of records) {
		const row = toRow(record);
		const old = known.get(sourceKey(record.organisation, record.klantnummer));
		if (!old) created.push({ record, row });
		else {
			ids.push(Number(old.id));
			if (old.content_hash === row.content_hash && !old.withdrawn) unchanged++;
			else changed.push({ ...row, id: Number(old.id) });
		}
	}
	if (changed.length > 0) await updateCandidates(tx, changed);
	if (created.length > 0) ids.push(...(await insertCandidates(tx, created)));
	return { created: created.length, updated: changed.length, unchanged, ids };
}

function sourceKey(organisation: string, klantnummer: string): string {
	return `${organisation}\u0000${klantnummer}`;
}

function toRow(r: CandidateRecord) {
	const { klantnummer: _never, ...stored } = r;
	return {
		organisation: r.organisation,
		municipality_code: r.municipalityCode,
		region_code: r.regionCode,
		status: r.status,
		service_start: r.serviceStart,
		service_end: r.serviceEnd,
		in_register: r.inRegister,
		banenafspraak: r.banenafspraak,
		beschut_werk: r.beschutWerk,
		doelgroep: r.doelgroep,
		participatieladder: r.participatieladder,
		groeipotentieel: r.groeipotentieel,
		klantmanager_email: r.klantmanagerEmail,
		profile: r.profile,
		profile_text: r.profileText,
		profile_text_state: r.profileTextState,
		quality: profileQuality(r.profile, r.profileText),
		complete: isComplete(r.profile),
		counted: isCounted(r),
		// Over stored fields only (never the klantnummer), so it reveals nothing the table does not.
		content_hash: createHash('sha256').update(JSON.stringify(stored)).digest('base64url'),
		source_updated_at: r.sourceUpdatedAt
	};
}

const RECORDSET = `
	organisation text, municipality_code text, region_code text, status text, service_start date,
	service_end date, in_register boolean, banenafspraak boolean, beschut_werk boolean, doelgroep text,
	participatieladder smallint, groeipotentieel boolean, klantmanager_email text, profile jsonb,
	profile_text text, profile_text_state text, quality char(1), complete boolean, counted boolean,
	content_hash text, source_updated_at date, id bigint, public_ref text`;

async function updateCandidates(tx: TransactionSql, rows: (ReturnType<typeof toRow> & { id: number })[]) {
	await tx`
		update candidates c set
			organisation = x.organisation, municipality_code = x.municipality_code,
			region_code = x.region_code, status = x.status, service_start = x.service_start,
			service_end = x.service_end, in_register = x.in_register, banenafspraak = x.banenafspraak,
			beschut_werk = x.beschut_werk, doelgroep = x.doelgroep,
			participatieladder = x.participatieladder, groeipotentieel = x.groeipotentieel,
			klantmanager_email = x.klantmanager_email, profile = x.profile, profile_text = x.profile_text,
			-- A reviewer's decision stands as long as the text it was about is unchanged.
			profile_text_state = case
				when c.profile_text = x.profile_text and c.profile_text_state in ('approved', 'rejected')
				then c.profile_text_state else x.profile_text_state end,
			quality = x.quality, complete = x.complete, counted = x.counted,
			content_hash = x.content_hash, source_updated_at = x.source_updated_at,
			withdrawn = false, updated_at = now()
		from jsonb_to_recordset(${tx.json(rows as never)}) as x(${tx.unsafe(RECORDSET)})
		where c.id = x.id`;
}

async function insertCandidates(
	tx: TransactionSql,
	items: { record: CandidateRecord; row: ReturnType<typeof toRow> }[]
): Promise<number[]> {
	let pending = items.map((item) => ({ ...item, ref: newPublicRef() }));
	const inserted: { id: number; item: (typeof pending)[number] }[] = [];
	// A random reference may, rarely, exist already: those rows simply draw again.
	for (let attempt = 0; pending.length > 0; attempt++) {
		if (attempt > 10) throw new Error('Could not draw unique public references');
		const rows = await tx<{ id: string; public_ref: string }[]>`
			insert into candidates (organisation, municipality_code, region_code, status, service_start,
				service_end, in_register, banenafspraak, beschut_werk, doelgroep, participatieladder,
				groeipotentieel, klantmanager_email, profile, profile_text, profile_text_state, quality,
				complete, counted, content_hash, source_updated_at, public_ref)
			select organisation, municipality_code, region_code, status, service_start, service_end,
				in_register, banenafspraak, beschut_werk, doelgroep, participatieladder, groeipotentieel,
				klantmanager_email, profile, profile_text, profile_text_state, quality, complete, counted,
				content_hash, source_updated_at, public_ref
			from jsonb_to_recordset(${tx.json(pending.map((p) => ({ ...p.row, public_ref: p.ref })) as never)})
				as x(${tx.unsafe(RECORDSET)})
			on conflict (public_ref) do nothing
			returning id, public_ref`;
		const byRef = new Map(rows.map((row) => [row.public_ref, Number(row.id)]));
		const retry: typeof pending = [];
		for (const item of pending) {
			const id = byRef.get(item.ref);
			byRef.delete(item.ref);
			if (id === undefined) retry.push({ ...item, ref: newPublicRef() });
			else inserted.push({ id, item });
		}
		pending = retry;
	}
	await tx`
		insert into candidate_source_ids (candidate_id, organisation, klantnummer)
		select * from unnest(${inserted.map((i) => i.id)}::bigint[],
			${inserted.map((i) => i.item.record.organisation)}::text[],
			${inserted.map((i) => i.item.record.klantnummer)}::text[])`;
	return inserted.map((i) => i.id);
}
