import type { ParamMatcher } from '@sveltejs/kit';
import { isPublicRef } from '$lib/public-ref';

/** Public references look like KV-4F7K-92QD; lower case in a typed URL is forgiven. */
export const match: ParamMatcher = (param) => isPublicRef(param);
