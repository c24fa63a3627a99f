/** Whether a team member is away at `at` (absence runs from `absentFrom` up to, not including, `absentUntil`). */
export function isAbsentAt(member: { absentFrom: Date | null; absentUntil: Date | null }, at: Date): boolean {
	if (!member.absentFrom && !member.absentUntil) return false;
	const from = member.absentFrom?.getTime() ?? -Infinity;
	const until = member.absentUntil?.getTime() ?? Infinity;
	return at.getTime() >= from && at.getTime() < until;
}
