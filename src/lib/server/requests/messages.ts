import { formatInstant } from '$lib/time';

/**
 * The Dutch mail texts, plain language (B1). Staff mail never carries candidate or employer details,
 * only a link to the inbox behind the login: mail gets forwarded and stored in places we do not control.
 * Employer mail names the candidates only by public reference and profile title, which the employer saw.
 */
export interface MailText {
	subject: string;
	text: string;
}

/** Who the employer deals with: the responsible adviser once assigned, else the WSP itself. */
export interface EmployerContact {
	adviser: { name: string; email: string; phone: string | null } | null;
	wsp: { name: string; mailbox: string | null; phone: string | null };
}

export interface CandidateLine {
	publicRef: string;
	title: string;
}

const FOOTER = '\n\nMet vriendelijke groet,\nKandidatenverkenner\nDe werkgeversservicepunten';

const candidateName = (line: CandidateLine) => `${line.publicRef} (${line.title})`;
const candidateList = (lines: CandidateLine[]) => lines.map((l) => `- ${candidateName(l)}`).join('\n');

/** The block at the end of every employer mail: one face, and how to answer. */
export function contactBlock({ adviser, wsp }: EmployerContact): string {
	if (adviser) {
		return (
			`Uw vaste contactpersoon bij ${wsp.name}:\n${adviser.name}\n` +
			(adviser.phone ? `Telefoon: ${adviser.phone}\n` : '') +
			`E-mail: ${adviser.email}\n` +
			`U kunt deze e-mail ook gewoon beantwoorden: uw antwoord gaat naar ${adviser.name}.`
		);
	}
	return (
		`Uw aanvraag ligt bij ${wsp.name}. Zodra een adviseur uw vaste contactpersoon is, ziet u de naam en het telefoonnummer op de pagina van uw aanvraag.\n` +
		(wsp.phone ? `Telefoon ${wsp.name}: ${wsp.phone}\n` : '') +
		`U kunt deze e-mail beantwoorden: uw antwoord gaat naar ${wsp.name}.`
	);
}

const statusPage = (url: string) =>
	`Bekijk hoe het met uw aanvraag gaat (deze link is alleen voor u):\n${url}`;

export function employerConfirmation(input: {
	contactName: string;
	lines: CandidateLine[];
	statusUrl: string;
	instrumentsUrl: string;
	dueAt: Date;
	contact: EmployerContact;
}): MailText {
	const what = input.lines.length === 1 ? 'deze kandidaat' : `deze ${input.lines.length} kandidaten`;
	const who = input.contact.adviser
		? `${input.contact.adviser.name} van ${input.contact.wsp.name}`
		: `Een adviseur van ${input.contact.wsp.name}`;
	return {
		subject: 'Uw aanvraag is ontvangen',
		text:
			`Beste ${input.contactName},\n\n` +
			`Bedankt voor uw interesse in ${what}:\n${candidateList(input.lines)}\n\n` +
			`Wat gebeurt er nu?\n` +
			`${who} neemt uiterlijk ${formatInstant(input.dueAt, 'deadline')} contact met u op. Dat is uw vaste contactpersoon voor deze aanvraag.\n` +
			`De adviseur vraagt de kandidaat of die kennis wil maken. Pas als de kandidaat dat goed vindt, krijgt u de naam en contactgegevens.\n\n` +
			`${statusPage(input.statusUrl)}\n\n` +
			`Wat u als werkgever kunt krijgen (zoals een proefplaatsing, no-riskpolis of jobcoach):\n${input.instrumentsUrl}\n\n` +
			contactBlock(input.contact) +
			FOOTER
	};
}

