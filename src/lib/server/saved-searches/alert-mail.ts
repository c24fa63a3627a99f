import { formatHours, plural, regionLabel } from '$lib/format';
import type { CandidateLine } from './results';

export interface AlertMailInput {
	searchName: string;
	candidates: CandidateLine[];
	/** All new matches; more than `candidates` when the list was cut short. */
	total: number;
	origin: string;
	searchId: string;
	query: string;
	unsubscribeToken: string;
}

const SUMMARY_MAX = 200;
const INTEREST_MAX = 10;

function shorten(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > SUMMARY_MAX ? flat.slice(0, SUMMARY_MAX - 1).trimEnd() + '…' : flat;
}

/**
 * Public references and the published summary only, the same as anyone sees on the site. The
 * unsubscribe link works without logging in, from the text and from the mail program's own button:
 * `List-Unsubscribe` with `List-Unsubscribe-Post` is RFC 8058 one-click, a POST to that same link.
 */
export function alertMail(input: AlertMailInput): {
	subject: string;
	text: string;
	headers: Record<string, string>;
} {
	const { origin } = input;
	const unsubscribeUrl = `${origin}/afmelden/${input.unsubscribeToken}`;
	const lines = input.candidates.flatMap((c) => {
		const place = c.municipalityName
			? `${c.municipalityName} (${regionLabel(c.regionName)})`
			: regionLabel(c.regionName);
		const summary = shorten(c.summary);
		return [
			`${c.id} – ${c.title}`,
			`${place} · ${formatHours(c.hoursMin, c.hoursMax)}`,
			...(summary ? [summary] : []),
			`${origin}/kandidaten/${c.id}`,
			''
		];
	});
	const more = input.total > input.candidates.length;
	const interest = new URLSearchParams(
		input.candidates.slice(0, INTEREST_MAX).map((c) => ['kandidaat', c.id])
	).toString();
	return {
		subject: `${plural(input.total, 'nieuwe kandidaat', 'nieuwe kandidaten')} voor ‘${input.searchName}’`,
		text: [
			'Goedendag,',
			'',
			`Sinds ons vorige bericht ${input.total === 1 ? 'past' : 'passen'} ${plural(input.total, 'nieuwe kandidaat', 'nieuwe kandidaten')} bij uw zoekopdracht ‘${input.searchName}’.`,
			...(more ? [`Hieronder staan de eerste ${input.candidates.length}.`] : []),
			'',
			...lines,
			'Interesse in een of meer van deze kandidaten? Kies ze op de pagina van uw zoekopdracht:',
			`${origin}/zoekopdrachten/${input.searchId}`,
			...(interest
				? ['Of laat meteen weten dat u interesse hebt in deze kandidaten:', `${origin}/interesse?${interest}`]
				: []),
			'',
			'Alle kandidaten die bij deze zoekopdracht passen:',
			`${origin}/kandidaten${input.query ? `?${input.query}` : ''}`,
			'',
			'Wilt u deze e-mails over deze zoekopdracht niet meer krijgen? Zet ze uit met deze link. U hoeft',
			'daarvoor niet in te loggen:',
			unsubscribeUrl,
			'',
			'Met vriendelijke groet,',
			'Kandidatenverkenner'
		].join('\n'),
		headers: {
			'List-Unsubscribe': `<${unsubscribeUrl}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	};
}
