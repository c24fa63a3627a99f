import type { ProfileDocument } from '$search/document';
import type { Challenge } from 'altcha-lib';
import { normalisePublicRef, PUBLIC_REF_PATTERN } from '../../public-ref';
import type { Clock } from '../clock';
import type { Queryable, Sql } from '../db/database';
import { log } from '../log';
import {
	ALTCHA_FIELD,
	countSubmission,
	honeypotFilled,
	newChallenge,
	pressure,
	verifyChallenge
} from './abuse';
import { lookupPublicProfile } from './profile-source';
import { submitInterest } from './submit';
import { formFailure, parseForm, readForm, type FormFailure } from '../forms/parse-form';
import { resolveWorkplace } from '../places';
import { submissionSchema, type SubmissionSchema } from './submission-form';
import { formatHours } from '$lib/format';
import { amsterdamDay } from '$lib/time';

export const MAX_PROFILES = 10;

export interface SelectedProfile {
	ref: string;
	available: boolean;
	title: string | null;
	regionName: string | null;
	hours: string | null;
}

/** The refs of a selection (`?kandidaat=KV-...&kandidaat=...`), well-formed, unique, at most ten. */
export function selectedRefs(values: string[]): string[] {
	return [...new Set(values.map(normalisePublicRef))]
		.filter((r) => PUBLIC_REF_PATTERN.test(r))
		.slice(0, MAX_PROFILES);
}

/** A short summary of each selected profile, so the employer sees what the request is about. */
export async function loadSelection(sql: Sql, refs: string[]): Promise<SelectedProfile[]> {
	return Promise.all(
		refs.map(async (ref) => {
			const found = await lookupPublicProfile(sql, ref);
			if (found.status !== 'published')
				return { ref, available: false, title: null, regionName: null, hours: null };
			const d: ProfileDocument = found.document;
			return {
				ref,
				available: true,
				title: d.title,
				regionName: d.regionName,
				hours: formatHours(d.hoursMin, d.hoursMax)
			};
		})
	);
}

export type FormOutcome =
	{ ok: true; token: string } | (FormFailure<SubmissionSchema> & { ok: false; challenge: Challenge | null });

type Errors = FormFailure<SubmissionSchema>['errors'];

/**
 * Everything the interest form's action does, apart from HTTP: abuse checks, validation, resolving the
 * work location, and the transactional submit.
 */
export async function processInterestForm(
	sql: Sql,
	form: FormData,
	ctx: { address: string; origin: string; clock: Clock }
): Promise<FormOutcome> {
	const schema = submissionSchema(amsterdamDay(ctx.clock.now()));
	const values = readForm(schema, form);
	const refs = selectedRefs(values.kandidaat);
	const fail = async (message: string, errors: Errors = {}, level?: 'challenge' | 'none') => {
		const needed = level ?? (await pressure(sql, ctx.address, values.email));
		return {
			ok: false as const,
			...formFailure(values, errors, { message }),
			challenge: needed === 'challenge' ? await newChallenge() : null
		};
	};
	if (honeypotFilled(form)) {
		log.info('interest form honeypot filled');
		return fail('Uw aanvraag is niet verstuurd. Laat het veld "Website" leeg en probeer het opnieuw.');
	}
	const level = await pressure(sql, ctx.address, values.email);
	if (level === 'blocked') {
		log.warn('interest form rate limit reached');
		return fail(
			'U hebt veel aanvragen kort na elkaar verstuurd. Probeer het over een uur opnieuw, of bel het werkgeversservicepunt.',
			{},
			'none'
		);
	}
	if (level === 'challenge' && !(await verifyChallenge(sql, form.get(ALTCHA_FIELD)))) {
		return fail(
			'Bevestig eerst dat u geen robot bent: klik op het vakje "Ik ben geen robot" en wacht tot het vinkje verschijnt.',
			{},
			'challenge'
		);
	}
	if (refs.length === 0)
		return fail('Kies eerst een of meer kandidaten op de zoekpagina.', {
			kandidaat: 'Er is geen kandidaat gekozen.'
		});
	const checked = parseForm(schema, form);
	const errors: Errors = checked.ok ? {} : { ...checked.failure.errors };
	const workplace = values.werklocatie.trim() ? await resolveWorkplace(sql, values.werklocatie) : null;
	if (values.werklocatie.trim() && !workplace && !errors.werklocatie) {
		errors.werklocatie =
			'Deze plaats kennen we niet. Vul de gemeente of de 4 cijfers van de postcode in, bijvoorbeeld 3511.';
	}
	if (!checked.ok || !workplace || Object.keys(errors).length)
		return fail('Er gaat iets mis in het formulier. Verbeter de fouten hieronder.', errors);
	const f = checked.data;
	await countSubmission(sql, ctx.address, f.email);
	const result = await submitInterest(sql, {
		refs,
		origin: ctx.origin,
		clock: ctx.clock,
		employer: {
			companyName: f.bedrijfsnaam,
			kvkNumber: f.kvk,
			workMunicipalityCode: workplace.code,
			contactName: f.contactpersoon,
			email: f.email,
			phone: f.telefoon,
			jobTitle: f.functie,
			hoursPerWeek: f.uren,
			startDate: f.startdatum || null,
			message: f.bericht
		}
	});
	if (!result.ok) {
		return fail('Een of meer kandidaten staan niet meer online. Haal ze uit uw keuze en verstuur opnieuw.', {
			kandidaat: `Niet meer beschikbaar: ${result.unavailable.join(', ')}`
		});
	}
	return { ok: true, token: result.token };
}

/** For the form's first view: ask for the proof of work up front when this address is near its limit. */
export async function challengeFor(sql: Queryable, address: string): Promise<Challenge | null> {
	return (await pressure(sql, address)) === 'challenge' ? newChallenge() : null;
}
