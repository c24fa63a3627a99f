import type { Workplace } from '$lib/search-page/search-query';
import type { Queryable } from './db/database';

const POSTCODE = /^([1-9][0-9]{3})\s?([a-zA-Z]{2})?$/;

function normalise(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

interface Municipality {
	code: string;
	name: string;
	lat: number;
	lon: number;
	/** `normalise` of the name and of the CBS name, made once. */
	keys: [string, string];
}

// The municipalities are reference data, written only by a migration: read once per database and kept,
// instead of 342 rows fetched and 684 names normalised on every search with a work location.
const municipalitiesOf = new WeakMap<Queryable, Promise<Municipality[]>>();

function municipalities(sql: Queryable): Promise<Municipality[]> {
	let found = municipalitiesOf.get(sql);
	if (!found) {
		found = sql<{ code: string; name: string; cbs_name: string; lat: number; lon: number }[]>`
			select code, name, cbs_name, lat, lon from municipalities`.then((rows) =>
			rows.map((m) => ({
				code: m.code,
				name: m.name,
				lat: m.lat,
				lon: m.lon,
				keys: [normalise(m.name), normalise(m.cbs_name)]
			}))
		);
		// A failed read is not kept: the next search asks again.
		found.catch(() => municipalitiesOf.delete(sql));
		municipalitiesOf.set(sql, found);
	}
	return found;
}

/**
 * Turns what an employer typed as work location (a municipality name, a CBS code, or a postcode with or
 * without letters) into the municipality we search reachability on. Distances are measured from the
 * postcode area when one is given, which is closer to the real workplace than the municipality centre.
 */
export async function resolveWorkplace(sql: Queryable, input: string): Promise<Workplace | null> {
	const text = input.trim();
	if (!text) return null;
	const postcode = POSTCODE.exec(text);
	if (postcode) {
		const [row] = await sql<{ code: string; name: string; lat: number; lon: number }[]>`
			select m.code, m.name, p.lat, p.lon from postcode_areas p
			join municipalities m on m.code = p.municipality_code
			where p.postcode4 = ${postcode[1]}`;
		return row ? { code: row.code, name: `${postcode[1]} (${row.name})`, lat: row.lat, lon: row.lon } : null;
	}
	const rows = await municipalities(sql);
	const wanted = normalise(text);
	const code = text.toLowerCase();
	const match =
		rows.find((m) => m.code.toLowerCase() === code) ??
		rows.find((m) => m.keys[0] === wanted || m.keys[1] === wanted) ??
		(wanted === 'den haag' || wanted === 's gravenhage' ? rows.find((m) => m.code === 'GM0518') : undefined);
	return match ? { code: match.code, name: match.name, lat: match.lat, lon: match.lon } : null;
}
