import { Faker, base, nl } from '@faker-js/faker';
import type { Random } from './random';

/** Fake personal data (faker, nl) so the import's minimisation is exercised on every demo row. */
export interface FakePerson {
	bsn: string;
	voornamen: string;
	achternaam: string;
	naam: string;
	geboortedatum: string;
	geslacht: string;
	adres: string;
	huisnummer: string;
	telefoon: string;
	email: string;
}

export function createFaker(seed: number): Faker {
	const faker = new Faker({ locale: [nl, base] });
	faker.seed(seed);
	return faker;
}

export function fakePerson(faker: Faker, r: Random): FakePerson {
	const sex = r.chance(0.5) ? 'female' : 'male';
	const first = faker.person.firstName(sex);
	const second = r.chance(0.4) ? ` ${faker.person.firstName(sex)}` : '';
	const last = faker.person.lastName();
	const born = new Date(Date.UTC(r.int(1960, 2006), r.int(0, 11), r.int(1, 28)));
	return {
		bsn: elfproefNumber(r),
		voornamen: first + second,
		achternaam: last,
		naam: `${first} ${last}`,
		geboortedatum: born.toISOString().slice(0, 10),
		geslacht: sex === 'female' ? 'V' : 'M',
		adres: faker.location.street(),
		huisnummer: String(r.int(1, 250)),
		telefoon: r.chance(0.8)
			? `06-${r.int(10000000, 99999999)}`
			: `0${r.int(10, 99)}-${r.int(1000000, 9999999)}`,
		email: faker.internet.email({ firstName: first, lastName: last }).toLowerCase()
	};
}

/** A random 9-digit number that passes the eleven test, like a real BSN (none of these is real). */
function elfproefNumber(r: Random): string {
	for (;;) {
		const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? r.int(1, 9) : r.int(0, 9)));
		const sum = digits.reduce((acc, d, i) => acc + d * (9 - i), 0);
		const last = sum % 11;
		if (last <= 9) return digits.join('') + String(last);
	}
}
