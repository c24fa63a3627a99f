import { error, type Handle } from '@sveltejs/kit';

/**
 * Control characters are never meaningful input here, and some reach places that choke on them (a NUL
 * byte in a PostgreSQL text parameter is an error, so it used to be a 500). Refused once, at the edge,
 * before any route runs: in the path, the query string and every field of a form. Form fields may hold
 * tabs and line breaks (text areas); nothing else below U+0020.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const IN_ADDRESS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const IN_FIELD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const MESSAGE =
	'Uw invoer bevat tekens die hier niet kunnen, zoals een onzichtbaar stuurteken. Haal ze weg en probeer het opnieuw.';

const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** Whether a body of this content type is read as a form here (and so must first pass the body limit). */
export const isFormBody = (contentType: string) => FORM.test(contentType);

function decoded(text: string): string {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		// Malformed escapes are SvelteKit's to refuse; what decodes is still checked below.
		return text;
	}
}

export function hasControlCharacters(url: URL): boolean {
	if (IN_ADDRESS.test(decoded(url.pathname))) return true;
	for (const [name, value] of url.searchParams) {
		if (IN_ADDRESS.test(name) || IN_ADDRESS.test(value)) return true;
	}
	return false;
}

async function formHasControlCharacters(request: Request): Promise<boolean> {
	let form: FormData;
	try {
		form = await request.clone().formData();
	} catch {
		return false; // not a readable form: the route gives its own answer
	}
	for (const [name, value] of form) {
		if (IN_FIELD.test(name) || (typeof value === 'string' && IN_FIELD.test(value))) return true;
	}
	return false;
}

/** Runs after the body limit, so a form it reads is at most 1 MB (the admin upload is not read here). */
export const handleControlCharacters: Handle = async ({ event, resolve }) => {
	if (hasControlCharacters(event.url)) error(400, MESSAGE);
	const { request } = event;
	const type = request.headers.get('content-type') ?? '';
	if (request.body && isFormBody(type) && !event.route.id?.startsWith('/beheer/import')) {
		if (await formHasControlCharacters(request)) error(400, MESSAGE);
	}
	return resolve(event);
};
