// Node-only helpers: reading an events file as a stream of lines. The evaluation core never
// imports this file, so it runs unchanged in a browser or a worker.
import { createReadStream } from "node:fs";
import type { EventItem } from "./events.ts";
import { csvEvents } from "./readers/csv.ts";
import { splitLines } from "./readers/lines.ts";
import { ndjsonEvents } from "./readers/ndjson.ts";

export type EventsFormat = "ndjson" | "csv";

/** The lines of a UTF-8 file, streamed in 1 MiB chunks. */
export function fileLines(path: string): AsyncIterable<string> {
  return splitLines(createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>);
}

/** `.csv` files are CSV, anything else NDJSON, unless `format` says otherwise. */
export function eventsFormatOf(path: string, format?: EventsFormat): EventsFormat {
  return format ?? (path.toLowerCase().endsWith(".csv") ? "csv" : "ndjson");
}

export function readEventsFile(path: string, format?: EventsFormat): AsyncIterable<EventItem> {
  const lines = fileLines(path);
  return eventsFormatOf(path, format) === "csv" ? csvEvents(lines) : ndjsonEvents(lines);
}
