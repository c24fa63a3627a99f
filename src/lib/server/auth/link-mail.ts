import type { AuditEntry } from '../audit';
import { recordAudit } from '../audit';
import type { Queryable } from '../db/database';
import { enqueueMail, type OutgoingMailRequest } from '../mail/outbox';
import { hashToken, newLinkToken } from './random';

/** The tables of one-time links: each row holds only the token's hash, who it is for and when it ends. */
export type LinkTable = 'password_reset_tokens' | 'invitations' | 'email_verification_tokens';

/**
 * The one way a one-time link goes out: a fresh token (only its hash stored), the mail that carries it,
 * and the audit entry, all in the caller's transaction so none of them exists without the others.
 * Returns the token (an admin may be shown an invitation link instead of it being mailed).
 */
export async function issueLink(
	tx: Queryable,
	input: {
		table: LinkTable;
		userId: string;
		now: Date;
		validMs: number;
		/** Further columns of the link's row (who invited). */
		columns?: Record<string, string | null>;
		/** The mail for the link; null sends none. */
		mail: ((token: string) => OutgoingMailRequest) | null;
		/** What the audit log records; a link that changes nothing yet (a withdrawal offer) records none. */
		audit?: AuditEntry;
	}
): Promise<string> {
	const token = newLinkToken();
	const row = {
		token_hash: hashToken(token),
		user_id: input.userId,
		created_at: input.now,
		expires_at: new Date(input.now.getTime() + input.validMs),
		...input.columns
	};
	await tx`insert into ${tx(input.table)} ${tx(row)}`;
	if (input.mail) await enqueueMail(tx, input.mail(token));
	if (input.audit) await recordAudit(tx, input.audit);
	return token;
}
