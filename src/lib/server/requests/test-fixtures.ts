import { randomBytes } from 'node:crypto';
import type { ProfileDocument } from '$search/document';
import type { Sql } from '../db/database';
import type { SessionUser } from '../auth/session-user';

/**
 * Rows for the request tests, inserted directly: staff users and published candidates with only the
 * columns the request flow reads. Not used by the application.
 */
export const REGION_A = { code: 'AM13', municipality: 'GM0344' };
export const REGION_B = { code: 'AM18', municipality: 'GM0363' };

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function testRef(): string {
	const b = randomBytes(8);
	const s = [...b].map((x) => ALPHABET[x % 32]).join('');
	return `KV-${s.slice(0, 4)}-${s.slice(4)}`;
}

export async function insertStaff(
	sql: Sql,
	input: {
		role?: SessionUser['role'];
		region?: string | null;
		coordinator?: boolean;
		name?: string;
		absentFrom?: Date | null;
		absentUntil?: Date | null;
		backupUserId?: string | null;
	} = {}
): Promise<SessionUser> {
	const id = randomBytes(12).toString('hex');
	const role = input.role ?? 'wsp';
	const email = `${id}@wsp.example`;
	const name = input.name ?? `Medewerker ${id.slice(0, 4)}`;
	const region = role === 'wsp' ? (input.region ?? REGION_A.code) : null;
	await sql`
		insert into users (id, email, name, role, region_code, is_coordinator, password_hash, absent_from,
			absent_until, backup_user_id)
		values (${id}, ${email}, ${name}, ${role}, ${region}, ${input.coordinator ?? false}, 'not-a-real-hash',
			${input.absentFrom ?? null}, ${input.absentUntil ?? null}, ${input.backupUserId ?? null})`;
	return { id, email, name, role, regionCode: region, isCoordinator: input.coordinator ?? false };
}

export function testDocument(ref: string, region: { code: string; municipality: string }): ProfileDocument {
	return {
		id: ref,
		title: 'Wil werken in logistiek; kan orderpicken',
		summary: '',
		region: region.code,
		regionName: region.code === 'AM13' ? 'Midden-Utrecht' : 'Groot Amsterdam',
		municipality: region.municipality,
		municipalityName: null,
		educationLevel: 'mbo-2',
		educationLabel: 'Mbo 2',
		sectors: ['logistiek'],
		sectorLabels: ['Logistiek'],
		taskTypes: [],
		taskTypesIndependent: [],
		taskTypeLabels: [],
		affinities: [],
		affinityLabels: [],
		competences: [],
		competenceLabels: [],
		experience: [],
		hoursPerWeek: [16, 24],
		hoursMin: 16,
		hoursMax: 24,
		hoursBand: '20-28',
		dayParts: [],
		availability: 'direct',
		travelDistanceKm: 10,
		reachableMunicipalities: [],
		transport: [],
		driversLicence: [],
		hasDriversLicence: false,
		_geo: { lat: 52, lng: 5 },
		updatedAt: 0,
		updatedPeriod: '',
		publishedAt: 0
	};
}

/** A published candidate of `region`, optionally with their own consultant's address. */
export async function insertCandidate(
	sql: Sql,
	region = REGION_A,
	options: { consultantEmail?: string | null; published?: boolean } = {}
): Promise<string> {
	const ref = testRef();
	const [c] = await sql`
		insert into candidates (public_ref, organisation, municipality_code, region_code, status, service_start,
			in_register, banenafspraak, beschut_werk, klantmanager_email, profile, quality, complete, counted,
			published, content_hash, source_updated_at)
		values (${ref}, ${region.municipality}, ${region.municipality}, ${region.code}, 'ingeschreven', '2024-01-01',
			false, false, false, ${options.consultantEmail ?? null}, '{}', 'J', true, true, true, 'h', '2024-01-01')
		returning id`;
	await sql`
		insert into candidate_source_ids (candidate_id, organisation, klantnummer)
		values (${c.id}, ${region.municipality}, ${'K' + randomBytes(4).toString('hex')})`;
	if (options.published !== false) {
		await sql`
			insert into public_profiles (public_ref, candidate_id, region_code, municipality_code, document, source_key)
			values (${ref}, ${c.id}, ${region.code}, ${region.municipality}, ${sql.json(JSON.parse(JSON.stringify(testDocument(ref, region))))}, 'h')`;
	}
	return ref;
}

export async function unpublish(sql: Sql, ref: string): Promise<void> {
	await sql`delete from public_profiles where public_ref = ${ref}`;
	await sql`update candidates set published = false where public_ref = ${ref}`;
}

/** A KvK number no other test uses: the fixed contact is remembered per company. */
export const newKvk = () => String(10_000_000 + (randomBytes(4).readUInt32BE() % 90_000_000));

export const EMPLOYER = {
	companyName: 'Bakkerij De Korenschoof',
	kvkNumber: '12345678',
	workMunicipalityCode: REGION_A.municipality,
	contactName: 'Jan Jansen',
	email: 'jan@korenschoof.example',
	phone: '030 1234567',
	jobTitle: 'Inpakken van brood',
	hoursPerWeek: 20,
	startDate: null,
	message: 'Wij zoeken iemand voor de ochtend.'
};
