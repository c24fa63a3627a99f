import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FilterInput } from '../engine';
import { SearchError } from '../search-error';
import { PROFILE_INDEX } from '../index-definition';
import type { FilterNode } from './ast';
import { checkFilterAttributes } from './check';
import { parseFilter, parseFilterExpression } from './parse';

const eq = (attribute: string, value: string): FilterNode => ({ type: 'equals', attribute, value });
const not = (child: FilterNode): FilterNode => ({ type: 'not', child });
const range = (
	attribute: string,
	min: number | null,
	minInclusive: boolean,
	max: number | null,
	maxInclusive: boolean
): FilterNode => ({
	type: 'range',
	attribute,
	min,
	minInclusive,
	max,
	maxInclusive
});

function parseError(source: string): string {
	try {
		parseFilterExpression(source);
	} catch (error) {
		expect(error).toBeInstanceOf(SearchError);
		expect((error as SearchError).code).toBe('invalid_search_filter');
		return (error as SearchError).message;
	}
	throw new Error(`parsed: ${source}`);
}

describe('parseFilter on the captured instant-meilisearch filters', () => {
	const filters = readFileSync(
		new URL('../../tests/fixtures/search/instant-meilisearch-filters.jsonl', import.meta.url),
		'utf8'
	)
		.trim()
		.split('\n')
		.flatMap((line) =>
			(JSON.parse(line) as { body: { queries: { filter?: FilterInput }[] } }).body.queries.map(
				(q) => q.filter
			)
		);

	it('parses every captured filter and accepts its attributes', () => {
		for (const filter of filters) {
			const node = parseFilter(filter);
			if (node) checkFilterAttributes(node, PROFILE_INDEX.filterableAttributes);
		}
		expect(filters.length).toBeGreaterThan(5);
	});

	it('reads the full disjunctive request as AND of clauses with OR groups, escapes undone', () => {
		const node = parseFilter(filters[2] ?? null);
		expect(node).toEqual({
			type: 'and',
			children: [
				{ type: 'and', children: [eq('driversLicence', 'true'), not(eq('municipality', 'Zandslo'))] },
				range('travelDistanceKm', 10, true, null, false),
				range('travelDistanceKm', null, false, 25, true),
				range('hoursPerWeek', 16, true, null, false),
				range('hoursPerWeek', null, false, 32, true),
				eq('taskTypes', 'Kassawerk'),
				eq('taskTypes', 'Koken'),
				eq('driversLicence', 'true'),
				{
					type: 'or',
					children: [
						eq('region', 'Kolon: waarde'),
						eq('region', 'Quote "x" \\ back'),
						eq('region', 'Zaanstreek/Waterland')
					]
				},
				eq('educationLevel', 'MBO 2-4')
			]
		});
	});
});

