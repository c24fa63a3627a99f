import { formatInstant } from '$lib/time';

/**
 * The Dutch mail texts, plain language (B1). Staff mail never carries candidate or employer details,
 * only a link to the inbox behind the login: mail gets forwarded and stored in places we do not control.
 */
export interface MailText {
	subject: string;
	text: string;
}

const FOOTER = '\n\nMet vriendelijke groet,\nKandidatenverkenner\nDe werkgeversservicepunten';

export function employerConfirmation(input: {
	contactName: string;
	profileCount: number;
	statusUrl: string;
	dueAt: Date;
}): MailText {
	const what = input.profileCount === 1 ? 'een kandidaat' : `${input.profileCount} kandidaten`;
	return {
		subject: 'Uw aanvraag is ontvangen',
		text:
			`Beste ${input.contactName},\n\n` +
			`Bedankt voor uw interesse in ${what}. Wij hebben uw aanvraag ontvangen.\n\n` +
			`Wat gebeurt er nu?\n` +
			`Een adviseur van het werkgeversservicepunt neemt uiterlijk ${formatInstant(input.dueAt, 'deadline')} contact met u op.\n` +
			`De adviseur vraagt de kandidaat of die kennis wil maken. Pas als de kandidaat dat goed vindt, krijgt u de naam en contactgegevens.\n\n` +
			`Hier ziet u hoe het met uw aanvraag gaat (bewaar deze link, hij is alleen voor u):\n${input.statusUrl}` +
			FOOTER
	};
}

export function staffNotification(input: { requestUrl: string; dueAt: Date }): MailText {
	return {
		subject: 'Nieuwe aanvraag van een werkgever',
		text:
			`Er is een nieuwe aanvraag van een werkgever aan u toegewezen.\n\n` +
			`Neem uiterlijk ${formatInstant(input.dueAt, 'deadline')} contact op met de werkgever.\n\n` +
			`Bekijk de aanvraag (inloggen nodig):\n${input.requestUrl}` +
			FOOTER
	};
}

export function sharedMailboxNotification(input: { requestUrl: string; dueAt: Date }): MailText {
	return {
		subject: 'Nieuwe aanvraag: niemand in het team beschikbaar',
		text:
			`Er is een nieuwe aanvraag van een werkgever binnengekomen, maar niemand in het team was beschikbaar.\n` +
			`Wijs de aanvraag toe aan een collega. De werkgever verwacht uiterlijk ${formatInstant(input.dueAt, 'deadline')} contact.\n\n` +
			`Bekijk de aanvraag (inloggen nodig):\n${input.requestUrl}` +
			FOOTER
	};
}

export function escalation(input: { requestUrl: string; dueAt: Date }): MailText {
	return {
		subject: 'Aanvraag te laat: nog geen contact met de werkgever',
		text:
			`Bij een aanvraag is de werkgever nog niet gebeld of gemaild. Dat had uiterlijk ${formatInstant(input.dueAt, 'deadline')} moeten gebeuren.\n` +
			`U krijgt dit bericht als coördinator. Zorg dat iemand de aanvraag oppakt.\n\n` +
			`Bekijk de aanvraag (inloggen nodig):\n${input.requestUrl}` +
			FOOTER
	};
}

// Only a hash of the status token is stored, so later mail cannot carry the link: it points to the first mail.
const SEE_STATUS_PAGE =
	"U vindt dit ook op de pagina van uw aanvraag. Gebruik daarvoor de link uit onze eerste e-mail ('Uw aanvraag is ontvangen').";

export function employerStatusUpdate(input: { contactName: string; statusLabel: string }): MailText {
	return {
		subject: 'Nieuws over uw aanvraag',
		text:
			`Beste ${input.contactName},\n\n` +
			`De status van uw aanvraag is veranderd: ${input.statusLabel}.\n\n` +
			SEE_STATUS_PAGE +
			FOOTER
	};
}

export function employerReply(input: { contactName: string; wspName: string; reply: string }): MailText {
	return {
		subject: `Bericht van ${input.wspName} over uw aanvraag`,
		text:
			`Beste ${input.contactName},\n\n` +
			`De adviseur van ${input.wspName} stuurt u dit bericht:\n\n${input.reply}\n\n` +
			SEE_STATUS_PAGE +
			FOOTER
	};
}
