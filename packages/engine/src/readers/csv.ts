// csv-parse's browser build carries its own Buffer and stream, so this reader runs unchanged in
// Node, a browser or a worker (the package's main entry needs Node's streams).
import { type CsvError, parse } from "csv-parse/browser/esm";
import { EventDataError } from "../errors.ts";
import { type EventItem, type InvalidLine, toEventItem } from "../events.ts";
import { MAX_LINE_LENGTH, type TextSource } from "./lines.ts";
import { type LocalTimeOptions, timeReader } from "./local-time.ts";
import { CSV_PRESETS, type CsvPreset, type EventField } from "./presets.ts";

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
  "acknowledged",
  "at",
  "value",
  "period",
  "amount",
  "currency",
] as const satisfies readonly EventField[];

/**
 * The fields of `requests` records. The SQL engines do not evaluate request records (they refuse a
 * contract that needs them), but their record table holds these columns, so a request record is
 * checked and ignored there as here.
 */
export const REQUEST_COLUMNS = ["total", "failed", "good"] as const satisfies readonly EventField[];

/** Every field the CSV reader reads (and `--map` may name); `unit` names what a per-unit objective is for. */
export const CSV_FIELDS = [...CSV_COLUMNS, ...REQUEST_COLUMNS, "unit"] as const;

export interface CsvOptions extends LocalTimeOptions {
  /** The cell separator: `,` by default (`;` and tab are common in spreadsheet exports). */
  delimiter?: string;
  /** Which column holds a field, when the file's header does not use the field's own name. */
  map?: Partial<Record<EventField, string>>;
  /** A built-in preset of `CSV_PRESETS` (its columns, fixed values and time format). */
  preset?: string;
}

/** Lines are written to the parser in batches of about this many characters. */
const BATCH = 1 << 16;

type Column = { index: number } | { constant: string };

/**
 * CSV with a header row (RFC 4180: quoted cells may hold delimiters, quotes and line breaks). By
 * default the columns are named as the fields (`type,service,metric,start,end,cause,announced,
 * severity,opened,responded,resolved,at,value`, any order, case and spaces ignored, other columns
 * ignored); `map` and `preset` read other tools' exports. An empty cell is an absent field; a
 * record's line is the line it starts on. Records mean the same as in NDJSON.
 */
export async function* csvEvents(lines: TextSource, options: CsvOptions = {}): AsyncGenerator<EventItem> {
  const preset = presetOf(options.preset);
  const readTime = timeReader({ timeZone: options.timeZone, timeFormat: options.timeFormat ?? preset?.timeFormat });
  // Records and skipped lines in file order, as the parser meets them.
  const queue: ({ cells: string[]; end: number } | InvalidLine)[] = [];
  let fatal: EventDataError | null = null;
  const lineOf = (error: CsvError) => Number((error as unknown as { lines?: number }).lines ?? 0);
  const parser = parse({
    delimiter: options.delimiter ?? ",",
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    // The line limit of `splitLines` holds for a record too: an unclosed quote cannot swallow the file.
    max_record_size: MAX_LINE_LENGTH,
    skip_records_with_error: true,
    on_record: (cells: string[], context: { lines: number }) => {
      queue.push({ cells, end: context.lines });
      return null;
    },
    on_skip: (error: CsvError | undefined) => {
      if (error === undefined) return;
      if (error.code === "CSV_MAX_RECORD_SIZE")
        fatal = new EventDataError(
          lineOf(error),
          null,
          `a record is longer than ${MAX_LINE_LENGTH} characters (an unclosed quote?)`,
        );
      else queue.push(invalidLine(lineOf(error), null, `bad CSV: ${reasonOf(error)}`));
    },
  });
  // The browser build's stream has no `destroy`, and csv-parse's end of input registers it as an
  // "end" listener: on some inputs (a skipped record at the very end) that threw a TypeError. There
  // is nothing to release, so a no-op serves.
  const stream = parser as unknown as { destroy?: unknown };
  if (typeof stream.destroy !== "function") stream.destroy = () => {};
  parser.on("error", (error: CsvError) => {
    fatal ??= new EventDataError(lineOf(error), null, `bad CSV: ${reasonOf(error)}`);
  });

  let columns: Map<EventField, Column> | null = null;
  let width = 0;
  function* drain(): Generator<EventItem> {
    if (fatal !== null) throw fatal;
    for (const item of queue.splice(0)) {
      if ("type" in item) {
        yield item;
        continue;
      }
      const { cells } = item;
      // `end` is the line the record ends on; the line breaks inside quoted cells say where it began.
      let line = item.end;
      for (const cell of cells) for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) line--;
      if (columns === null) {
        columns = headerColumns(cells, line, options.map ?? {}, preset);
        width = cells.length;
        continue;
      }
      if (cells.length !== width) {
        yield invalidLine(line, null, `bad CSV: ${cells.length} cells, the header has ${width}`);
        continue;
      }
      yield toEventItem(recordOf(cells, columns, preset), line, readTime);
    }
  }

  let batch = "";
  for await (const line of lines) {
    // Lines from `splitLines` have lost their `\r`; lines from elsewhere may still carry one.
    batch += line.endsWith("\r") ? `${line.slice(0, -1)}\n` : `${line}\n`;
    if (batch.length < BATCH) continue;
    parser.write(batch);
    batch = "";
    yield* drain();
  }
  if (batch !== "") parser.write(batch);
  parser.end();
  yield* drain();
}

