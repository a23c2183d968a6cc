// Another process holding the embedded database's write lock, as a replica, the CLI or an operator's `sqlite3`
// might: BEGIN IMMEDIATE, a write, then COMMIT after HOLD_MS. Says `locked` and `released` on stdout.
import { createClient } from "@libsql/client";

const client = createClient({ url: process.env.DATABASE_URL ?? "" });
const lock = await client.transaction("write");
await lock.execute("UPDATE tenants SET name = name");
process.stdout.write("locked\n");
await new Promise((resolve) => setTimeout(resolve, Number(process.env.HOLD_MS ?? 3000)));
await lock.commit();
process.stdout.write("released\n");
client.close();
