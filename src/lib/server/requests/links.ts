import { config } from '../config';

/**
 * The public origin for every link in a mail: configured, never the request's Host header (which anyone
 * can set). A start of the built app refuses to run without ORIGIN; the fallback serves `vite dev`.
 */
export function siteOrigin(): string {
	const cfg = config();
	return cfg.ORIGIN ?? `http://localhost:${cfg.PORT}`;
}

export const statusLink = (origin: string, token: string) => `${origin}/aanvraag/${token}`;
export const requestLink = (origin: string, id: number | string) => `${origin}/wsp/aanvragen/${id}`;
/** "Wat u als werkgever kunt krijgen", with the regional additions of `regionCode` when given. */
export const instrumentsLink = (origin: string, regionCode?: string) =>
	`${origin}/voorzieningen${regionCode ? `?regio=${regionCode}` : ''}`;
