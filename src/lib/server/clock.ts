/**
 * Time as the domain sees it. Everything with a deadline (the 24-hour promise, escalation, retention,
 * session expiry, alerts) takes a Clock, so tests move time forward instead of waiting.
 */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at `start` and moves only when told. */
export function fakeClock(
	start: Date | string
): Clock & { advance(ms: number): void; set(d: Date | string): void } {
	let current = new Date(start).getTime();
	return {
		now: () => new Date(current),
		advance(ms: number) {
			current += ms;
		},
		set(d: Date | string) {
			current = new Date(d).getTime();
		}
	};
}
