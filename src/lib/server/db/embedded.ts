import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * An embedded PostgreSQL (PGlite) served on a loopback port so the app talks to it with the same driver
 * and SQL as to a real server. PGlite is single-session: behind the socket it is only correct with ONE
 * client connection (measured: larger pools get rows of other queries and lose updates), so the server
 * accepts one connection and the pool that connects to it must have `max: 1`.
 */
export const EMBEDDED_MAX_CONNECTIONS = 1;

export interface EmbeddedServer {
	url: string;
	db: PGlite;
	stop(): Promise<void>;
}

/** Start PGlite on `dataDir` (created when missing), or in memory when `dataDir` is undefined. */
export async function startEmbeddedServer(
	dataDir: string | undefined,
	options: { loadDataDir?: Blob } = {}
): Promise<EmbeddedServer> {
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	const db = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir });
	const server = new PGLiteSocketServer({
		db,
		host: '127.0.0.1',
		port: 0,
		maxConnections: EMBEDDED_MAX_CONNECTIONS
	});
	await server.start();
	const port = listeningPort(server);
	let stopped = false;
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		db,
		async stop() {
			if (stopped) return;
			stopped = true;
			await server.stop();
			await db.close();
		}
	};
}

function listeningPort(server: PGLiteSocketServer): number {
	// getServerConn() reports the requested port (0), so ask the underlying net.Server.
	const net = (server as unknown as { server?: { address(): AddressInfo | string | null } }).server;
	const address = net?.address();
	if (!address || typeof address === 'string') throw new Error('PGlite socket server did not start');
	return address.port;
}
