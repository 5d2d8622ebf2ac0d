import { type EventItem, toEventItem } from "../events.ts";
import type { TextSource } from "./lines.ts";
import { type LocalTimeOptions, timeReader } from "./local-time.ts";

/**
 * Newline-delimited JSON, one record a line (blank lines are skipped). Each line yields a record or
 * an `invalid` item naming the line and field; the caller decides whether that stops evaluation.
 * With a `timeZone`, times without an offset are read in it.
 */
export async function* ndjsonEvents(lines: TextSource, options: LocalTimeOptions = {}): AsyncGenerator<EventItem> {
  const readTime = timeReader(options);
  let n = 0;
  for await (const raw of lines) {
    n++;
    const text = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield { type: "invalid", line: n, field: null, reason: `bad JSON: ${(e as Error).message}` };
      continue;
    }
    yield toEventItem(value, n, readTime);
  }
}
