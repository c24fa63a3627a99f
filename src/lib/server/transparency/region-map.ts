import geometry from './region-map.json';

/** Five classes of the share with a complete profile; light to dark, readable in greyscale too. */
export const MAP_CLASSES = [
	{ from: 0, to: 0.2, fill: '#e3eef8', label: 'minder dan 20%' },
	{ from: 0.2, to: 0.4, fill: '#a9cbe8', label: '20% tot 40%' },
	{ from: 0.4, to: 0.6, fill: '#5f9fd2', label: '40% tot 60%' },
	{ from: 0.6, to: 0.8, fill: '#2a6aa8', label: '60% tot 80%' },
	{ from: 0.8, to: 1.01, fill: '#0b2848', label: '80% of meer' }
] as const;
export const NO_FIGURE = { fill: '#ffffff', label: 'geen cijfer (te weinig kandidaten)' };

export interface MapArea {
	code: string;
	name: string;
	path: string;
	fill: string;
	/** Read out as the area's title: name and figure. */
	title: string;
}

export interface RegionMapModel {
	viewBox: string;
	areas: MapArea[];
	legend: { fill: string; label: string }[];
}

function fillFor(share: number | null): string {
	if (share === null) return NO_FIGURE.fill;
	return (MAP_CLASSES.find((c) => share >= c.from && share < c.to) ?? MAP_CLASSES[4]).fill;
}

const percent = (share: number | null) =>
	share === null ? 'geen cijfer' : `${Math.round(share * 100)}% met profiel`;

/**
 * Inline SVG for the given areas (region codes AMxx or municipality codes GMxxxx), coloured by share.
 * The viewBox is fitted to the areas, so a region map shows just that region.
 */
export function regionMap(items: { code: string; name: string; share: number | null }[]): RegionMapModel {
	const areas: MapArea[] = [];
	for (const item of items) {
		const path = item.code.startsWith('GM')
			? (geometry.municipalities as Record<string, string>)[item.code]
			: (geometry.regions as Record<string, string>)[item.code];
		if (!path) continue;
		areas.push({
			code: item.code,
			name: item.name,
			path,
			fill: fillFor(item.share),
			title: `${item.name}: ${percent(item.share)}`
		});
	}
	return {
		viewBox: fitViewBox(areas.map((a) => a.path)),
		areas,
		legend: [...MAP_CLASSES.map(({ fill, label }) => ({ fill, label })), NO_FIGURE]
	};
}

function fitViewBox(paths: string[]): string {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const path of paths) {
		for (const [, x, y] of path.matchAll(/(\d+) (\d+)/g)) {
			minX = Math.min(minX, Number(x));
			maxX = Math.max(maxX, Number(x));
			minY = Math.min(minY, Number(y));
			maxY = Math.max(maxY, Number(y));
		}
	}
	if (!Number.isFinite(minX)) return `0 0 ${geometry.width} ${geometry.height}`;
	const margin = Math.max(4, (maxX - minX) * 0.02);
	return [minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin]
		.map((n) => Math.round(n))
		.join(' ');
}
