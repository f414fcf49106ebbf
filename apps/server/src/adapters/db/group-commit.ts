import type { ControlledTransaction, Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** What became of one call in a batch: its result, or the error that rolled back its writes only. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Writes a batch of calls in the caller's transaction with as few statements as it can (multi-row inserts), and
 * answers one outcome per call, in order. A call it refuses (a domain error found before writing) must leave no
 * writes behind; throwing fails the whole batch, which is then retried one call per transaction.
 */
export type BatchWriter<I, O> = (trx: ControlledTransaction<Database>, items: readonly I[]) => Promise<Outcome<O>[]>;

interface Pending<I> {
  readonly item: I;
  readonly resolve: (value: never) => void;
  readonly reject: (error: unknown) => void;
}

/** Resolves on the event loop's next check phase: after the poll phase has handled every socket that was ready. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Group commit: short writes that arrive while one transaction commits are written together in the next one and
 * committed at once. Each caller's promise settles only after the commit that holds its writes, so an acknowledged
 * write is still durable; one caller's failure leaves the others' writes alone.
 *
 * Why: every commit costs an fsync (SQLite `synchronous=FULL`, 4–12 ms on this machine), and every write of a
 * workspace appends to its one audit chain, whose head row serialises them; so one transaction per claim topped out
 * near 270 creations/s on SQLite and 200–350/s on PostgreSQL (bench `claim-service.bench.ts`, 32 callers).
 *
 * A batch starts on the event loop's next turn, not at once: on SQLite (better-sqlite3 is synchronous) a whole
 * transaction runs in microtasks, so starting it from the first caller's microtask ran every HTTP request's claim in
 * a batch of its own, one fsync each, before the server had even parsed the requests already waiting on its sockets
 * (about 110 creations/s over HTTP; docs/adr/0012-api-throughput.md).
 */
export class BatchCommitter<I, O> {
  private readonly queue: Pending<I>[] = [];
  private draining = false;

  /** @param maxBatch most calls committed together */
  constructor(
    private readonly db: Db,
    private readonly write: BatchWriter<I, O>,
    private readonly maxBatch = 256,
  ) {}

  /**
   * Writes `item` in a transaction shared with concurrent calls and resolves with its result after the commit.
   * @throws the error the writer answered for this call (its writes are rolled back), or the commit's error
   */
  run(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        void nextTurn().then(() => this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      for (let first = true; this.queue.length > 0; first = false) {
        // Let the requests that arrived during the last commit (which blocked the event loop on SQLite) join.
        if (!first) await nextTurn();
        const batch = this.queue.splice(0, this.maxBatch);
        let outcomes: Outcome<O>[];
        try {
          outcomes = await this.runBatch(batch.map((p) => p.item));
        } catch (error) {
          for (const pending of batch) pending.reject(error);
          continue;
        }
        batch.forEach((pending, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) pending.resolve(outcome.value as never);
          else pending.reject(outcome.error);
        });
      }
    } finally {
      this.draining = false;
    }
  }

  private async runBatch(items: readonly I[]): Promise<Outcome<O>[]> {
    const trx = await this.db.kysely.startTransaction().execute();
    let outcomes: Outcome<O>[];
    try {
      outcomes = await this.write(trx, items);
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      if (items.length === 1) return [{ ok: false, error }];
      // One call broke the batch's statements: write each alone, so only that one fails.
      const alone: Outcome<O>[] = [];
      for (const item of items) alone.push(...(await this.runBatch([item])));
      return alone;
    }
    try {
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      throw error;
    }
    return outcomes;
  }
}

/**
 * Group commit of arbitrary short transactions: each call's `work` runs in its own savepoint of the shared
 * transaction, so one that throws rolls back only its own writes. Simpler to use than a {@link BatchWriter} but one
 * statement at a time: on PostgreSQL one round trip each.
 */
export class GroupCommitter {
  private readonly batches: BatchCommitter<(trx: Kysely<Database>) => Promise<unknown>, unknown>;

  /** @param maxBatch most calls committed together */
  constructor(db: Db, maxBatch = 256) {
    this.batches = new BatchCommitter(db, inSavepoints, maxBatch);
  }

  /**
   * Runs `work` in a transaction shared with concurrent calls and resolves with its result after the commit.
   * @throws whatever `work` throws (its writes are rolled back), or the commit's error
   */
  run<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.batches.run(work) as Promise<T>;
  }
}

async function inSavepoints(
  trx: ControlledTransaction<Database>,
  works: readonly ((trx: Kysely<Database>) => Promise<unknown>)[],
): Promise<Outcome<unknown>[]> {
  const outcomes: Outcome<unknown>[] = [];
  for (const work of works) {
    const savepoint = await trx.savepoint('item').execute();
    try {
      const value = await work(savepoint);
      await savepoint.releaseSavepoint('item').execute();
      outcomes.push({ ok: true, value });
    } catch (error) {
      await savepoint.rollbackToSavepoint('item').execute();
      await savepoint.releaseSavepoint('item').execute();
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
