import { config } from '../config';

/** The public origin for links in mail sent outside a web request (scheduler). */
export function siteOrigin(): string {
	const cfg = config();
	return cfg.ORIGIN ?? `http://localhost:${cfg.PORT}`;
}

export const statusLink = (origin: string, token: string) => `${origin}/aanvraag/${token}`;
export const requestLink = (origin: string, id: number | string) => `${origin}/wsp/aanvragen/${id}`;
export const inboxLink = (origin: string) => `${origin}/wsp`;
/** "Wat u als werkgever kunt krijgen", with the regional additions of `regionCode` when given. */
export const instrumentsLink = (origin: string, regionCode?: string) =>
	`${origin}/voorzieningen${regionCode ? `?regio=${regionCode}` : ''}`;
