/**
 * Registers each subsystem's start-up work, in order. Imported once by hooks.server.ts; CLI scripts that
 * need the same behaviour import it too.
 */
// Demo data first: the search index is built from what it publishes.
import './demo-on-empty';
import './profiles/refresh-on-start';
import './search/register';
import './mail/register';
import './requests/register';
import './saved-searches/register';

export {};
