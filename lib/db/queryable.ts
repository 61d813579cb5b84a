import type { QueryResultRow } from 'pg';

/** A pool, a pooled client or a client inside a transaction: anything that runs SQL. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}
