import { AddressAndAccountLimit, type AddressAndAccountLimits } from '../rate-limit/address-and-account';

// Registrations send mail: at most 10 an hour from one address, 3 an hour for one e-mail address.
export const defaultRegistrationLimits: AddressAndAccountLimits = {
	perAddress: 10,
	perAccount: 3,
	windowSeconds: 60 * 60
};

export const registrationLimiter = new AddressAndAccountLimit('registration', defaultRegistrationLimits);

export const THROTTLED_MESSAGE =
	'Er zijn vanaf hier te veel aanmeldingen gedaan. Probeer het over een uur opnieuw.';
