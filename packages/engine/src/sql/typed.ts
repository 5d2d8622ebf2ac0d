import type { Dialect } from "./dialect.ts";
import type { FieldSql, RecordsShape } from "./source.ts";

// RFC 3339 date-times, as the streaming reader accepts them, limited to what SQL reads exactly: no
// leap second, at most microseconds. Anything else is left to the streaming reader to describe.
// Hours and offsets are bounded here because both databases read `24:00:00` as the next midnight
// and DuckDB reads an offset of `+24:00` or `+05:60`, all of which the streaming reader refuses.
const RFC3339 = String.raw`^\d{4}-\d{2}-\d{2}[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$`;
// The form most data writes (JavaScript's toISOString), a part of RFC3339 in whole milliseconds:
// DuckDB tests it with a GLOB in half the time of the pattern (which then runs only on the other
// times), hours 00–19 and 20–23 apart since a GLOB has no alternatives.
const ISO_MILLIS = ["[01][0-9]", "2[0-3]"].map(
  (hour) => `[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T${hour}:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z`,
);

/**
 * The epoch milliseconds (BIGINT) of `text` when it is an RFC 3339 date-time SQL reads exactly
 * (RFC3339), else NULL: the millisecond the instant falls in, as the streaming reader reads it.
 */
export function rfc3339Ms(d: Dialect, text: string): string {
  const exact = `WHEN ${d.matches(text, RFC3339)} THEN ${d.epochMs(d.tryTimestamp(text))}`;
  if (d.name !== "duckdb") return `CASE ${exact} END`;
  // whole milliseconds: epoch_ms is exact, and cheaper than the floor epochMs takes
  const quick = ISO_MILLIS.map((glob) => `WHEN ${text} GLOB '${glob}' THEN epoch_ms(${d.tryTimestamp(text)})`);
  return `CASE ${quick.join(" ")} ${exact} END`;
}
const NUMBER = String.raw`^-?\d+(\.\d+)?([eE][+-]?\d+)?$`;
const INTEGER = String.raw`^-?\d{1,15}$`;
/**
 * Measurement values in SQL: exact DECIMAL(18, 9) (sums are DECIMAL(38, 9)); a value needing more
 * places or digits is refused, never rounded. 18 digits keep DuckDB's decimals in 64-bit integers,
 * which cast from text about a hundred times faster than 38.
 */
export const VALUE_SCALE = 9;
const CAUSES = ["unplanned", "maintenance", "customer", "force majeure"];

/** Records of no kind SQL types (another kind, or no kind): the streaming reader reads them. */
export function otherRecordsSql(shape: RecordsShape): string {
  // only a JSON string can read as one of the kinds' names
  const type = shape.field("type").text;
  return `SELECT line, ${shape.json} AS json FROM sla_records
WHERE ${type} IS NULL OR ${type} NOT IN ('measurement', 'outage', 'ticket', 'requests')`;
}

/** A field as `recordsOf` reads it: its text and JSON type columns. */
function column(name: string): FieldSql {
  return { text: `"${name}_text"`, type: `"${name}_type"` };
}

/** A time field read by `recordsOf`: its epoch ms (NULL when absent or unreadable) and whether it is absent or readable. */
function time(name: string) {
  const f = column(name);
  const text = `nullif(${f.text}, '')`;
  const ms = `"${name}_ms"`;
  return {
    ms,
    /** Present and read exactly. */
    ok: `(${f.type} = 'VARCHAR' AND ${text} IS NOT NULL AND ${ms} IS NOT NULL)`,
    absent: `(${text} IS NULL)`,
  };
}

/** A text field that must be present: the streaming reader refuses a number or an empty string. */
function text(name: string) {
  const f = column(name);
  return { value: `nullif(${f.text}, '')`, ok: `(${f.type} = 'VARCHAR' AND nullif(${f.text}, '') IS NOT NULL)` };
}

