/**
 * The one shape of a domain answer that a person may have to act on. `message` is Dutch and shown as it
 * is; `field` names the form field it is about, when there is one, so a page can put it beside the field.
 * `reason` is for the code that must act differently (a throttled login, a link that expired).
 */
export type Refusal<Reason extends string = string> = {
	ok: false;
	reason: Reason;
	message: string;
	field?: string;
};

export type Outcome<T extends object = object, Reason extends string = string> =
	({ ok: true } & T) | Refusal<Reason>;

export const refuse = <Reason extends string>(
	reason: Reason,
	message: string,
	field?: string
): Refusal<Reason> => (field ? { ok: false, reason, message, field } : { ok: false, reason, message });
