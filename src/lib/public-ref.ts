import * as v from 'valibot';

/**
 * The one shape of a public reference such as `KV-4F7K-92QD`, for the server, the browser and the route
 * matcher alike. No 0/O or 1/I: people read these references aloud and type them over.
 */
export const PUBLIC_REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const PUBLIC_REF_PATTERN = /^KV-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** Typed or pasted: spaces around it and lower case are forgiven. */
export const normalisePublicRef = (value: string) => value.trim().toUpperCase();

export const isPublicRef = (value: string) => PUBLIC_REF_PATTERN.test(normalisePublicRef(value));

/** A form field holding a reference, with a Dutch message (valibot's own is English). */
export const publicRefField = (message = 'Dit is geen kandidaatcode zoals KV-4F7K-92QD.') =>
	v.pipe(v.string(), v.transform(normalisePublicRef), v.regex(PUBLIC_REF_PATTERN, message));
