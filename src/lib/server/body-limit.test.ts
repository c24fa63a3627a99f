import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY, maxBodyFor, UPLOAD_MAX_BODY } from './body-limit';

describe('maxBodyFor', () => {
	it('allows large exports only to an administrator on the import page', () => {
		expect(maxBodyFor('/beheer/import', 'admin')).toBe(UPLOAD_MAX_BODY);
		expect(maxBodyFor('/beheer/import', 'wsp')).toBe(DEFAULT_MAX_BODY);
		expect(maxBodyFor('/beheer/import', undefined)).toBe(DEFAULT_MAX_BODY);
	});

	it('keeps public forms and APIs at 1 MB', () => {
		expect(maxBodyFor('/interesse', undefined)).toBe(DEFAULT_MAX_BODY);
		expect(maxBodyFor('/api/search/multi-search', 'admin')).toBe(DEFAULT_MAX_BODY);
		expect(maxBodyFor(null, undefined)).toBe(DEFAULT_MAX_BODY);
	});
});
