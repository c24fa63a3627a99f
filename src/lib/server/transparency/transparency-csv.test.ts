import { describe, expect, it } from 'vitest';
import { transparencyCsv } from './transparency-csv';

describe('transparencyCsv', () => {
	it('has Dutch headers, "<10" for hidden cells and a decimal comma', () => {
		const row = { code: 'GM1690', name: 'De Wolden', cells: [null, null, 71, 25, 124], share: null };
		const total = {
			code: 'AM03',
			name: 'totaal Drenthe',
			cells: [98, 1054, 1808, 510, 3470],
			share: 1906 / 3470
		};
		const lines = transparencyCsv(
			{ code: 'AM03', name: 'Drenthe', rows: [row], total },
			'Gemeente',
			'2026-03-20'
		)
			.slice(1)
			.split('\r\n');
		expect(lines[0]).toBe(
			'Code;Gemeente;Gemeenteklanten met profiel;Gemeenteklanten zonder profiel;UWV-klanten met profiel;UWV-klanten zonder profiel;Totaal;Percentage met profiel'
		);
		expect(lines[1]).toBe('GM1690;De Wolden;<10;<10;71;25;124;');
		expect(lines[2]).toBe('AM03;totaal Drenthe;98;1054;1808;510;3470;54,9');
		expect(lines[4]).toMatch(/^<10: 1 tot en met 9 personen/);
	});
});
