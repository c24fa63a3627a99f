import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { scopeOf } from '$lib/server/auth/scope';
import { listHeldTexts, reviewHeldText } from '$lib/server/profiles/text-review';
import { searchIndexTarget } from '$lib/server/search/search-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	return { texts: await listHeldTexts(app().db.sql, scopeOf(user)) };
};

const ReviewForm = v.object({
	ref: v.pipe(v.string(), v.regex(/^KV-[A-Z2-9]{4}-[A-Z2-9]{4}$/)),
	tekst: v.optional(v.pipe(v.string(), v.maxLength(2000, 'De tekst mag hoogstens 2000 tekens zijn.')))
});

const messages: Record<string, string> = {
	'not-found': 'Deze tekst is al beoordeeld, of hoort niet bij uw regio.',
	placeholder: 'Haal eerst de markeringen zoals [telefoon] of [naam] uit de tekst, of wijs de tekst af.',
	'still-personal': 'In de aangepaste tekst staan nog persoonsgegevens. Haal ze weg en probeer het opnieuw.'
};

async function review(event: Parameters<Actions[string]>[0], decision: 'approved' | 'rejected') {
	const user = requireUser(event, 'wsp', 'admin');
	const form = Object.fromEntries(await event.request.formData());
	const parsed = v.safeParse(ReviewForm, form);
	if (!parsed.success)
		return fail(400, {
			ref: String(form.ref ?? ''),
			message: parsed.issues[0].message,
			tekst: String(form.tekst ?? '')
		});
	const { ref, tekst } = parsed.output;
	const outcome = await reviewHeldText(app().db.sql, {
		ref,
		decision,
		text: decision === 'approved' ? tekst : undefined,
		user,
		scope: scopeOf(user),
		kAnonymity: app().config.K_ANONYMITY,
		index: searchIndexTarget()
	});
	if (!outcome.ok) return fail(400, { ref, message: messages[outcome.reason], tekst: tekst ?? '' });
	return { ref, done: decision === 'approved' ? 'gepubliceerd' : 'afgewezen' };
}

export const actions: Actions = {
	publiceer: (event) => review(event, 'approved'),
	afwijzen: (event) => review(event, 'rejected')
};
