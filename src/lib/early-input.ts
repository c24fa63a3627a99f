/**
 * Puts back what was typed or ticked before the page's scripts started (recorded by the small script in
 * app.html), and tells the page about it with the events the visitor's own input would have fired, so a
 * live search runs for it. Passwords and files are never recorded.
 */
type EarlyInput = Record<string, string | boolean>;

export function restoreEarlyInput(): void {
	const holder = window as unknown as { kvEarlyInput?: EarlyInput | null };
	const early = holder.kvEarlyInput;
	holder.kvEarlyInput = null;
	if (!early) return;
	for (const [id, value] of Object.entries(early)) {
		const field = document.getElementById(id);
		if (field instanceof HTMLInputElement && typeof value === 'boolean') {
			if (field.checked === value) continue;
			field.checked = value;
			field.dispatchEvent(new Event('input', { bubbles: true }));
			field.dispatchEvent(new Event('change', { bubbles: true }));
		} else if (
			(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) &&
			typeof value === 'string' &&
			field.value !== value
		) {
			field.value = value;
			field.dispatchEvent(new Event('input', { bubbles: true }));
		}
	}
}
