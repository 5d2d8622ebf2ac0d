// Stands in for DuckDB's command-line client in the tests (`duckdb -batch -bail :memory:` with the
// script on standard input), which is not installed here: the same SQL text, run in one in-memory
// database through @duckdb/node-api, in the current folder; the first error ends it with status 1.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const api = createRequire(import.meta.url).resolve("@duckdb/node-api");
const { DuckDBInstance } = await import(pathToFileURL(api).href);
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
try {
  await connection.run(readFileSync(0, "utf8"));
} catch (e) {
  process.stderr.write(`Error: ${e.message}\n`);
  process.exitCode = 1;
} finally {
  connection.closeSync();
  instance.closeSync();
}