export function staffNotification(input: { requestUrl: string; dueAt: Date; candidates: number }): MailText {
	const what = input.candidates === 1 ? 'een kandidaat' : `${input.candidates} kandidaten`;
	return {
		subject: 'Nieuwe aanvraag van een werkgever',
		text:
			`Er is een nieuwe aanvraag van een werkgever over ${what} aan u toegewezen. U bent het vaste aanspreekpunt van de werkgever.\n\n` +
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

/** To the candidate's own consultant: act towards the candidate; the adviser talks to the employer. */
export function consultantNotice(input: { requestUrl: string; adviserName: string | null }): MailText {
	const adviser = input.adviserName
		? `${input.adviserName} is het vaste aanspreekpunt van de werkgever`
		: 'Een collega van het werkgeversservicepunt wordt het aanspreekpunt van de werkgever';
	return {
		subject: 'Een werkgever heeft interesse in uw kandidaat',
		text:
			`Een werkgever heeft interesse getoond in een kandidaat van wie u de klantmanager bent.\n\n` +
			`${adviser}. Neemt u contact op met de kandidaat en vraagt u of die kennis wil maken? Leg de uitkomst vast bij de aanvraag. De werkgever belt of mailt u niet zelf: die heeft één aanspreekpunt.\n\n` +
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

/** The honest 24 hours: the promise was not kept, and the employer hears so from us first. */
export function employerOverdue(input: {
	contactName: string;
	dueAt: Date;
	lines: CandidateLine[];
	statusUrl: string;
	contact: EmployerContact;
}): MailText {
	const phone = input.contact.wsp.phone ? ` U kunt ons ook zelf bellen: ${input.contact.wsp.phone}.` : '';
	return {
		subject: 'Excuses: wij hebben nog geen contact met u opgenomen',
		text:
			`Beste ${input.contactName},\n\n` +
			`Wij hadden beloofd uiterlijk ${formatInstant(input.dueAt, 'deadline')} contact met u op te nemen over:\n${candidateList(input.lines)}\n\n` +
			`Dat is niet gelukt. Onze excuses daarvoor. De coördinator van ${input.contact.wsp.name} weet ervan en zorgt dat u zo snel mogelijk wordt gebeld.${phone}\n\n` +
			`${statusPage(input.statusUrl)}\n\n` +
			contactBlock(input.contact) +
			FOOTER
	};
}

export function employerStatusUpdate(input: {
	contactName: string;
	line: CandidateLine;
	statusLabel: string;
	statusUrl: string;
	contact: EmployerContact;
}): MailText {
	return {
		subject: `Nieuws over kandidaat ${input.line.publicRef}`,
		text:
			`Beste ${input.contactName},\n\n` +
			`Er is nieuws over kandidaat ${candidateName(input.line)}: ${input.statusLabel}.\n\n` +
			`${statusPage(input.statusUrl)}\n\n` +
			contactBlock(input.contact) +
			FOOTER
	};
}

export function employerReply(input: {
	contactName: string;
	reply: string;
	lines: CandidateLine[];
	statusUrl: string;
	contact: EmployerContact;
}): MailText {
	const from = input.contact.adviser?.name ?? `De adviseur van ${input.contact.wsp.name}`;
	return {
		subject: `Bericht van ${input.contact.adviser?.name ?? input.contact.wsp.name} over uw aanvraag`,
		text:
			`Beste ${input.contactName},\n\n` +
			`${from} stuurt u dit bericht over:\n${candidateList(input.lines)}\n\n${input.reply}\n\n` +
			`${statusPage(input.statusUrl)}\n\n` +
			contactBlock(input.contact) +
			FOOTER
	};
}

/** Agreements from a step in the case, confirmed in writing as the research asks. */
export function employerAgreement(input: {
	contactName: string;
	stepLabel: string;
	facts: string[];
	agreements: string;
	lines: CandidateLine[];
	statusUrl: string;
	contact: EmployerContact;
}): MailText {
	const facts = input.facts.length ? `\n${input.facts.join('\n')}\n` : '';
	const agreements = input.agreements.trim()
		? `\nWat we hebben afgesproken:\n${input.agreements.trim()}\n`
		: '';
	return {
		subject: `Bevestiging: ${input.stepLabel.toLowerCase()}`,
		text:
			`Beste ${input.contactName},\n\n` +
			`Hierbij bevestigen wij: ${input.stepLabel.toLowerCase()}.\n` +
			`Het gaat om:\n${candidateList(input.lines)}\n${facts}${agreements}\n` +
			`Klopt er iets niet? Beantwoord dan deze e-mail.\n\n` +
			`${statusPage(input.statusUrl)}\n\n` +
			contactBlock(input.contact) +
			FOOTER
	};
}

export const formatStepDate = (isoDate: string) => formatInstant(new Date(`${isoDate}T12:00:00Z`), 'date');
