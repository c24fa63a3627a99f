import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guard';
import { scopeOf } from '$lib/server/auth/scope';
import { checkbox, optionalText } from '$lib/server/forms/fields';
import { formFailure, parseForm } from '$lib/server/forms/parse-form';
import { publicRefField } from '$lib/public-ref';
import { listHeldTexts, reviewHeldText } from '$lib/server/profiles/text-review';
import { searchIndexTarget } from '$lib/server/search-service/search-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, 'wsp', 'admin');
	return { texts: await listHeldTexts(app().db.sql, scopeOf(user)) };
};

const ReviewSchema = v.object({
	ref: publicRefField('Deze tekst is al beoordeeld, of hoort niet bij uw regio.'),
	tekst: optionalText(2000, 'De tekst mag hoogstens 2000 tekens zijn.'),
	bevestig: checkbox()
});

async function review(event: Parameters<Actions[string]>[0], decision: 'approved' | 'rejected') {
	const user = requireUser(event, 'wsp', 'admin');
	const data = await event.request.formData();
	const form = parseForm(ReviewSchema, data);
	if (!form.ok) return fail(400, { ...form.failure, findings: [] as string[] });
	const { ref, tekst, bevestig } = form.data;
	const outcome = await reviewHeldText(app().db.sql, {
		ref,
		decision,
		// A form without the field (an older page) publishes the text as it was held.
		text: decision === 'approved' && data.has('tekst') ? tekst : undefined,
		confirmed: bevestig,
		user,
		scope: scopeOf(user),
		kAnonymity: app().config.K_ANONYMITY,
		index: searchIndexTarget()
	});
	if (!outcome.ok) {
		const values = { ...form.values, ref, tekst: 'text' in outcome ? outcome.text : form.values.tekst };
		return fail(400, {
			// One alert per text on this page: the refusal is its message, not a field error.
			...formFailure(values, {}, { message: outcome.message }),
			findings: 'findings' in outcome ? outcome.findings : ([] as string[])
		});
	}
	return { ref, done: decision === 'approved' ? 'gepubliceerd' : 'afgewezen' };
}

export const actions: Actions = {
	publiceren: (event) => review(event, 'approved'),
	afwijzen: (event) => review(event, 'rejected')
};
