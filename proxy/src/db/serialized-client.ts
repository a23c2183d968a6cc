import type { Client, InArgs, InStatement, Transaction, TransactionMode } from "@libsql/client";
import type { KeptStatementReader } from "./kept-statements";
import { storageErrorOf } from "./storage-error";

/** How long a write waits for this process's other writes before it is called a deadlock. */
const WAIT_LIMIT_MS = 15_000;
/** How long a write keeps trying while another process holds the file's write lock; under `WAIT_LIMIT_MS`. */
export const BUSY_DEADLINE_MS = 10_000;
const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 400;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isBusy = (error: unknown) => storageErrorOf(error) === "storage_busy";
/** A read whose pooled connection was closed under it by `reconnect` (see `whileBusy`). */
const closedInFlight = (error: unknown, client: Client) =>
  (error as { code?: unknown }).code === "CLIENT_CLOSED" && !client.closed;

function createMutex() {
  let tail = Promise.resolve();
  return {
    async acquire(): Promise<() => void> {
      let release!: () => void;
      const next = new Promise<void>((resolve) => {
        release = resolve;
      });
      const previous = tail;
      tail = previous.then(() => next);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `A database write waited ${WAIT_LIMIT_MS / 1000} s for another write of this process: is something ` +
                  "written with `db` inside a transaction (use `tx`)?",
              ),
            ),
          WAIT_LIMIT_MS,
        );
      });
      try {
        await Promise.race([previous, timeout]);
      } catch (error) {
        // Give our turn back once the one before us is done, so later writers are not stuck behind us.
        void previous.then(release);
        throw error;
      } finally {
        clearTimeout(timer);
      }
      let released = false;
      return () => {
        if (!released) {
          released = true;
          release();
        }
      };
    },
  };
}

const readOnly = /^\s*(select|with)\b/i;
const sqlOf = (statement: InStatement | [string, InArgs?] | string): string =>
  typeof statement === "string" ? statement : Array.isArray(statement) ? statement[0] : statement.sql;

/**
 * An embedded (file) database is driven synchronously: while one connection holds a write transaction across an
 * `await`, a write on another connection of the same process waits in SQLite's busy handler — blocking the event
 * loop, so the transaction can never finish — until the busy timeout fails it. Taking turns in-process first
 * turns that into an ordinary asynchronous wait. `everything` also queues reads, for a single-connection
 * (in-memory) database, whose one connection a transaction holds.
 *
 * Another process (a replica, the CLI, an operator's `sqlite3`) may hold the file's write lock for long. The
 * client's busy timeout is kept short, as SQLite's busy handler waits synchronously; a write that finds the file
 * busy is tried again after a growing pause, asynchronously, until `busyDeadlineMs` has passed. Only what
 * SQLite refused whole is tried again: a single statement, a batch, the start of a transaction, a read.
 */
export function serializeWrites(
  client: Client,
  options: { everything: boolean; busyDeadlineMs?: number; reader?: KeptStatementReader },
): Client {
  const { reader } = options;
  const mutex = createMutex();
  const busyDeadlineMs = options.busyDeadlineMs ?? BUSY_DEADLINE_MS;

  /**
   * libSQL 0.18 does not reset a statement that failed with SQLITE_BUSY: it stays open on its pooled connection,
   * and a later COMMIT there fails with "SQL statements in progress". Such connections are closed by reconnecting,
   * in a write's turn (no other write is open then); a read it closes under way runs again.
   */
  let staleConnections = false;
  async function repair(): Promise<void> {
    if (!staleConnections || client.closed) return;
    staleConnections = false;
    await client.reconnect();
  }

  /** Runs `work` until SQLite no longer refuses it as busy, pausing asynchronously, up to the deadline. */
  async function whileBusy<T>(work: () => Promise<T>, { inTurn }: { inTurn: boolean }): Promise<T> {
    // An in-memory database is this process's alone; reconnecting would empty it.
    if (options.everything) return work();
    const deadline = Date.now() + busyDeadlineMs;
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      try {
        if (inTurn) await repair();
        return await work();
      } catch (error) {
        const busy = isBusy(error);
        if (!(busy || (!inTurn && closedInFlight(error, client))) || client.closed) throw error;
        if (busy) staleConnections = true;
        if (Date.now() + pause > deadline) {
          if (inTurn) await repair();
          throw error;
        }
        await sleep(pause / 2 + Math.random() * (pause / 2));
      }
    }
  }
  /** A read is never held up by the turn. */
  const read = <T>(work: () => Promise<T>): Promise<T> => whileBusy(work, { inTurn: false });
  const needsTurn = (statements: (InStatement | [string, InArgs?] | string)[]) =>
    options.everything || statements.some((statement) => !readOnly.test(sqlOf(statement)));
  const inTurn = async <T>(work: () => Promise<T>, { retry = true } = {}): Promise<T> => {
    const release = await mutex.acquire();
    try {
      if (retry) return await whileBusy(work, { inTurn: true });
      await repair();
      return await work();
    } finally {
      release();
    }
  };

  function wrapTransaction(transaction: Transaction, release: () => void): Transaction {
    const finish = <T>(work: () => Promise<T>) => work().finally(release);
    return new Proxy(transaction, {
      get(target, property, receiver) {
        if (property === "commit") return () => finish(() => target.commit());
        // A statement that failed with SQLITE_FULL (or I/O) has already rolled SQLite's transaction back; the
        // rollback must not then fail and hide that first error.
        if (property === "rollback")
          return () => finish(() => (target.closed ? Promise.resolve() : target.rollback()).catch(() => {}));
        if (property === "close") {
          return () => {
            try {
              target.close();
            } finally {
              release();
            }
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  return new Proxy(client, {
    get(target, property, receiver) {
      switch (property) {
        case "execute":
          return (statement: InStatement | string, args?: InArgs) => {
            const run = () =>
              typeof statement === "string" ? target.execute(statement, args) : target.execute(statement);
            if (needsTurn([statement])) return inTurn(run);
            if (!reader) return read(run);
            return read(async () => reader.execute(statement, args) ?? run());
          };
        case "batch":
          return (statements: (InStatement | [string, InArgs?])[], mode?: TransactionMode) => {
            const run = () => target.batch(statements, mode);
            return needsTurn(statements) ? inTurn(run) : read(run);
          };
        case "migrate":
          return (statements: InStatement[]) => inTurn(() => target.migrate(statements));
        case "executeMultiple":
          // Not atomic: statements before a busy one have run, so it is never tried again.
          return (sql: string) => inTurn(() => target.executeMultiple(sql), { retry: false });
        case "transaction":
          return async (mode?: TransactionMode) => {
            if (mode === "read" && !options.everything) return target.transaction(mode);
            const release = await mutex.acquire();
            try {
              return wrapTransaction(
                await whileBusy(() => target.transaction(mode), { inTurn: true }),
                release,
              );
            } catch (error) {
              release();
              throw error;
            }
          };
        case "close":
          return () => {
            reader?.close();
            target.close();
          };
        case "reconnect":
          return () => {
            reader?.close();
            return target.reconnect();
          };
        default: {
          const value = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}