describe('parseFilterExpression', () => {
	it('gives AND precedence over OR and honours parentheses', () => {
		expect(parseFilterExpression('a = 1 OR b = 2 AND c = 3')).toEqual({
			type: 'or',
			children: [eq('a', '1'), { type: 'and', children: [eq('b', '2'), eq('c', '3')] }]
		});
		expect(parseFilterExpression('(a = 1 OR b = 2) AND c = 3')).toEqual({
			type: 'and',
			children: [{ type: 'or', children: [eq('a', '1'), eq('b', '2')] }, eq('c', '3')]
		});
	});

	it('turns every comparison into ranges and negations', () => {
		expect(parseFilterExpression('x > 1')).toEqual(range('x', 1, false, null, false));
		expect(parseFilterExpression('x < -2.5')).toEqual(range('x', null, false, -2.5, false));
		expect(parseFilterExpression('x 3 TO 5')).toEqual(range('x', 3, true, 5, true));
		expect(parseFilterExpression('x != y')).toEqual(not(eq('x', 'y')));
		expect(parseFilterExpression('NOT NOT x = y')).toEqual(eq('x', 'y'));
	});

	it('supports IN, NOT IN, EXISTS, IS NULL, IS EMPTY and their negations', () => {
		expect(parseFilterExpression('x IN [a, \'b c\', "d",]')).toEqual({
			type: 'or',
			children: [eq('x', 'a'), eq('x', 'b c'), eq('x', 'd')]
		});
		expect(parseFilterExpression('x NOT IN [a]')).toEqual(not({ type: 'or', children: [eq('x', 'a')] }));
		expect(parseFilterExpression('x IN []')).toEqual({ type: 'or', children: [] });
		expect(parseFilterExpression('x EXISTS')).toEqual({ type: 'exists', attribute: 'x' });
		expect(parseFilterExpression('x NOT EXISTS')).toEqual(not({ type: 'exists', attribute: 'x' }));
		expect(parseFilterExpression('x IS NULL')).toEqual({ type: 'isNull', attribute: 'x' });
		expect(parseFilterExpression('x IS NOT EMPTY')).toEqual(not({ type: 'isEmpty', attribute: 'x' }));
	});

	it('reads geo functions', () => {
		expect(parseFilterExpression('_geoRadius(52.1, 4.3, 2000)')).toEqual({
			type: 'geoRadius',
			lat: 52.1,
			lng: 4.3,
			radius: 2000
		});
		expect(parseFilterExpression('_geoBoundingBox([53, 6], [51, 3.5])')).toEqual({
			type: 'geoBoundingBox',
			top: 53,
			right: 6,
			bottom: 51,
			left: 3.5
		});
	});

	it('undoes backslash escapes of quotes and backslashes only', () => {
		expect(parseFilterExpression(String.raw`a = "say \"hi\""`)).toEqual(eq('a', 'say "hi"'));
		expect(parseFilterExpression(String.raw`a = 'it\'s'`)).toEqual(eq('a', "it's"));
		expect(parseFilterExpression(String.raw`a = "back\\slash"`)).toEqual(eq('a', 'back\\slash'));
		expect(parseFilterExpression(String.raw`a = "tab\t"`)).toEqual(eq('a', 'tab\\t'));
		expect(parseFilterExpression(`"dog race" = 'Bernese Mountain'`)).toEqual(
			eq('dog race', 'Bernese Mountain')
		);
	});

	it('treats blank filters as no filter and skips blank array items', () => {
		expect(parseFilter('  ')).toBeNull();
		expect(parseFilter([])).toBeNull();
		expect(parseFilter(['', ['a = 1']])).toEqual(eq('a', '1'));
	});

	it('explains syntax errors with the position, like Meilisearch', () => {
		expect(parseError('a =')).toContain('Was expecting a value but instead got nothing.');
		expect(parseError('a = 1 AND')).toContain('Was expecting');
		expect(parseError('(a = 1')).toContain('missing the following closing delimiter: `)`');
		expect(parseError('a = "open')).toContain('closing delimiter');
		expect(parseError('a')).toContain('Was expecting an operation');
		expect(parseError('a > b')).toContain('Expected a number');
		expect(parseError('a = AND')).toContain('reserved keyword');
		expect(parseError('a = 1 b = 2')).toContain('unexpected characters');
		expect(parseError('_geoRadius(1, 2)')).toContain('three arguments');
		expect(parseError('_geoRadius(100, 2, 3)')).toContain('Bad latitude');
		expect(parseError('_geoPoint(1, 2) = 3')).toContain('reserved keyword');
		expect(parseError('a = 1 and b = 2')).toContain('\n');
	});
});

describe('checkFilterAttributes', () => {
	const check = (source: string) => () =>
		checkFilterAttributes(parseFilterExpression(source)!, PROFILE_INDEX.filterableAttributes);

	it('rejects attributes that are not filterable, naming them', () => {
		expect(check('title = kok')).toThrow(/Attribute `title` is not filterable/);
		expect(check('sectors = zorg OR NOT summary EXISTS')).toThrow(/`summary`/);
		expect(check('_geo = 1')).toThrow(/reserved keyword/);
	});

	it('accepts filterable attributes and geo functions', () => {
		expect(check('sectors = zorg AND _geoRadius(52, 4, 1000) AND hoursPerWeek 8 TO 16')).not.toThrow();
	});
});
