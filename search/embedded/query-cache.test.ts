import { describe, expect, it } from 'vitest';
import { randomProfileDocuments } from '../testing/random-documents';
import { createEmbeddedEngine } from './embedded-engine';
import { memoized } from './query-cache';

const index = createEmbeddedEngine({ documents: randomProfileDocuments(50, 3) }).snapshot;
const MB = 2 ** 20;

describe('the memo of one-word answers', () => {
	it('holds at most 32 MB of answers, evicting the least recently used, and always the newest', () => {
		const computed: string[] = [];
		const entry = (key: string, megabytes: number) =>
			memoized(
				index,
				key,
				() => {
					computed.push(key);
					return megabytes;
				},
				'words',
				(mb) => mb * MB
			);
		entry('a', 12);
		entry('b', 12);
		entry('a', 12); // used again: b is now the least recently used
		entry('c', 12); // 36 MB: b goes
		expect(computed).toEqual(['a', 'b', 'c']);
		entry('a', 12);
		entry('c', 12);
		entry('b', 12); // b again: computed anew, and a (least recently used) goes
		expect(computed).toEqual(['a', 'b', 'c', 'b']);
		entry('huge', 40); // over the budget alone: kept, everything else goes
		entry('huge', 40);
		entry('c', 12);
		expect(computed).toEqual(['a', 'b', 'c', 'b', 'huge', 'c']);
	});
});
