import type { Role } from './session-user';

/**
 * Where `?terug=` may send someone after logging in: a path on this site only. Anything that a browser
 * could read as another host (`//evil.example`, `/\evil.example`, `https://...`) falls back to `fallback`.
 */
export function safeRedirectTarget(terug: string | null | undefined, fallback: string): string {
	if (!terug || !terug.startsWith('/') || terug.startsWith('//') || terug.startsWith('/\\')) {
		return fallback;
	}
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(terug)) return fallback;
	const base = new URL('http://kandidatenverkenner.invalid');
	const target = new URL(terug, base);
	if (target.origin !== base.origin) return fallback;
	return target.pathname + target.search + target.hash;
}

/** The page each role starts on after logging in. */
export function homeFor(role: Role): string {
	if (role === 'admin') return '/beheer';
	if (role === 'wsp') return '/wsp';
	return '/zoekopdrachten';
}
