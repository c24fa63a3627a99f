import type { Queryable } from '../db/database';

/**
 * Where the work is, as a municipality code: employers type a place name or a postcode ("3511", or a
 * full "3511 AB", of which the four digits are enough).
 */
export async function resolveWorkLocation(sql: Queryable, input: string): Promise<string | null> {
	const value = input.trim();
	const postcode = /^([1-9]\d{3})\s*([a-zA-Z]{2})?$/.exec(value);
	if (postcode) {
		const [row] = await sql`select municipality_code from postcode_areas where postcode4 = ${postcode[1]}`;
		return row?.municipality_code ?? null;
	}
	const [row] = await sql`
		select code from municipalities
		where lower(name) = lower(${value}) or lower(cbs_name) = lower(${value})
		order by code limit 1`;
	return row?.code ?? null;
}
