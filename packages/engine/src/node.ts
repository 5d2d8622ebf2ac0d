// Node-only helpers: reading an events file as a stream of lines. The evaluation core never
// imports this file, so it runs unchanged in a browser or a worker.
import { createReadStream } from "node:fs";
import type { EventItem } from "./events.ts";
import { csvEvents } from "./readers/csv.ts";
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

export function readEventsFile(
  path: string,
  format?: EventsFormat,
  onProgress?: (bytesRead: number) => void,
): AsyncIterable<EventItem> {
  const lines = fileLines(path, onProgress);
  return eventsFormatOf(path, format) === "csv" ? csvEvents(lines) : ndjsonEvents(lines);
}

// The SQL engines (Node only: DuckDB is a native library, loaded on first use).
export { openDuckDb } from "./sql/duckdb.ts";
export { evaluateWithSql } from "./sql/evaluate-sql.ts";
export { type SqlRunner, SqlEngineError } from "./sql/runner.ts";
export type { SqlEventSource } from "./sql/source.ts";
