import type { Sql } from '../db/database';
import { addEvent, changeRequest, type ChangeContext } from './change';
import { employerReply } from './messages';
import { markFirstContact, notifyEmployer } from './workflow';

export const MAX_TEXT = 4000;

type TextError = 'empty' | 'too_long';

function checkText(text: string): TextError | null {
	if (!text.trim()) return 'empty';
	return text.length > MAX_TEXT ? 'too_long' : null;
}

/** An internal note for colleagues; never shown to the employer. */
export function addNote(sql: Sql, requestId: number, ctx: ChangeContext, text: string) {
	return changeRequest<TextError>(
		sql,
		requestId,
		ctx,
		'interest-request-note-added',
		async (tx, row, now) => {
			const problem = checkText(text);
			if (problem) return problem;
			await addEvent(tx, {
				requestId: row.id,
				kind: 'note',
				userId: ctx.user.id,
				at: now,
				body: text.trim()
			});
			await tx`update interest_requests set updated_at = ${now} where id = ${row.id}`;
			return {};
		}
	);
}

/**
 * A message to the employer: mailed through the outbox and shown on their status page. It counts as the
 * first contact when nobody had been in touch yet.
 */
export function replyToEmployer(sql: Sql, requestId: number, ctx: ChangeContext, text: string) {
	return changeRequest<TextError | 'erased'>(
		sql,
		requestId,
		ctx,
		'interest-request-replied',
		async (tx, row, now) => {
			const problem = checkText(text);
			if (problem) return problem;
			if (!row.employerEmail) return 'erased';
			const body = text.trim();
			const [event] = await tx<{ id: number }[]>`
			insert into request_events (request_id, kind, body, visible_to_employer, user_id, created_at)
			values (${row.id}, 'reply', ${body}, true, ${ctx.user.id}, ${now}) returning id::int`;
			await notifyEmployer(tx, row, `reply:${event.id}`, ctx, now, (statusUrl, contact) =>
				employerReply({
					contactName: row.contactName ?? '',
					reply: body,
					lines: [{ publicRef: row.publicRef, title: row.title }],
					statusUrl,
					contact
				})
			);
			await markFirstContact(tx, row, ctx.user.id, now);
			await tx`update interest_requests set updated_at = ${now} where id = ${row.id}`;
			return { event: event.id };
		}
	);
}
