/**
 * Registers each subsystem's start-up work, in order. Imported once by hooks.server.ts; CLI scripts that
 * need the same behaviour import it too.
 */
export {};
