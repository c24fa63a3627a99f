import type { Queryable } from '../db/database';
import { hashPassword } from './password';
import { generateSecureRandomString } from './random';
import type { Role, SessionUser } from './session-user';

export interface User extends SessionUser {
	active: boolean;
	/** False for an invited colleague who has not set a password yet. */
	hasPassword: boolean;
	absentFrom: Date | null;
	absentUntil: Date | null;
	backupUserId: string | null;
	createdAt: Date;
	deactivatedAt: Date | null;
}

export interface TeamMember {
	id: string;
	name: string;
	email: string;
	isCoordinator: boolean;
	absentFrom: Date | null;
	absentUntil: Date | null;
	backupUserId: string | null;
}

export class EmailTakenError extends Error {
	constructor() {
		super('An account with this e-mail address exists already.');
	}
}

const columns = (sql: Queryable) => sql`id, email, name, role, region_code, is_coordinator, active,
	password_hash is not null as has_password, absent_from, absent_until, backup_user_id, created_at,
	deactivated_at`;

/** A users row as `columns` selects it. */
interface UserRow {
	id: string;
	email: string;
	name: string;
	role: Role;
	region_code: string | null;
	is_coordinator: boolean;
	active: boolean;
	has_password: boolean;
	absent_from: Date | null;
	absent_until: Date | null;
	backup_user_id: string | null;
	created_at: Date;
	deactivated_at: Date | null;
}

function toUser(row: UserRow): User {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		regionCode: row.region_code,
		isCoordinator: row.is_coordinator,
		active: row.active,
		hasPassword: row.has_password,
		absentFrom: row.absent_from,
		absentUntil: row.absent_until,
		backupUserId: row.backup_user_id,
		createdAt: row.created_at,
		deactivatedAt: row.deactivated_at
	};
}

export async function getUserById(sql: Queryable, id: string): Promise<User | null> {
	const [row] = await sql<UserRow[]>`select ${columns(sql)} from users where id = ${id}`;
	return row ? toUser(row) : null;
}

/** Case-insensitive: people type their address however they like. */
export async function getUserByEmail(sql: Queryable, email: string): Promise<User | null> {
	const [row] = await sql<
		UserRow[]
	>`select ${columns(sql)} from users where lower(email) = lower(${email.trim()})`;
	return row ? toUser(row) : null;
}

export async function listUsers(sql: Queryable): Promise<User[]> {
	const rows = await sql<
		UserRow[]
	>`select ${columns(sql)} from users order by active desc, lower(name), lower(email)`;
	return rows.map(toUser);
}

/**
 * Active members of a region's WSP team who can log in (an invitee without a password is not on duty
 * yet). Absent members are included: callers decide what absence means for them (see absence.ts).
 */
export async function listRegionTeam(sql: Queryable, regionCode: string): Promise<TeamMember[]> {
	const rows = await sql<
		{
			id: string;
			name: string;
			email: string;
			is_coordinator: boolean;
			absent_from: Date | null;
			absent_until: Date | null;
			backup_user_id: string | null;
		}[]
	>`
		select id, name, email, is_coordinator, absent_from, absent_until, backup_user_id
		from users
		where region_code = ${regionCode} and role = 'wsp' and active and password_hash is not null
		order by is_coordinator desc, lower(name)`;
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		email: r.email,
		isCoordinator: r.is_coordinator,
		absentFrom: r.absent_from,
		absentUntil: r.absent_until,
		backupUserId: r.backup_user_id
	}));
}

export interface NewUser {
	email: string;
	role: Role;
	name?: string;
	regionCode?: string | null;
	isCoordinator?: boolean;
	/** Hashed here; check it with `passwordProblem` first. Leave out for an invitation. */
	password?: string;
}

/** Throws EmailTakenError when the address (in any letter case) has an account already. */
export async function createUser(sql: Queryable, input: NewUser): Promise<User> {
	const passwordHash = input.password ? await hashPassword(input.password) : null;
	const id = generateSecureRandomString();
	try {
		const [row] = await sql<UserRow[]>`
			insert into users (id, email, name, role, region_code, is_coordinator, password_hash, email_verified_at)
			values (${id}, ${input.email.trim()}, ${input.name?.trim() ?? ''}, ${input.role},
				${input.regionCode ?? null}, ${input.isCoordinator ?? false}, ${passwordHash},
				${passwordHash ? new Date() : null})
			returning ${columns(sql)}`;
		return toUser(row);
	} catch (error) {
		if ((error as { code?: string }).code === '23505') throw new EmailTakenError();
		throw error;
	}
}
