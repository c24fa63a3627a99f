import type postgres from 'postgres';
import type { Sql } from '../db/database';

/** A pool or an open transaction: domain functions run inside their caller's transaction when given one. */
export type Queryable = Sql | postgres.TransactionSql;
