import type { Clock } from '../clock';

let offsetMs = 0;

/**
 * The clock of the request flow (due times, escalation, tasks). It is the system clock; only the e2e
 * test route, which exists when the server runs with E2E=1, moves it forward, so a journey test can let
 * 24 hours or six weeks pass. Nothing in production calls `advanceRequestClock`.
 */
export const requestClock: Clock = { now: () => new Date(Date.now() + offsetMs) };

export function advanceRequestClock(ms: number): void {
	offsetMs += ms;
}
