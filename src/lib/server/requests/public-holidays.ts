import Holidays from 'date-holidays';

/**
 * Dutch public holidays (Nieuwjaarsdag, Pasen, Koningsdag, Hemelvaart, Pinksteren, Kerst) as `YYYY-MM-DD`
 * keys. Only the days the library marks 'public': Goede Vrijdag and Bevrijdingsdag are not generally free.
 */
const calendar = new Holidays('NL');
const byYear = new Map<number, Set<string>>();

export function dutchPublicHolidays(year: number): Set<string> {
	let days = byYear.get(year);
	if (!days) {
		days = new Set(
			(calendar.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10))
		);
		byYear.set(year, days);
	}
	return days;
}

export function isDutchPublicHoliday(year: number, month: number, day: number): boolean {
	const key = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return dutchPublicHolidays(year).has(key);
}
