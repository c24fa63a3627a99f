import type { ParamMatcher } from '@sveltejs/kit';

/** Public references look like KV-4F7K-92QD (no 0/O/1/I); lower case in a typed URL is forgiven. */
export const match: ParamMatcher = (param) => /^KV-[A-Z2-9]{4}-[A-Z2-9]{4}$/i.test(param);
