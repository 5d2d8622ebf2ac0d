/**
 * The DuckDB database of `--engine duckdb`, with `--memory-limit`: DuckDB keeps within it by
 * spilling to a temporary folder of its own (not DuckDB's default `.tmp` in the working folder),
 * removed when the database is closed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDuckDb, type SqlRunner } from "@sla/engine/node";
import { CliError } from "./errors.ts";

const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** Opens DuckDB as `--engine duckdb` asks; a malformed limit is a usage error before anything runs. */
export function duckDbOpener(memoryLimit: string | undefined): () => Promise<SqlRunner> {
  if (memoryLimit !== undefined && !SIZE.test(memoryLimit.trim()))
    throw new CliError(`evaluate: --memory-limit "${memoryLimit}" is not a size such as 500MB or 2GB`, 2);
  return async () => {
    const db = await openDuckDb();
    const spill = mkdtempSync(join(tmpdir(), "sla-duckdb-"));
    try {
      await db.all(`SET temp_directory = '${spill.replaceAll("'", "''")}'`);
      if (memoryLimit !== undefined) await db.all(`SET memory_limit = '${memoryLimit.trim()}'`);
    } catch (e) {
      db.close();
      rmSync(spill, { recursive: true, force: true });
      throw e;
    }
    // every capability of the runner (its file search lets the engine read NDJSON in one pass), with its own close
    return {
      ...db,
      close: () => {
        db.close();
        rmSync(spill, { recursive: true, force: true });
      },
    };
  };
}
