import type { Clock } from '../clock';
import { refuse, type Outcome } from '../result';
import type { Sql } from '../db/database';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session-user';
import { enqueueMail } from '../mail/outbox';
import { approvedMail, refusedMail } from './registration-mail';

/**
 * Admins and WSP coordinators decide on registrations. Intermediaries work across regions and have no
 * region of their own, so every coordinator sees every pending registration, not only their region's.
 */
export function canDecideRegistrations(user: SessionUser): boolean {
	return user.role === 'admin' || (user.role === 'wsp' && user.isCoordinator);
}

export interface PendingRegistration {
	userId: string;
	kind: 'intermediair' | 'werkgever';
	organisation: string;
	kvk: string;
	name: string;
	email: string;
	phone: string | null;
	registeredAt: Date;
	emailVerified: boolean;
}

/** Oldest first. Unconfirmed addresses are listed too, but cannot be approved until confirmed. */
export async function listPendingRegistrations(sql: Sql): Promise<PendingRegistration[]> {
	const rows = await sql<
		{
			id: string;
			kind: PendingRegistration['kind'];
			organisation: string | null;
			kvk: string | null;
			name: string;
			email: string;
			phone: string | null;
			created_at: Date;
			verified: boolean;
		}[]
	>`
		select u.id, r.kind, u.organisation, u.kvk, u.name, u.email, r.phone, r.created_at,
			u.email_verified_at is not null as verified
		from users u join registrations r on r.user_id = u.id
		where u.role = 'intermediair' and u.active and u.approved_at is null
		order by verified desc, r.created_at`;
	return rows.map((r) => ({
		userId: r.id,
		kind: r.kind,
		organisation: r.organisation ?? '',
		kvk: r.kvk ?? '',
		name: r.name,
		email: r.email,
		phone: r.phone,
		registeredAt: r.created_at,
		emailVerified: r.verified
	}));
}

export type Decision = Outcome<object, 'gone'>;

const GONE = 'Deze aanmelding bestaat niet meer of is al beoordeeld.';

export async function approveRegistration(
	sql: Sql,
	clock: Clock,
	input: { userId: string; by: SessionUser; origin: string }
): Promise<Decision> {
	if (!canDecideRegistrations(input.by)) return refuse('gone', GONE);
	return sql.begin(async (tx): Promise<Decision> => {
		const [row] = await tx<{ email: string }[]>`
			update users set approved_at = ${clock.now()}
			where id = ${input.userId} and role = 'intermediair' and active and approved_at is null
				and email_verified_at is not null
			returning email`;
		if (!row) return refuse('gone', GONE);
		await enqueueMail(tx, {
			...approvedMail(input.origin),
			to: row.email,
			kind: 'registration-approved',
			related: { type: 'user', id: input.userId }
		});
		await recordAudit(tx, {
			userId: input.by.id,
			action: 'registration-approved',
			subjectType: 'user',
			subjectId: input.userId
		});
		return { ok: true };
	});
}

/** A refused registration is deleted, with everything it held: there is no reason to keep it. */
export async function refuseRegistration(
	sql: Sql,
	input: { userId: string; by: SessionUser }
): Promise<Decision> {
	if (!canDecideRegistrations(input.by)) return refuse('gone', GONE);
	return sql.begin(async (tx): Promise<Decision> => {
		const [row] = await tx<{ email: string; verified: boolean }[]>`
			delete from users
			where id = ${input.userId} and role = 'intermediair' and approved_at is null
				and exists (select 1 from registrations r where r.user_id = users.id)
			returning email, email_verified_at is not null as verified`;
		if (!row) return refuse('gone', GONE);
		// An unconfirmed address may not be the registrant's own: do not mail a stranger.
		if (row.verified) {
			await enqueueMail(tx, { ...refusedMail(), to: row.email, kind: 'registration-refused' });
		}
		await recordAudit(tx, {
			userId: input.by.id,
			action: 'registration-refused',
			subjectType: 'user',
			subjectId: input.userId
		});
		return { ok: true };
	});
}
