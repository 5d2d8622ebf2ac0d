import { EventDataError } from "../errors.ts";
import { type EventItem, type InvalidLine, toEventItem } from "../events.ts";
import type { TextSource } from "./lines.ts";

export const CSV_COLUMNS = [
  "type",
  "service",
  "metric",
  "start",
  "end",
  "cause",
  "announced",
  "severity",
  "opened",
  "responded",
  "resolved",
  "at",
  "value",
] as const;
const KNOWN: ReadonlySet<string> = new Set(CSV_COLUMNS);

/** RFC 4180 cells of one line; a quoted cell may not span lines (the reader is line by line). */
export function splitCsvLine(line: string): string[] | string {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let cell = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) return "unterminated quoted cell";
        cell += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < line.length && line.charCodeAt(i) !== 44) return "text after a closing quote";
      cells.push(cell);
    } else {
      const comma = line.indexOf(",", i);
      const end = comma === -1 ? line.length : comma;
      cells.push(line.slice(i, end).trim());
      i = end;
    }
    if (i >= line.length) return cells;
    i++; // the comma
    if (i === line.length) {
      cells.push("");
      return cells;
    }
  }
}

/**
 * CSV with a header row naming the columns (`type,service,metric,start,end,cause,announced,
 * severity,opened,responded,resolved,at,value`, any order, each at most once, unknown columns
 * ignored); an empty cell is an absent field. Records mean the same as in NDJSON.
 */
export async function* csvEvents(lines: TextSource): AsyncGenerator<EventItem> {
  let n = 0;
  let columns: (string | null)[] | null = null;
  for await (const raw of lines) {
    n++;
    const text = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === "") continue;
    const cells = splitCsvLine(text);
    if (typeof cells === "string") {
      yield invalidLine(n, null, `bad CSV: ${cells}`);
      continue;
    }
    if (columns === null) {
      const names = cells.map((c) => c.trim().toLowerCase());
      // Without a usable header no line can be read, so this stops even with skipInvalid.
      if (!names.includes("type")) throw new EventDataError(n, "type", 'the header row has no "type" column');
      const twice = names.findIndex((name, i) => name !== "" && names.indexOf(name) !== i);
      if (twice !== -1) {
        const name = names[twice];
        throw new EventDataError(
          n,
          name,
          `the header row names the column "${name}" twice (columns ${names.indexOf(name) + 1} and ${twice + 1})`,
        );
      }
      columns = names.map((c) => (KNOWN.has(c) ? c : null));
      continue;
    }
    if (cells.length !== columns.length) {
      yield invalidLine(n, null, `bad CSV: ${cells.length} cells, the header has ${columns.length}`);
      continue;
    }
    // A prototype-less object: a column called `__proto__` could not reach any prototype anyway,
    // and unknown columns are never copied.
    const record: Record<string, string> = Object.create(null);
    for (let i = 0; i < cells.length; i++) {
      const name = columns[i];
      if (name !== null && cells[i] !== "") record[name] = cells[i];
    }
    yield toEventItem(record, n);
  }
}

function invalidLine(line: number, field: string | null, reason: string): InvalidLine {
  return { type: "invalid", line, field, reason };
}
