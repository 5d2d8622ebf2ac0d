import { type SqlRunner, SqlEngineError } from "./runner.ts";

const PACKAGE = "@duckdb/node-api";

/**
 * An in-memory DuckDB database. The client is loaded on first use, so commands that do not ask
 * for DuckDB never load its native library; DuckDB spills to its temporary directory when the
 * data outgrows memory.
 */
export async function openDuckDb(): Promise<SqlRunner> {
  let api: typeof import("@duckdb/node-api");
  try {
    api = await import(PACKAGE);
  } catch (e) {
    throw new SqlEngineError(
      `--engine duckdb needs the package ${PACKAGE}, which is not installed (${(e as Error).message.split("\n")[0]}); install it next to the sla command with: npm install ${PACKAGE}`,
    );
  }
  const instance = await api.DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  return {
    async all(sql: string) {
      try {
        const reader = await connection.runAndReadAll(sql);
        return reader.getRowObjects() as Record<string, unknown>[];
      } catch (e) {
        // DuckDB's own words (a missing file, a malformed line), without the query it quotes
        throw new SqlEngineError(`DuckDB: ${(e as Error).message.split("\n")[0]}`);
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