/**
 * The records of one kind as a FROM item with every field read once per row and every time parsed
 * once (written inline, each use of a field re-read the JSON line and each test of a time re-ran
 * its pattern, and DuckDB ran the whole on one thread): `line`, `unit`, `forbidden`, per field
 * `<name>_text` and `<name>_type`, per time also `<name>_ms`, then the `derived` columns.
 */
function recordsOf(
  d: Dialect,
  shape: RecordsShape,
  unit: string,
  kind: string,
  fields: string[],
  times: string[],
  derived: string[] = [],
): string {
  const read = shape.readFields(["type", ...fields, ...times]);
  const columns = [...fields, ...times].flatMap((n) => {
    const f = read.field(n);
    return [`${f.text} AS "${n}_text"`, `${f.type} AS "${n}_type"`];
  });
  const raw = `SELECT line, ${unit} AS unit, ${shape.forbiddenKeys} AS forbidden, ${columns.join(", ")}
  FROM ${read.from} WHERE ${read.field("type").text} = '${kind}'`;
  return typedLayers(d, raw, times, derived);
}

/** Over `raw` (with `<name>_text` columns): each time parsed once (`<name>_ms`), then the `derived` columns. */
function typedLayers(d: Dialect, raw: string, times: string[], derived: string[]): string {
  const parsed = times.map((n) => {
    const text = `nullif("${n}_text", '')`;
    return `${rfc3339Ms(d, text)} AS "${n}_ms"`;
  });
  const typed = `SELECT *, ${parsed.join(", ")} FROM (${raw}) AS raw`;
  return derived.length === 0 ? `(${typed}) AS r` : `(SELECT *, ${derived.join(", ")} FROM (${typed}) AS typed) AS r`;
}

/**
 * A measurement typed and checked: the columns after `line` (`unit`, `metric`, `at_ms`, `value`,
 * `valid`) over `typedLayers` of its fields, with the `derived` column those need.
 */
function measurementColumns(d: Dialect): { columns: string; derived: string[] } {
  const at = time("at");
  const metric = text("metric");
  const value = column("value");
  const valueText = `trim(${value.text})`;
  return {
    derived: [`${d.tryDecimal(valueText, 18, VALUE_SCALE)} AS value_exact`],
    columns: `unit, ${metric.value} AS metric, ${at.ms} AS at_ms, value_exact AS value,
  coalesce(${metric.ok} AND ${at.ok}
    AND (${value.type} IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE') OR (${value.type} = 'VARCHAR' AND ${d.matches(valueText, NUMBER)}))
    AND value_exact IS NOT NULL AND NOT forbidden, false) AS valid`,
  };
}

const MEASUREMENT_FIELDS = ["metric", "value"];
const MEASUREMENT_TIMES = ["at"];

/**
 * DuckDB: the records of NDJSON files as `read_json` reads them (`source`: columns type, metric,
 * at and unit as VARCHAR, value as JSON; the caller reads no file that may hold a refused key so),
 * each typed as a measurement in the same pass: `metric`, `unit` (its text), `at_ms`, `value`, and
 * `ok`, true only for a measurement the checks of `typedTablesSql` accept and this pass is sure of.
 * Not sure: a metric or unit that may have been a JSON number, object, array, true or false (read
 * into a VARCHAR column, it is that JSON's text), an empty or long unit. No line column: the rows
 * keep the files' order. Written out rather than through `recordsOf`, whose tests of each field's JSON type cost
 * more than the reading itself on ten million lines.
 */
