/** Dutch feedback for the staff actions on a request, by the domain's error codes. */
export const ACTION_ERRORS: Record<string, string> = {
	not_found: 'Deze aanvraag bestaat niet.',
	transition: 'Deze stap kan nu niet. Kies een van de volgende stappen uit de lijst.',
	outcome_required: 'Kies hoe de aanvraag is afgerond.',
	consent_required:
		'Leg eerst vast dat de kandidaat toestemming geeft om zijn of haar gegevens met de werkgever te delen.',
	already: 'Dit is al vastgelegd.',
	empty: 'Schrijf eerst een tekst.',
	too_long: 'De tekst is te lang (maximaal 4000 tekens).',
	erased: 'De gegevens van de werkgever zijn gewist; u kunt geen bericht meer sturen.',
	not_in_team: 'Kies een collega uit het team van deze regio.',
	same: 'De aanvraag staat al op naam van deze collega.',
	closed: 'Deze kandidaat is al afgerond: dat kan nu niet meer.',
	invalid: 'Kies een geldige stap.',
	forbidden: 'Alleen een coördinator kan de vaste contactpersoon kiezen.'
};

export const ACTION_SUCCESS: Record<string, string> = {
	status: 'De status is aangepast.',
	eersteContact: 'Vastgelegd: er is contact geweest met de werkgever.',
	toestemming: 'Vastgelegd: de kandidaat geeft toestemming om gegevens te delen.',
	notitie: 'De notitie is opgeslagen.',
	overdragen: 'De aanvraag is doorgezet naar uw collega.',
	antwoord: 'Uw bericht is verstuurd naar de werkgever.',
	stap: 'De stap is vastgelegd en per e-mail bevestigd aan de werkgever.',
	contactpersoon: 'De vaste contactpersoon is opgeslagen.',
	taak: 'De taak is afgevinkt.'
};
