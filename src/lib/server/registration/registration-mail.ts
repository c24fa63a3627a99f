/** The messages of registration and approval: plain text, short sentences, absolute links. */
const closing = ['', 'Met vriendelijke groet,', 'Kandidatenverkenner'];

export function verificationMail(link: string): { subject: string; text: string } {
	return {
		subject: 'Bevestig uw e-mailadres voor de Kandidatenverkenner',
		text: [
			'Goedendag,',
			'',
			'U hebt zich aangemeld bij de Kandidatenverkenner. Bevestig uw e-mailadres via deze link:',
			'',
			link,
			'',
			'De link werkt 2 dagen. Daarna beoordeelt een medewerker van het werkgeversservicepunt uw aanmelding.',
			'U krijgt een e-mail zodra dat is gebeurd.',
			'',
			'Hebt u zich niet aangemeld? Dan hoeft u niets te doen. Zonder bevestiging gebeurt er niets.',
			...closing
		].join('\n')
	};
}

/** Sent instead of a verification when the address has an account: the form itself reveals nothing. */
export function accountExistsMail(origin: string): { subject: string; text: string } {
	return {
		subject: 'U hebt al een account bij de Kandidatenverkenner',
		text: [
			'Goedendag,',
			'',
			'Iemand heeft geprobeerd zich met dit e-mailadres aan te melden bij de Kandidatenverkenner.',
			'Er bestaat al een account met dit e-mailadres. U kunt gewoon inloggen:',
			'',
			`${origin}/inloggen`,
			'',
			'Weet u uw wachtwoord niet meer? Vraag dan een nieuw wachtwoord aan:',
			'',
			`${origin}/wachtwoord-vergeten`,
			'',
			'Was u dit niet? Dan hoeft u niets te doen.',
			...closing
		].join('\n')
	};
}

/**
 * Sent when an address that waits for confirmation is registered again. It does not confirm anything:
 * the second attempt may not be the owner's, so it only offers to withdraw the first one.
 */
export function registrationPendingMail(
	origin: string,
	withdrawLink: string
): { subject: string; text: string } {
	return {
		subject: 'Uw aanmelding bij de Kandidatenverkenner wacht nog op bevestiging',
		text: [
			'Goedendag,',
			'',
			'Iemand heeft zich opnieuw met dit e-mailadres aangemeld bij de Kandidatenverkenner.',
			'Er is al een aanmelding met dit adres die nog niet is bevestigd. Daar is niets aan veranderd.',
			'',
			'Was u dat, en hebt u de eerste e-mail nog? Bevestig dan met de link in die eerste e-mail.',
			'',
			'Wilt u opnieuw beginnen, bijvoorbeeld omdat u de eerste e-mail niet meer hebt? Trek de eerdere',
			'aanmelding dan in via deze link, en meld u daarna opnieuw aan:',
			'',
			withdrawLink,
			'',
			`De link werkt 2 dagen. Opnieuw aanmelden kan op ${origin}/registreren.`,
			'',
			'Was u dit niet? Dan hoeft u niets te doen. Zonder bevestiging gebeurt er niets.',
			...closing
		].join('\n')
	};
}

export function approvedMail(origin: string): { subject: string; text: string } {
	return {
		subject: 'Uw aanmelding bij de Kandidatenverkenner is goedgekeurd',
		text: [
			'Goedendag,',
			'',
			'Uw aanmelding is goedgekeurd. U kunt nu zoekopdrachten bewaren en e-mails krijgen over nieuwe kandidaten.',
			'Log in via deze link:',
			'',
			`${origin}/inloggen`,
			...closing
		].join('\n')
	};
}

export function refusedMail(): { subject: string; text: string } {
	return {
		subject: 'Uw aanmelding bij de Kandidatenverkenner',
		text: [
			'Goedendag,',
			'',
			'Uw aanmelding bij de Kandidatenverkenner is niet goedgekeurd. Uw gegevens zijn verwijderd.',
			'',
			'U kunt de Kandidatenverkenner gewoon gebruiken zonder account: kandidaten zoeken en interesse',
			'tonen kan iedereen. Hebt u vragen? Neem dan contact op met het werkgeversservicepunt in uw regio.',
			...closing
		].join('\n')
	};
}
