import { municipalities, regions } from './reference';

/** Published travel distances (km). A candidate's distance is rounded DOWN to a step: never over-claim. */
export const TRAVEL_STEPS = [5, 10, 15, 25, 40, 60] as const;
/** Coarser steps, used when the finer ones would single a candidate out. */
export const TRAVEL_STEPS_COARSE = [5, 15, 40] as const;

export function travelStep(km: number | null, steps: readonly number[] = TRAVEL_STEPS): number {
	if (km === null) return steps[0];
	let step = steps[0];
	for (const candidate of steps) if (candidate <= km) step = candidate;
	return step;
}

export interface Point {
	lat: number;
	lng: number;
}

const municipalitiesByRegion = new Map<string, string[]>();
for (const m of municipalities.values()) {
	const list = municipalitiesByRegion.get(m.region) ?? [];
	list.push(m.code);
	municipalitiesByRegion.set(m.region, list);
}

export function municipalitiesOf(region: string): string[] {
	return municipalitiesByRegion.get(region) ?? [];
}

function distanceKm(a: Point, b: Point): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLng = (b.lng - a.lng) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function pointOf(code: string): Point {
	const m = municipalities.get(code);
	if (!m) throw new Error(`Unknown municipality ${code}`);
	return { lat: m.lat, lng: m.lon };
}

const regionCentroids = new Map<string, Point>();

/** Mean of the region's municipality centroids: a point inside the region, naming no municipality. */
export function centroidOf(location: string): Point {
	if (location.startsWith('GM')) return pointOf(location);
	let point = regionCentroids.get(location);
	if (!point) {
		const members = municipalitiesOf(location).map(pointOf);
		if (members.length === 0) throw new Error(`Unknown region ${location}`);
		point = {
			lat: round5(members.reduce((sum, p) => sum + p.lat, 0) / members.length),
			lng: round5(members.reduce((sum, p) => sum + p.lng, 0) / members.length)
		};
		regionCentroids.set(location, point);
	}
	return point;
}

const reachableCache = new Map<string, string[]>();

/**
 * Municipalities within `km` of the PUBLISHED location, never of the home municipality (that would leak
 * it). For a region, only those within reach of every municipality of the region: whichever one the
 * candidate lives in, they can reach it. Conservative: a short distance at region level reaches none.
 */
export function reachableFrom(location: string, km: number): string[] {
	const key = `${location}:${km}`;
	let result = reachableCache.get(key);
	if (!result) {
		const origins = location.startsWith('GM') ? [location] : municipalitiesOf(location);
		const points = origins.map(pointOf);
		result = [...municipalities.keys()]
			.filter((code) => {
				const target = pointOf(code);
				return points.every((origin) => distanceKm(origin, target) <= km);
			})
			.sort();
		reachableCache.set(key, result);
	}
	return result;
}

export function regionName(code: string): string {
	return regions.get(code)?.name ?? code;
}

function round5(value: number): number {
	return Math.round(value * 1e5) / 1e5;
}
