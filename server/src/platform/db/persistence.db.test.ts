import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { authUsers } from "../../modules/identity/schema";
import { openDatabase } from "./client";
import { migrateDatabase } from "./migrate";

const dir = mkdtempSync(path.join(tmpdir(), "sc-persist-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded PGlite in DATA_DIR", () => {
  it("keeps data across a restart and re-applies no migration", async () => {
    const first = await openDatabase({ kind: "pglite", dataDir: dir });
    await migrateDatabase(first);
    await first.db.insert(authUsers).values({ username: "keeper", displayName: "k", passwordHash: "x", role: "leader" });
    await first.close();

    const second = await openDatabase({ kind: "pglite", dataDir: dir });
    await migrateDatabase(second);
    const rows = await second.db.select({ username: authUsers.username }).from(authUsers);
    await second.close();
    expect(rows).toEqual([{ username: "keeper" }]);
  });
});
