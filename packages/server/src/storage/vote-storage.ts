import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect } from './types.js';

// `votes`: one per voter and comment, tallied onto the comment. `KyselyStorage`
// (kysely-storage.ts) is the `Storage` callers use.

type Db = Kysely<Database>;

/** Sets (or, with 0, withdraws) one voter's vote and returns the comment's new tally. */
export async function vote(
  db: Db,
  dialect: Dialect,
  commentId: string,
  voter: string,
  value: -1 | 0 | 1,
  at: number,
): Promise<{ up: number; down: number }> {
  return db.transaction().execute(async (trx) => {
    // Lock the comment row first so concurrent votes on it are applied one after another.
    let lock = trx.selectFrom('comments').select('id').where('id', '=', commentId);
    if (dialect === 'postgres') lock = lock.forUpdate();
    await lock.executeTakeFirst();
    if (value === 0) {
      await trx.deleteFrom('votes').where('comment_id', '=', commentId).where('voter', '=', voter).execute();
    } else {
      await trx
        .insertInto('votes')
        .values({ comment_id: commentId, voter, value, created_at: at })
        .onConflict((oc) => oc.columns(['comment_id', 'voter']).doUpdateSet({ value, created_at: at }))
        .execute();
    }
    const tally = await trx
      .selectFrom('votes')
      .select([
        (eb) => eb.fn.sum<number>(eb.case().when('value', '=', 1).then(1).else(0).end()).as('up'),
        (eb) => eb.fn.sum<number>(eb.case().when('value', '=', -1).then(1).else(0).end()).as('down'),
      ])
      .where('comment_id', '=', commentId)
      .executeTakeFirst();
    const up = Number(tally?.up ?? 0);
    const down = Number(tally?.down ?? 0);
    await trx.updateTable('comments').set({ up, down }).where('id', '=', commentId).execute();
    return { up, down };
  });
}
