// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/session-user';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			/** The signed-in staff member, or null for the public (employers need no account). */
			user: SessionUser | null;
			session: { id: string; expiresAt: Date } | null;
		}
	}
}

export {};
