// Node-only helpers: reading an events file as a stream of lines. The evaluation core never
// imports this file, so it runs unchanged in a browser or a worker.
import { createReadStream } from "node:fs";
import type { EventItem } from "./events.ts";
import { type CsvOptions, csvEvents } from "./readers/csv.ts";
import { splitLines } from "./readers/lines.ts";
import { ndjsonEvents } from "./readers/ndjson.ts";

export type EventsFormat = "ndjson" | "csv";

/** The lines of a UTF-8 file, streamed in 1 MiB chunks; `onProgress` hears the bytes read so far. */
export function fileLines(path: string, onProgress?: (bytesRead: number) => void): AsyncIterable<string> {
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  if (!onProgress) return splitLines(stream as AsyncIterable<string>);
  async function* reporting(): AsyncGenerator<string> {
    for await (const chunk of stream) {
      yield chunk as string;
      onProgress?.(stream.bytesRead);
    }
  }
  return splitLines(reporting());
}

/** `.csv` files are CSV, anything else NDJSON, unless `format` says otherwise. */
export function eventsFormatOf(path: string, format?: EventsFormat): EventsFormat {
  return format ?? (path.toLowerCase().endsWith(".csv") ? "csv" : "ndjson");
}

/**
 * A file of events, or standard input for `-` (NDJSON unless `format` says CSV). `options` are the
 * CSV reader's (delimiter, column map, preset) and, for both formats, the zone of local times.
 */
export function readEventsFile(
  path: string,
  format?: EventsFormat,
  onProgress?: (bytesRead: number) => void,
  options: CsvOptions = {},
): AsyncIterable<EventItem> {
  const lines = path === "-" ? splitLines(stdinText()) : fileLines(path, onProgress);
  if (eventsFormatOf(path, format) === "csv") return csvEvents(lines, options);
  return ndjsonEvents(lines, { timeZone: options.timeZone, timeFormat: options.timeFormat });
}

async function* stdinText(): AsyncGenerator<string> {
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) yield chunk as string;
}

// The SQL engines (Node only: DuckDB is a native library, loaded on first use).
export { openDuckDb } from "./sql/duckdb.ts";
export { evaluateWithSql } from "./sql/evaluate-sql.ts";
export {
  type GeneratedSql,
  type GenerateSqlOptions,
  generateSql,
  reportsFromSqlResults,
  type SqlDialect,
} from "./sql/generate.ts";
export type { SqlResults, SqlRow } from "./sql/rows.ts";
export { type SqlRunner, SqlEngineError } from "./sql/runner.ts";
export type { SqlEventSource } from "./sql/source.ts";
