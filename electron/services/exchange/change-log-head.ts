import type { Db } from '../db/open-database';
import { genesisHash } from '../db/mutator';

/** The newest change-log hash and the number of entries: what a package tells its receiver about the sender's log. */
export function changeLogHead(db: Db): { hash: string; count: number } {
  const row = db
    .prepare<[], { hash: string; count: number }>(
      'SELECT (SELECT hash FROM change_log ORDER BY seq DESC LIMIT 1) AS hash, count(*) AS count FROM change_log',
    )
    .get();
  return { hash: row?.hash ?? genesisHash, count: row?.count ?? 0 };
}
