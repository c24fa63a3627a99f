/**
 * Builds `src/lib/server/transparency/region-map.json` from `reference/gemeenten-2025.geojson`: SVG paths per
 * municipality and per labour market region (municipalities dissolved). Run again when the reference
 * geography changes: `npx tsx scripts/region-map.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import places from '../src/lib/reference/places.json';

type Ring = [number, number][];
interface Feature {
	properties: { statcode: string };
	geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

// Degrees of longitude are shorter than degrees of latitude at 52°N; without this the country looks wide.
const LON_SCALE = Math.cos((52.2 * Math.PI) / 180);
const HEIGHT = 1000;
const LAT_MAX = 53.56;
const LAT_MIN = 50.75;
const LON_MIN = 3.35;
const unit = HEIGHT / (LAT_MAX - LAT_MIN);

const project = ([lon, lat]: [number, number]): [number, number] => [
	Math.round((lon - LON_MIN) * LON_SCALE * unit),
	Math.round((LAT_MAX - lat) * unit)
];

function ringsOf(feature: Feature): Ring[] {
	return feature.geometry.type === 'Polygon'
		? feature.geometry.coordinates
		: feature.geometry.coordinates.flat();
}

function pathOf(rings: Ring[]): string {
	const parts: string[] = [];
	for (const ring of rings) {
		const points: [number, number][] = [];
		for (const p of ring.map(project)) {
			const last = points[points.length - 1];
			if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
		}
		if (points.length < 4) continue;
		parts.push('M' + points.map(([x, y]) => `${x} ${y}`).join('L') + 'Z');
	}
	return parts.join('');
}

/**
 * Neighbouring municipalities share their boundary vertices exactly in this source, so a region's outline
 * is every edge that is not shared by two of its municipalities, chained back into rings.
 */
function dissolve(rings: Ring[]): Ring[] {
	const key = (p: [number, number]) => `${p[0]},${p[1]}`;
	const edges = new Map<string, { from: [number, number]; to: [number, number] }>();
	for (const ring of rings) {
		for (let i = 0; i + 1 < ring.length; i++) {
			const from = ring[i];
			const to = ring[i + 1];
			const reverse = `${key(to)}>${key(from)}`;
			if (edges.has(reverse)) edges.delete(reverse);
			else edges.set(`${key(from)}>${key(to)}`, { from, to });
		}
	}
	const outgoing = new Map<string, { from: [number, number]; to: [number, number] }[]>();
	for (const edge of edges.values()) {
		const list = outgoing.get(key(edge.from)) ?? [];
		list.push(edge);
		outgoing.set(key(edge.from), list);
	}
	const result: Ring[] = [];
	for (const [start, list] of outgoing) {
		while (list.length > 0) {
			const ring: Ring = [list[0].from];
			let at = start;
			for (;;) {
				const next = outgoing.get(at)?.pop();
				if (!next) break;
				ring.push(next.to);
				at = key(next.to);
				if (at === start) break;
			}
			result.push(ring);
		}
	}
	return result;
}

const geojson = JSON.parse(readFileSync('reference/gemeenten-2025.geojson', 'utf8')) as {
	features: Feature[];
};
const regionOf = new Map(places.municipalities.map((m) => [m.code, m.region]));
const municipalities: Record<string, string> = {};
const regionRings = new Map<string, Ring[]>();
for (const feature of geojson.features) {
	const code = feature.properties.statcode;
	const region = regionOf.get(code);
	if (!region) throw new Error(`Municipality ${code} has no labour market region in places.json`);
	municipalities[code] = pathOf(ringsOf(feature));
	regionRings.set(region, [...(regionRings.get(region) ?? []), ...ringsOf(feature)]);
}
const regions: Record<string, string> = {};
for (const [code, rings] of [...regionRings].sort()) regions[code] = pathOf(dissolve(rings));

let width = 0;
for (const path of Object.values(municipalities)) {
	for (const match of path.matchAll(/[ML](\d+) /g)) width = Math.max(width, Number(match[1]));
}
const out = 'src/lib/server/transparency/region-map.json';
const json = JSON.stringify({ width: width + 2, height: HEIGHT + 2, regions, municipalities });
writeFileSync(out, json + '\n');
console.log(`${out}: ${(json.length / 1024).toFixed(0)} kB, ${Object.keys(regions).length} regions`);
