import type { Dialect } from "./dialect.ts";
import type { RecordsShape } from "./source.ts";

// RFC 3339 date-times, as the streaming reader accepts them, limited to what SQL reads exactly: no
// leap second, at most microseconds. Anything else is left to the streaming reader to describe.
const RFC3339 = String.raw`^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:[0-5]\d(\.\d{1,6})?([Zz]|[+-]\d{2}:\d{2})$`;
const NUMBER = String.raw`^-?\d+(\.\d+)?([eE][+-]?\d+)?$`;
const INTEGER = String.raw`^-?\d{1,15}$`;
/**
 * Measurement values in SQL: exact DECIMAL(18, 9) (sums are DECIMAL(38, 9)); a value needing more
 * places or digits is refused, never rounded. 18 digits keep DuckDB's decimals in 64-bit integers,
 * which cast from text about a hundred times faster than 38.
 */
export const VALUE_SCALE = 9;
const CAUSES = ["unplanned", "maintenance", "customer", "force majeure"];

/** A time field: its epoch ms (NULL when absent or unreadable) and whether it is absent or readable. */
function time(d: Dialect, shape: RecordsShape, name: string) {
  const f = shape.field(name);
  const text = `nullif(${f.text}, '')`;
  const ts = `CASE WHEN ${d.matches(text, RFC3339)} THEN ${d.tryTimestamp(text)} END`;
  return {
    ms: `${d.epochMs(ts)}`,
    /** Present and read exactly. */
    ok: `(${f.type} = 'VARCHAR' AND ${text} IS NOT NULL AND ${ts} IS NOT NULL)`,
    absent: `(${text} IS NULL)`,
  };
}

/** A text field that must be present: the streaming reader refuses a number or an empty string. */
function text(shape: RecordsShape, name: string) {
  const f = shape.field(name);
  return { value: `nullif(${f.text}, '')`, ok: `(${f.type} = 'VARCHAR' AND nullif(${f.text}, '') IS NOT NULL)` };
}

function typeIs(shape: RecordsShape, type: string): string {
  return `${shape.field("type").text} = '${type}'`;
}

/** Records of no kind SQL types (another kind, or no kind): the streaming reader reads them. */
export function otherRecordsSql(shape: RecordsShape): string {
  const type = shape.field("type");
  return `SELECT line, ${shape.json} AS json FROM sla_records
WHERE ${type.text} IS NULL OR ${type.type} <> 'VARCHAR' OR ${type.text} NOT IN ('measurement', 'outage', 'ticket')`;
}

/**
 * The typed tables of the records, one per kind: times as epoch ms (BIGINT), values as exact
 * decimals. `valid` is true only for a row the streaming reader accepts and SQL holds exactly;
 * any other row is described by the streaming reader's own checks (sla_invalid lists them).
 */
export function typedTablesSql(d: Dialect, shape: RecordsShape, unit: string): string[] {
  const at = time(d, shape, "at");
  const metric = text(shape, "metric");
  const value = shape.field("value");
  const valueText = `trim(${value.text})`;
  const exact = d.tryDecimal(valueText, 18, VALUE_SCALE);
  const measurements = `SELECT line, ${unit} AS unit, ${metric.value} AS metric, ${at.ms} AS at_ms, ${exact} AS value,
  coalesce(${metric.ok} AND ${at.ok}
    AND (${value.type} IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE') OR (${value.type} = 'VARCHAR' AND ${d.matches(valueText, NUMBER)}))
    AND ${exact} IS NOT NULL AND NOT ${shape.forbiddenKeys}, false) AS valid
FROM sla_records WHERE ${typeIs(shape, "measurement")}`;

  const service = text(shape, "service");
  const [start, end, announced] = ["start", "end", "announced"].map((n) => time(d, shape, n));
  const cause = shape.field("cause");
  const outages = `SELECT line, ${unit} AS unit, ${service.value} AS service, ${start.ms} AS start_ms, ${end.ms} AS end_ms,
  ${cause.text} AS cause, CASE WHEN ${cause.text} = 'maintenance' THEN ${announced.ms} END AS announced_ms,
  coalesce(${service.ok} AND ${start.ok} AND ${end.ok} AND ${end.ms} >= ${start.ms}
    AND ${cause.type} = 'VARCHAR' AND ${cause.text} IN (${CAUSES.map((c) => `'${c}'`).join(", ")})
    AND (${cause.text} <> 'maintenance' OR ${announced.absent} OR ${announced.ok})
    AND NOT ${shape.forbiddenKeys}, false) AS valid
FROM sla_records WHERE ${typeIs(shape, "outage")}`;

  const severity = shape.field("severity");
  const [opened, responded, resolved, acknowledged] = ["opened", "responded", "resolved", "acknowledged"].map((n) =>
    time(d, shape, n),
  );
  const optional = (t: typeof opened) => `(${t.absent} OR (${t.ok} AND ${t.ms} >= ${opened.ms}))`;
  const tickets = `SELECT line, ${unit} AS unit, ${service.value} AS service,
  CASE WHEN ${d.matches(`trim(${severity.text})`, INTEGER)} THEN CAST(trim(${severity.text}) AS BIGINT) END AS severity,
  ${opened.ms} AS opened_ms, ${responded.ms} AS responded_ms, ${resolved.ms} AS resolved_ms, ${acknowledged.ms} AS acknowledged_ms,
  coalesce(${service.ok} AND ${opened.ok} AND ${optional(responded)} AND ${optional(resolved)} AND ${optional(acknowledged)}
    AND ${severity.type} IN ('BIGINT', 'UBIGINT', 'VARCHAR') AND ${d.matches(severity.text, INTEGER)}
    AND NOT ${shape.forbiddenKeys}, false) AS valid
FROM sla_records WHERE ${typeIs(shape, "ticket")}`;

  const invalid = `SELECT line FROM sla_measurements WHERE NOT valid
UNION ALL SELECT line FROM sla_outages WHERE NOT valid
UNION ALL SELECT line FROM sla_tickets WHERE NOT valid`;
  return [
    ...d.setup,
    ...d.createTemp("sla_measurements", measurements),
    ...d.createTemp("sla_outages", outages),
    ...d.createTemp("sla_tickets", tickets),
    ...d.createTemp("sla_invalid", invalid),
  ];
}
