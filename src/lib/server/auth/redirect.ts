import type { Role } from './session-user';

const BASE = new URL('http://kandidatenverkenner.invalid');
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Two slashes (either way round) at the start: a browser reads what follows as a host. */
const HOST_START = /^[/\\]{2}/;

/**
 * Where `?terug=` may send someone after logging in: a path on this site only. The value is normalised
 * first (dot segments, backslashes, percent-encoding) and only then checked, because `/..//evil.example`
 * normalises to `//evil.example`, which a browser follows to another host. Anything doubtful falls back.
 */
export function safeRedirectTarget(terug: string | null | undefined, fallback: string): string {
	if (!terug || CONTROL.test(terug) || !terug.startsWith('/') || terug.includes('\\')) return fallback;
	let target: URL;
	try {
		target = new URL(terug, BASE);
	} catch {
		return fallback;
	}
	if (target.origin !== BASE.origin) return fallback;
	const path = target.pathname + target.search + target.hash;
	if (HOST_START.test(path) || !sameOrigin(path)) return fallback;
	// An encoded slash or backslash at the start turns into a host for any proxy that decodes it.
	let decoded: string;
	try {
		decoded = decodeURIComponent(target.pathname);
	} catch {
		return fallback;
	}
	return HOST_START.test(decoded) || CONTROL.test(decoded) ? fallback : path;
}

/** Read the result once more, as the browser will from a `Location` header. */
function sameOrigin(path: string): boolean {
	try {
		return new URL(path, BASE).origin === BASE.origin;
	} catch {
		return false;
	}
}

/** The page each role starts on after logging in. */
export function homeFor(role: Role): string {
	if (role === 'admin') return '/beheer';
	if (role === 'wsp') return '/wsp';
	return '/zoekopdrachten';
}