export function scannedMeasurementsSql(d: Dialect, source: string): string {
  const at = `nullif("at", '')`;
  const decimal = (x: string) => `CAST(${x} AS DECIMAL(18, ${VALUE_SCALE}))`;
  // A JSON number's text read as the double the streaming reader reads (any other JSON value's
  // text, quoted or not, is no double). Below 4,000,000 the double's nearest DECIMAL(18, 9) is the
  // number written whenever that number has at most 9 places (a double is finer than 10^-9 there,
  // and the product by 10^9 errs by less than half a unit); above, the double's shortest text. The
  // value is exact when the decimal's double is the double.
  const value = `CASE WHEN abs(vd) < 4000000 THEN ${decimal("vd")} ELSE TRY_CAST(CAST(vd AS VARCHAR) AS DECIMAL(18, ${VALUE_SCALE})) END`;
  // the first character's code, tested with comparisons: DuckDB plans a long IN list as a join,
  // and a join does not keep the rows in the files' order, which the lines are read from
  const text = (c: string) =>
    `NOT (${c}_0 = 45 OR ${c}_0 BETWEEN 48 AND 57 OR ${c}_0 = 91 OR ${c}_0 = 123 OR ${c} = 'true' OR ${c} = 'false')`;
  return `SELECT metric, unit, at_ms, value,
  coalesce(type = 'measurement' AND metric <> '' AND ${text("metric")} AND at_ms IS NOT NULL AND CAST(value AS DOUBLE) = vd
    AND (unit IS NULL OR (unit <> '' AND ${text("unit")} AND length(unit) <= 100)), false) AS ok
FROM (SELECT *, ${value} AS value FROM (
  SELECT type, metric, ascii(metric) AS metric_0, unit, ascii(unit) AS unit_0,
    ${rfc3339Ms(d, at)} AS at_ms,
    TRY_CAST(CAST(value AS VARCHAR) AS DOUBLE) AS vd
  FROM ${source}) AS raw) AS typed`;
}

/** The rows of the scan that are not measurements SQL holds for sure (`ok`). */
export function scanUnsureSql(scan: string): string {
  return `SELECT count(*) AS n FROM ${scan} WHERE NOT ok`;
}

/**
 * The typed tables of the records, one per kind: times as epoch ms (BIGINT), values as exact
 * decimals. `valid` is true only for a row the streaming reader accepts and SQL holds exactly;
 * any other row is described by the streaming reader's own checks (sla_invalid lists them).
 * `changed`: later statements update the typed tables (the per-unit round), so each is a table.
 */
export function typedTablesSql(d: Dialect, shape: RecordsShape, unit: string, changed = false): string[] {
  const m = measurementColumns(d);
  const measurements = `SELECT line, ${m.columns}
FROM ${recordsOf(d, shape, unit, "measurement", MEASUREMENT_FIELDS, MEASUREMENT_TIMES, m.derived)}`;
  // typed as they were read: a view over the scan, its row order the line (a table when the unit
  // round changes the rows)
  const scanned =
    shape.scan === undefined
      ? undefined
      : `SELECT rowid + 1 AS line, ${unit} AS unit, metric, at_ms, value, ok AS valid FROM ${shape.scan}`;

  const service = text("service");
  const [start, end, announced] = ["start", "end", "announced"].map((n) => time(n));
  const cause = column("cause");
  const outages = `SELECT line, unit, ${service.value} AS service, ${start.ms} AS start_ms, ${end.ms} AS end_ms,
  ${cause.text} AS cause, CASE WHEN ${cause.text} = 'maintenance' THEN ${announced.ms} END AS announced_ms,
  coalesce(${service.ok} AND ${start.ok} AND ${end.ok} AND ${end.ms} >= ${start.ms}
    AND ${cause.type} = 'VARCHAR' AND ${cause.text} IN (${CAUSES.map((c) => `'${c}'`).join(", ")})
    AND (${cause.text} <> 'maintenance' OR ${announced.absent} OR ${announced.ok})
    AND NOT forbidden, false) AS valid
FROM ${recordsOf(d, shape, unit, "outage", ["service", "cause"], ["start", "end", "announced"])}`;

  const severity = column("severity");
  const ticketTimes = ["opened", "responded", "resolved", "acknowledged"];
  const [opened, responded, resolved, acknowledged] = ticketTimes.map((n) => time(n));
  const optional = (t: typeof opened) => `(${t.absent} OR (${t.ok} AND ${t.ms} >= ${opened.ms}))`;
  const tickets = `SELECT line, unit, ${service.value} AS service,
  CASE WHEN ${d.matches(`trim(${severity.text})`, INTEGER)} THEN CAST(trim(${severity.text}) AS BIGINT) END AS severity,
  ${opened.ms} AS opened_ms, ${responded.ms} AS responded_ms, ${resolved.ms} AS resolved_ms, ${acknowledged.ms} AS acknowledged_ms,
  coalesce(${service.ok} AND ${opened.ok} AND ${optional(responded)} AND ${optional(resolved)} AND ${optional(acknowledged)}
    AND ${severity.type} IN ('BIGINT', 'UBIGINT', 'VARCHAR') AND ${d.matches(severity.text, INTEGER)}
    AND NOT forbidden, false) AS valid
FROM ${recordsOf(d, shape, unit, "ticket", ["service", "severity"], ticketTimes)}`;

  const invalid = `SELECT line FROM sla_measurements WHERE NOT valid
UNION ALL SELECT line FROM sla_outages WHERE NOT valid
UNION ALL SELECT line FROM sla_tickets WHERE NOT valid
UNION ALL SELECT line FROM sla_requests WHERE NOT valid`;
  return [
    ...d.setup,
    ...(scanned === undefined
      ? d.createTemp("sla_measurements", measurements)
      : changed
        ? d.createTemp("sla_measurements", scanned)
        : [`CREATE OR REPLACE TEMP VIEW sla_measurements AS ${scanned}`]),
    ...d.createTemp("sla_outages", outages),
    ...d.createTemp("sla_tickets", tickets),
    ...d.createTemp("sla_requests", requestsSql(d, shape, unit)),
    ...d.createTemp("sla_invalid", invalid),
  ];
}

