import type { Client, InArgs, InStatement, Transaction, TransactionMode } from "@libsql/client";

/** How long a write waits for this process's other writes before it is called a deadlock. */
const WAIT_LIMIT_MS = 15_000;

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
 */
export function serializeWrites(client: Client, options: { everything: boolean }): Client {
  const mutex = createMutex();
  const needsTurn = (statements: (InStatement | [string, InArgs?] | string)[]) =>
    options.everything || statements.some((statement) => !readOnly.test(sqlOf(statement)));
  const inTurn = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await mutex.acquire();
    try {
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
            return needsTurn([statement]) ? inTurn(run) : run();
          };
        case "batch":
          return (statements: (InStatement | [string, InArgs?])[], mode?: TransactionMode) => {
            const run = () => target.batch(statements, mode);
            return needsTurn(statements) ? inTurn(run) : run();
          };
        case "migrate":
          return (statements: InStatement[]) => inTurn(() => target.migrate(statements));
        case "executeMultiple":
          return (sql: string) => inTurn(() => target.executeMultiple(sql));
        case "transaction":
          return async (mode?: TransactionMode) => {
            if (mode === "read" && !options.everything) return target.transaction(mode);
            const release = await mutex.acquire();
            try {
              return wrapTransaction(await target.transaction(mode), release);
            } catch (error) {
              release();
              throw error;
            }
          };
        default: {
          const value = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}
