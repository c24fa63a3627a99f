import type { ImportSummary } from './run-import';

const n = (value: number) => value.toLocaleString('nl-NL');

/** The end-of-import report in Dutch: counts, then each rejected row's line, column and reason. */
export function formatSummary(summary: ImportSummary): string {
	const lines: string[] = [];
	if (summary.status === 'refused') lines.push(`GEWEIGERD: ${summary.message}`);
	if (summary.refusal === 'file') return lines.join('\n');
	lines.push(
		`Import ${summary.importId}${organisations(summary.organisations)}`,
		`  rijen gelezen:   ${n(summary.rowsRead)}`,
		`  nieuw:           ${n(summary.created)}`,
		`  bijgewerkt:      ${n(summary.updated)}`,
		`  ongewijzigd:     ${n(summary.unchanged)}`,
		`  niet meer in volledige export: ${n(summary.withdrawn)}`,
		`  gedepubliceerd:  ${n(summary.unpublished)}`,
		`  afgekeurd:       ${n(summary.rejected)}`,
		`  gepubliceerd:    ${n(summary.published)} (niet gepubliceerd wegens herleidbaarheid: ${n(summary.suppressed)})`
	);
	if (summary.rejections.length > 0) {
		lines.push('', 'Afgekeurde rijen (regel, kolom, reden):');
		for (const r of summary.rejections) lines.push(`  regel ${r.line}, ${r.column}: ${r.reason}`);
		if (summary.rejectionsTruncated)
			lines.push('  … meer afgekeurde rijen; de volledige lijst staat bij de import in de beheeromgeving.');
	}
	return lines.join('\n');
}

function organisations(list: string[]): string {
	if (list.length === 0) return '';
	return list.length <= 5 ? ` (${list.join(', ')})` : ` (${list.length} organisaties)`;
}
