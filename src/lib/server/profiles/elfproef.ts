/** The BSN eleven test: 9 digits, weights 9..2 and -1, sum divisible by 11 (and not all zeros). */
export function passesElfproef(digits: string): boolean {
	if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
	sum -= Number(digits[8]);
	return sum % 11 === 0;
}