// A count of requests as the streaming reader takes it: a whole number, 0 or more, at most 2^53 − 1,
// as a JSON number or text.
const COUNT = "^-?0*[0-9]{1,16}$";
const MAX_COUNT = "9007199254740991";

/**
 * `requests` records: `total` and one of `failed` or `good`, as exact BIGINT counts (`failed` from
 * `good` when that is given), valid only when the streaming reader accepts the record.
 */
function requestsSql(d: Dialect, shape: RecordsShape, unit: string): string {
  const at = time("at");
  const metric = text("metric");
  const count = (name: string) => {
    const f = column(name);
    const trimmed = `trim(${f.text})`;
    // a JSON number with a point or an exponent (`1200.0`, a counter's increase) is a count when it
    // is a whole number: read as the double the streaming reader reads (DuckDB's NDJSON only)
    const double = `TRY_CAST(${f.text} AS DOUBLE)`;
    const whole =
      d.name === "duckdb"
        ? `WHEN ${f.type} = 'DOUBLE' THEN CASE WHEN ${double} = floor(${double}) AND ${double} >= 0 AND ${double} <= ${MAX_COUNT} THEN CAST(${double} AS BIGINT) END `
        : "";
    const value = `CASE ${whole}WHEN ${d.matches(trimmed, COUNT)} THEN CAST(${trimmed} AS BIGINT) END`;
    return {
      derived: `${value} AS "${name}_n"`,
      n: `"${name}_n"`,
      present: `(nullif(${f.text}, '') IS NOT NULL)`,
      ok: `(${f.type} IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'VARCHAR') AND "${name}_n" IS NOT NULL AND "${name}_n" >= 0 AND "${name}_n" <= ${MAX_COUNT})`,
    };
  };
  const [total, failed, good] = ["total", "failed", "good"].map(count);
  return `SELECT line, unit, ${metric.value} AS metric, ${at.ms} AS at_ms, ${total.n} AS total,
  CASE WHEN ${failed.present} THEN ${failed.n} ELSE ${total.n} - ${good.n} END AS failed,
  coalesce(${metric.ok} AND ${at.ok} AND ${total.present} AND ${total.ok}
    AND ((${failed.present} AND NOT ${good.present} AND ${failed.ok} AND ${failed.n} <= ${total.n})
      OR (${good.present} AND NOT ${failed.present} AND ${good.ok} AND ${good.n} <= ${total.n}))
    AND NOT forbidden, false) AS valid
FROM ${recordsOf(d, shape, unit, "requests", ["metric", "total", "failed", "good"], ["at"], [total.derived, failed.derived, good.derived])}`;
}
