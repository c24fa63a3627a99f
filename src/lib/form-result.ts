/**
 * Reading a form action's answer on a page: the server's failure shape (`{ message, errors, values,
 * action? }`, see src/lib/server/forms/parse-form.ts) or a `{ done }` for success. On a page with several
 * forms, `action` says which one failed, so each form shows only its own problems.
 */
export interface PostedFailure {
	message: string;
	errors: Partial<Record<string, string>>;
	values: Partial<Record<string, string>>;
}

type Answer = {
	action?: string;
	message?: string;
	errors?: Partial<Record<string, string>>;
	values?: unknown;
	done?: unknown;
};

/** The failure of the form (of one action, when given), or null. Always with errors and values. */
export function failureOf(form: unknown, action?: string): PostedFailure | null {
	const answer = form as Answer | null | undefined;
	if (!answer?.errors || (action !== undefined && answer.action !== action)) return null;
	return {
		message: answer.message ?? '',
		errors: answer.errors,
		values: (answer.values ?? {}) as PostedFailure['values']
	};
}

/** Which action succeeded (`{ done: 'wachtwoord' }`), or null. */
export const doneOf = (form: unknown): string | null => {
	const done = (form as Answer | null | undefined)?.done;
	return typeof done === 'string' ? done : null;
};
