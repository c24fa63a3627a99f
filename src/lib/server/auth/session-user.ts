/** What every request knows about the signed-in staff member (filled by the auth handle). */
export type Role = 'admin' | 'wsp' | 'intermediair';

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: Role;
	/** WSP members: the labour market region (AMxx) whose team they belong to. */
	regionCode: string | null;
	/** WSP members: coordinator of their region's team (receives escalations, approves intermediaries). */
	isCoordinator: boolean;
}
