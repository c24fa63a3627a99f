import * as v from 'valibot';
import type { Refusal } from '../result';

/**
 * The one way a form post is read. Every field is checked at once against a valibot schema, so all
 * problems show in one go, and a failure always has the same shape for the page:
 * `{ message, errors, values }`: a summary, a Dutch message per field name, and what was typed (to fill
 * the form again; concealed fields such as passwords are never echoed).
 */
export type FormSchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

type Entries<S extends FormSchema> = S['entries'];
export type FormFieldName<S extends FormSchema> = keyof Entries<S> & string;

/** What was typed: a list for fields that may occur more than once (a group of checkboxes). */
export type FormValues<S extends FormSchema> = {
	[K in FormFieldName<S>]: v.InferInput<Entries<S>[K]> extends readonly unknown[] ? string[] : string;
};

export interface FormFailure<S extends FormSchema = FormSchema> {
	message: string;
	errors: Partial<Record<FormFieldName<S>, string>>;
	values: FormValues<S>;
	/** The named action that failed, on pages with several forms (`?/save`, `?/assign`). */
	action?: string;
}

export type FormParse<S extends FormSchema> =
	{ ok: true; data: v.InferOutput<S>; values: FormValues<S> } | { ok: false; failure: FormFailure<S> };

export interface ParseOptions<S extends FormSchema> {
	/** Fields never sent back to the browser. */
	conceal?: FormFieldName<S>[];
	action?: string;
	message?: string;
	/**
	 * Checks that need several fields or a domain rule (a password that must not contain the e-mail
	 * address). It sees what was typed and runs even when other fields are wrong, so every problem shows.
	 */
	check?: (values: FormValues<S>) => FormFailure<S>['errors'];
}

export const CORRECT_THE_FORM = 'Verbeter de fouten in het formulier.';

const isList = (schema: v.GenericSchema) =>
	schema.type === 'array' ||
	((schema.type === 'optional' || schema.type === 'nullish') &&
		(schema as unknown as { wrapped: v.GenericSchema }).wrapped.type === 'array');

/** Reads the schema's fields from the post (files and unknown fields are ignored). */
export function readForm<S extends FormSchema>(schema: S, form: FormData): FormValues<S> {
	const values: Record<string, string | string[]> = {};
	for (const [name, entry] of Object.entries(schema.entries)) {
		const all = form.getAll(name).filter((x): x is string => typeof x === 'string');
		values[name] = isList(entry as v.GenericSchema) ? all : (all[0] ?? '');
	}
	return values as FormValues<S>;
}

export function parseForm<S extends FormSchema>(
	schema: S,
	form: FormData,
	options: ParseOptions<S> = {}
): FormParse<S> {
	const values = readForm(schema, form);
	const result = v.safeParse(schema, values);
	const errors: Partial<Record<string, string>> = {};
	for (const issue of result.issues ?? []) {
		const field = v.getDotPath(issue)?.split('.')[0];
		if (field && !errors[field]) errors[field] = issue.message;
	}
	for (const [field, message] of Object.entries(options.check?.(values) ?? {})) {
		if (message && !errors[field]) errors[field] = message;
	}
	if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.output, values };
	return {
		ok: false,
		failure: formFailure(values, errors as FormFailure<S>['errors'], {
			...options,
			message: options.message ?? CORRECT_THE_FORM
		})
	};
}

/**
 * The same failure shape for what only the domain can tell (an address already taken, a limit reached):
 * field errors, or just a message.
 */
export function formFailure<S extends FormSchema>(
	values: FormValues<S>,
	errors: FormFailure<S>['errors'] = {},
	options: ParseOptions<S> = {}
): FormFailure<S> {
	const echo = { ...values };
	for (const name of options.conceal ?? []) (echo as Record<string, string | string[]>)[name] = '';
	const failure: FormFailure<S> = {
		message: options.message ?? CORRECT_THE_FORM,
		errors,
		values: echo
	};
	if (options.action) failure.action = options.action;
	return failure;
}

/**
 * A domain refusal in the form's failure shape: beside its field when it names one of the form's
 * fields, otherwise as the form's message.
 */
export function refusalFailure<S extends FormSchema>(
	values: FormValues<S>,
	refusal: Refusal,
	options: ParseOptions<S> = {}
): FormFailure<S> {
	const field = refusal.field && refusal.field in values ? refusal.field : undefined;
	if (!field) return formFailure(values, {}, { ...options, message: refusal.message });
	return formFailure(values, { [field]: refusal.message } as FormFailure<S>['errors'], options);
}