function presetOf(name: string | undefined): CsvPreset | null {
  if (name === undefined) return null;
  if (!Object.hasOwn(CSV_PRESETS, name))
    throw new RangeError(`unknown CSV preset "${name}" (presets: ${Object.keys(CSV_PRESETS).join(", ")})`);
  return CSV_PRESETS[name];
}

/** Where each field comes from; a missing or ambiguous column stops the read (no line can be read). */
function headerColumns(
  cells: string[],
  line: number,
  map: Partial<Record<EventField, string>>,
  preset: CsvPreset | null,
): Map<EventField, Column> {
  const names = cells.map((c) => c.trim().toLowerCase());
  const columns = new Map<EventField, Column>();
  for (const field of CSV_FIELDS) {
    const chosen = map[field] ?? (preset?.constants[field] === undefined ? preset?.columns[field] : undefined);
    const name = (chosen ?? field).trim().toLowerCase();
    const index = names.indexOf(name);
    if (index === -1) {
      const constant = preset?.constants[field];
      if (map[field] === undefined && constant !== undefined) columns.set(field, { constant });
      else if (chosen !== undefined)
        throw new EventDataError(line, field, `the header row has no column "${chosen}" (for ${field})`);
      continue;
    }
    const twice = names.indexOf(name, index + 1);
    if (twice !== -1)
      throw new EventDataError(
        line,
        field,
        `the header row names the column "${name}" twice (columns ${index + 1} and ${twice + 1})`,
      );
    columns.set(field, { index });
  }
  if (!columns.has("type")) throw new EventDataError(line, "type", 'the header row has no "type" column');
  return columns;
}

function recordOf(cells: string[], columns: Map<EventField, Column>, preset: CsvPreset | null): Record<string, string> {
  // A prototype-less object: no column name or cell can reach a prototype.
  const record: Record<string, string> = Object.create(null);
  for (const [field, column] of columns) {
    const cell = "constant" in column ? column.constant : cells[column.index];
    if (cell === "") continue;
    const words = preset?.values?.[field];
    const word = cell.toLowerCase();
    record[field] = words !== undefined && Object.hasOwn(words, word) ? words[word] : cell;
  }
  return record;
}

function reasonOf(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "unterminated quoted cell";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "text after a closing quote";
    default:
      return error.message;
  }
}

function invalidLine(line: number, field: string | null, reason: string): InvalidLine {
  return { type: "invalid", line, field, reason };
}
