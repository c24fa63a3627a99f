import type { AppContext } from './app';

export interface Readiness {
	status: 'ok' | 'unavailable';
	checks: Record<string, { ok: boolean; ms: number; error?: string }>;
}

type Check = (app: AppContext) => Promise<void>;
const checks = new Map<string, Check>([
	[
		'database',
		async (app) => {
			await app.db.sql`select 1`;
		}
	]
]);

/** Subsystems (the search engine) add what must answer before we take traffic. */
export function addReadinessCheck(name: string, check: Check): void {
	checks.set(name, check);
}

export async function readiness(app: AppContext, timeoutMs = 2000): Promise<Readiness> {
	const results: Readiness['checks'] = {};
	await Promise.all(
		[...checks].map(async ([name, check]) => {
			const began = performance.now();
			let timer: ReturnType<typeof setTimeout> | undefined;
			try {
				await Promise.race([
					check(app),
					new Promise((_, reject) => {
						timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
					})
				]);
				results[name] = { ok: true, ms: Math.round(performance.now() - began) };
			} catch (error) {
				results[name] = {
					ok: false,
					ms: Math.round(performance.now() - began),
					error: error instanceof Error ? error.message : 'failed'
				};
			} finally {
				clearTimeout(timer);
			}
		})
	);
	const ok = Object.values(results).every((r) => r.ok);
	return { status: ok ? 'ok' : 'unavailable', checks: results };
}
