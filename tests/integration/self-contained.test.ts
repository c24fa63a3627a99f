import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FOLDERS = ['src', 'search', 'tests', 'scripts'];
// Built from parts so this file does not match itself.
const OUTSIDE = [new RegExp(['', 'work', ''].join('/')), new RegExp(['\\.\\.', 'shared'].join('/'))];

function* sourceFiles(folder: string): Generator<string> {
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) yield* sourceFiles(path);
		else if (/\.(ts|js|svelte|json)$/.test(entry.name)) yield path;
	}
}

describe('a fresh clone', () => {
	it('has code and tests that read nothing outside the repository', () => {
		const offenders = FOLDERS.flatMap((folder) => [...sourceFiles(join(ROOT, folder))])
			.filter((file) => OUTSIDE.some((pattern) => pattern.test(readFileSync(file, 'utf8'))))
			.map((file) => relative(ROOT, file));
		expect(offenders).toEqual([]);
	});
});
