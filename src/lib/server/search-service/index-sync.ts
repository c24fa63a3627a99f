import type { ProfileDocument, SearchEngine } from '../../../../search/index';
import type { Sql } from '../db/database';
import { log } from '../log';
import { publishedFingerprint } from './search-service';

export const CHANGE_CHANNEL = 'public_profiles_changed';
// Changes of one import arrive as a burst of notifications; gather them briefly into one engine call.
// While a batch is applied the next one gathers, so a long import costs few engine calls, not one a row.
const GATHER_MS = 50;
const BATCH = 5000;

export interface IndexSync {
	stop(): Promise<void>;
}

export interface IndexSyncOptions {
	/** After a batch: the fingerprint of the published set the index now reflects. */
	onApplied?(fingerprint: string): void;
	/** Listening (re)started after the first time: notifications may have been missed. */
	onReconnect?(): void;
}

/**
 * Keeps an embedded index in step with `public_profiles` through LISTEN/NOTIFY (a trigger announces
 * each changed ref): the changed documents are read and upserted, vanished ones removed, and nothing
 * else is touched. postgres.js holds the listening connection and listens again after a reconnect;
 * the periodic fingerprint check stays as the fallback for whatever was missed meanwhile.
 */
export async function startIndexSync(
	sql: Sql,
	engine: Pick<SearchEngine, 'upsert' | 'remove'>,
	options: IndexSyncOptions = {}
): Promise<IndexSync> {
	const pending = new Set<string>();
	let timer: NodeJS.Timeout | undefined;
	let flushing: Promise<void> | undefined;
	let stopped = false;
	let listens = 0;

	const flush = async () => {
		while (pending.size && !stopped) {
			const refs = [...pending].slice(0, BATCH);
			for (const ref of refs) pending.delete(ref);
			try {
				await apply(sql, engine, refs, options.onApplied);
			} catch (error) {
				// The fallback check notices the difference and rebuilds.
				log.warn({ err: error, documents: refs.length }, 'search index sync failed');
			}
		}
	};
	const schedule = () => {
		if (timer || stopped) return;
		timer = setTimeout(() => {
			timer = undefined;
			flushing ??= flush().finally(() => {
				flushing = undefined;
				if (pending.size) schedule();
			});
		}, GATHER_MS);
	};

	const listener = await sql.listen(
		CHANGE_CHANNEL,
		(ref) => {
			pending.add(ref);
			schedule();
		},
		() => {
			if (listens++ > 0) options.onReconnect?.();
		}
	);
	return {
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await listener.unlisten();
			await flushing;
		}
	};
}

async function apply(
	sql: Sql,
	engine: Pick<SearchEngine, 'upsert' | 'remove'>,
	refs: string[],
	onApplied: IndexSyncOptions['onApplied']
): Promise<void> {
	// One snapshot for the documents and the fingerprint, so the fingerprint describes what was applied.
	const { rows, fingerprint } = await sql.begin('isolation level repeatable read read only', async (tx) => ({
		rows: await tx<{ public_ref: string; document: ProfileDocument }[]>`
			select public_ref, document from public_profiles where public_ref = any(${refs}::text[])`,
		fingerprint: await publishedFingerprint(tx)
	}));
	const found = new Set(rows.map((r) => r.public_ref));
	const gone = refs.filter((ref) => !found.has(ref));
	if (rows.length) await engine.upsert(rows.map((r) => r.document));
	if (gone.length) await engine.remove(gone);
	onApplied?.(fingerprint);
	log.debug({ upserted: rows.length, removed: gone.length }, 'search index synced');
}
