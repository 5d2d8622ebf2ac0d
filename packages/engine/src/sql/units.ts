/**
 * Objectives held `for each region` in SQL. The records of what is evaluated per unit keep their
 * `unit` (the typed tables are made with it, then a copy of those records is set aside and the
 * typed tables' unit cleared); a first round of the figure queries runs over the copy for the
 * per-unit objectives' windows, grouped by unit as the copy names them, and its result tables are
 * kept under `sla_u_…`; the usual round then runs over every record, unit '', for every other
 * window. Node reads a unit's figures when the shared contract logic evaluates that unit
 * (`unitContext` in ../units.ts): units, caps, minimum credits, the cap on all credits and the
 * fee per unit are the streaming engine's own code.
 */
import type { OutageAggregates, TicketAggregates, WindowAggregates } from "../aggregates.ts";
import type { BundleObjective } from "../bundle.ts";
import type { Context } from "../context.ts";
import type { EvaluationPlan } from "../evaluate.ts";
import { utf16Length } from "./charges.ts";
import type { Dialect } from "./dialect.ts";
import { measurementAggregates } from "./measurements.ts";
import { type OutageRows, outageAggregatesFrom, outageObjectiveIndex } from "./outages.ts";
import type { PlannedWindow } from "./plan-windows.ts";
import type { SqlResults, SqlRow } from "./rows.ts";
import { SqlEngineError } from "./runner.ts";
import { type RecordsShape, sqlString } from "./source.ts";
import { ticketAggregatesFrom } from "./tickets.ts";

/** The typed tables of records that may be evaluated per unit, with the per-unit key of each. */
const KINDS = [
  { table: "sla_outages", prefix: "outage|", name: "service", record: "outage" },
  { table: "sla_tickets", prefix: "ticket|", name: "service", record: "ticket" },
  { table: "sla_measurements", prefix: "metric|", name: "metric", record: "measurement" },
] as const;

/** The result tables of the figure queries a per-unit round keeps (as `sla_u_<table>`), by result name. */
const KEPT = [
  ["unit_measurements", "sla_m_result"],
  ["unit_outage_incidents", "sla_o_incidents"],
  ["unit_outage_pieces", "sla_o_pieces"],
  ["unit_outage_excluded", "sla_o_excluded"],
  ["unit_outage_totals", "sla_o_totals"],
  ["unit_outage_beyond", "sla_o_beyond"],
  ["unit_outage_notices", "sla_o_notices"],
  ["unit_tickets", "sla_t_result"],
] as const;

/** The names each kind of record is evaluated per unit for (services, or metrics). */
function perUnitNames(perUnit: ReadonlyMap<string, string>, prefix: string): string[] {
  return [...perUnit.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}

function inList(names: string[]): string {
  return names.length === 0 ? "NULL" : names.map(sqlString).join(", ");
}

/**
 * The `unit` column of the typed tables: the record's own unit (NULL when it names none) when the
 * contract evaluates something per unit; with `byUnit`, every figure grouped by it ('' for none).
 */
export function typedUnitSql(d: Dialect, shape: RecordsShape, plan: EvaluationPlan, byUnit: boolean): string {
  const field = shape.field("unit").text;
  if (plan.interest.perUnit !== undefined) {
    if (byUnit)
      throw new SqlEngineError(
        "this contract holds objectives for each unit, and --by-unit would group its other objectives by unit as well; export it without --by-unit (its per-unit objectives are still evaluated per unit)",
      );
    // an empty unit is none, as the streaming reader reads an empty field
    return `nullif(${field}, '')`;
  }
  return byUnit ? `coalesce(nullif(${field}, ''), '')` : `CAST('' AS ${d.text})`;
}

/**
 * After the typed tables: a record of what is evaluated per unit that names no unit, and a unit the
 * streaming reader refuses (not text, longer than 200 characters), make the record invalid (the
 * streaming reader's code describes it, by line); the units each per-unit key names (`sla_units`);
 * the per-unit records set aside with their unit (`sla_u_<table>`); the typed tables' unit cleared.
 */
export function unitLoadSql(d: Dialect, shape: RecordsShape, plan: EvaluationPlan): string[] {
  const perUnit = plan.interest.perUnit;
  if (perUnit === undefined) return refusedUnitsSql(d, shape);
  // Only a unit that may be long or may not be text (a JSON number, object, array, true or false
  // reads as its JSON text) is looked at again in its record: the others are text of at most 100
  // characters, so of at most 200 UTF-16 code units.
  const unsure = KINDS.map(
    (k) => `SELECT line FROM ${k.table}
WHERE unit IS NOT NULL AND (length(unit) > 100 OR ascii(unit) IN (45, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 91, 123) OR unit IN ('true', 'false'))`,
  );
  const unit = shape.field("unit");
  const text = `nullif(${unit.text}, '')`;
  // the record's fields are read only for the rows of the join (its columns name the unsure line)
  const refusedUnit = `SELECT line FROM (
  SELECT r.line, CASE WHEN u.line IS NOT NULL THEN ${unit.type} END AS unit_type,
    CASE WHEN u.line IS NOT NULL THEN ${text} END AS unit_text
  FROM sla_records r JOIN (${unsure.join("\n  UNION ALL ")}) AS u ON u.line = r.line) AS j
WHERE unit_type <> 'VARCHAR' OR ${utf16Length(d, "unit_text")} > 200`;
  const missing = KINDS.map(
    (k) =>
      `SELECT line FROM ${k.table} WHERE valid AND unit IS NULL AND ${k.name} IN (${inList(perUnitNames(perUnit, k.prefix))})`,
  );
  const units = KINDS.map(
    (k) =>
      `SELECT '${k.prefix}' || ${k.name} AS unit_key, unit FROM ${k.table} WHERE valid AND ${k.name} IN (${inList(perUnitNames(perUnit, k.prefix))})`,
  );
  // a charge's unit is checked with the charge (sla_charges); only its units are listed here
  const charges = perUnitNames(perUnit, "charge|");
  if (charges.length > 0)
    units.push(
      `SELECT 'charge|' || service AS unit_key, unit FROM sla_charges WHERE valid AND unit IS NOT NULL AND service IN (${inList(charges)})`,
    );
  return [
    ...refuseLines(d, [refusedUnit, ...missing].join("\nUNION ")),
    ...d.createTemp("sla_units", `SELECT DISTINCT unit_key, unit FROM (${units.join("\nUNION ALL ")}) AS u`),
    ...KINDS.flatMap((k) =>
      d.createTemp(
        `sla_u_${k.table}`,
        `SELECT * FROM ${k.table} WHERE valid AND ${k.name} IN (${inList(perUnitNames(perUnit, k.prefix))})`,
      ),
    ),
    ...KINDS.map((k) => `UPDATE ${k.table} SET unit = '' WHERE unit IS NULL OR unit <> ''`),
  ];
}

/**
 * A contract without per-unit terms still refuses a record whose unit the streaming reader refuses
 * (not text, longer than 200 characters), though no figure reads it: the record is invalid and the
 * streaming reader's code describes it, by line. The one-pass read keeps only units it is sure of;
 * NDJSON lines are looked at only when their text may name a unit (or spell one with an escape).
 */
function refusedUnitsSql(d: Dialect, shape: RecordsShape): string[] {
  if (shape.scan !== undefined) return [];
  const unit = shape.field("unit");
  const type = shape.field("type").text;
  const mayHold =
    shape.json === "json" ? "(contains(json, 'unit') OR contains(json, '\\u'))" : `${unit.text} IS NOT NULL`;
  const refused = `SELECT line FROM (
  SELECT line, ${unit.type} AS unit_type, ${unit.text} AS unit_text FROM sla_records
  WHERE ${type} IN (${KINDS.map((k) => `'${k.record}'`).join(", ")}) AND ${mayHold}) AS r
WHERE unit_type IS NOT NULL AND unit_type <> 'NULL' AND (unit_type <> 'VARCHAR' OR ${utf16Length(d, "unit_text")} > 200)`;
  return refuseLines(d, refused);
}

/** The lines `query` gives become invalid records, which the streaming reader's code describes. */
function refuseLines(d: Dialect, query: string): string[] {
  return [
    ...d.createTemp("sla_unit_refused", query),
    ...KINDS.map(
      (k) => `UPDATE ${k.table} SET valid = false WHERE valid AND line IN (SELECT line FROM sla_unit_refused)`,
    ),
    "INSERT INTO sla_invalid SELECT line FROM sla_unit_refused WHERE line NOT IN (SELECT line FROM sla_invalid)",
  ];
}

/** Whether a window's figures are a unit's (its objective is held for each unit). */
export function isUnitWindow(w: PlannedWindow): boolean {
  return Boolean(w.objective.forEach);
}

/**
 * The per-unit round: the typed tables swapped for the records set aside with their units (a
 * rename each way, so the statements can run again in a further round), the figure queries of the
 * per-unit windows, and their result tables kept.
 */
export function unitRoundSql(
  d: Dialect,
  plan: EvaluationPlan,
  windows: PlannedWindow[],
  figures: (windows: PlannedWindow[]) => string[],
): string[] {
  if (plan.interest.perUnit === undefined) return [];
  return [
    ...KINDS.map((k) => `ALTER TABLE ${k.table} RENAME TO sla_w_${k.table}`),
    ...KINDS.map((k) => `ALTER TABLE sla_u_${k.table} RENAME TO ${k.table}`),
    ...figures(windows.filter(isUnitWindow)),
    ...KEPT.flatMap(([, table]) => d.createTemp(`sla_u_${table}`, `SELECT * FROM ${table}`)),
    ...KINDS.map((k) => `ALTER TABLE ${k.table} RENAME TO sla_u_${k.table}`),
    ...KINDS.map((k) => `ALTER TABLE sla_w_${k.table} RENAME TO ${k.table}`),
  ];
}

/** The result queries of the per-unit round and the units named, when the contract has any. */
export function unitResults(plan: EvaluationPlan): { name: string; sql: string }[] {
  if (plan.interest.perUnit === undefined) return [];
  return [
    ...KEPT.map(([name, table]) => ({ name, sql: `SELECT * FROM sla_u_${table}` })),
    { name: "units", sql: "SELECT unit_key, unit FROM sla_units" },
  ];
}

/** The units each per-unit key names: the `units` result's, and those of the records Node read (charges). */
export function unitsFrom(results: SqlResults, read: Map<string, Set<string>> | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>(read);
  for (const row of results.units ?? []) {
    const key = String(row.unit_key);
    let set = out.get(key);
    if (set === undefined) {
      set = new Set();
      out.set(key, set);
    }
    set.add(String(row.unit));
  }
  return out;
}

/** One unit's result rows, by window (and the rows without a window). */
interface UnitRows {
  measurements: Map<number, SqlRow[]>;
  tickets: Map<number, SqlRow[]>;
  outages: OutageRows;
}

function rowsByUnit(results: SqlResults, objectives: Map<string, number>): Map<string, UnitRows> {
  const out = new Map<string, UnitRows>();
  const of = (unit: string): UnitRows => {
    let u = out.get(unit);
    if (u === undefined) {
      u = emptyRows(objectives);
      out.set(unit, u);
    }
    return u;
  };
  const byWindow = (name: string, pick: (u: UnitRows) => Map<number, SqlRow[]>) => {
    for (const row of results[name] ?? []) {
      const map = pick(of(String(row.unit)));
      const id = Number(row.window_id);
      const list = map.get(id);
      if (list === undefined) map.set(id, [row]);
      else list.push(row);
    }
  };
  byWindow("unit_measurements", (u) => u.measurements);
  byWindow("unit_tickets", (u) => u.tickets);
  byWindow("unit_outage_incidents", (u) => u.outages.incidents);
  byWindow("unit_outage_excluded", (u) => u.outages.excluded);
  byWindow("unit_outage_totals", (u) => u.outages.totals);
  for (const row of results.unit_outage_pieces ?? []) of(String(row.unit)).outages.pieces.push(row);
  for (const row of results.unit_outage_beyond ?? []) of(String(row.unit)).outages.beyond.push(row);
  return out;
}

/**
 * The figures of a per-unit objective's window for the unit being evaluated, from the per-unit
 * round's rows: a unit without rows for the window has none of its records in it.
 */
export function unitFigures(
  results: SqlResults,
  windows: Map<string, PlannedWindow>,
): (ctx: Context, o: BundleObjective, w: PlannedWindow) => WindowAggregates {
  const perUnitWindows = [...windows.values()].filter(isUnitWindow);
  const objectives = outageObjectiveIndex(perUnitWindows);
  const units = rowsByUnit(results, objectives);
  const none = emptyRows(objectives);
  return (ctx, o, w) => {
    if (ctx.unitName === undefined)
      throw new SqlEngineError(`objective ${o.name} is held for each ${o.forEach}, but was asked for as a whole`);
    const rows = units.get(ctx.unitName) ?? none;
    if (w.kind === "measurements") return measurementAggregates(w, rows.measurements.get(w.id)?.[0]);
    if (w.kind === "tickets") return ticketAggregatesFrom(ctx, w, rows.tickets.get(w.id) ?? []) as TicketAggregates;
    return outageAggregatesFrom(ctx, w, rows.outages) as OutageAggregates;
  };
}

function emptyRows(objectives: Map<string, number>): UnitRows {
  return {
    measurements: new Map(),
    tickets: new Map(),
    outages: {
      objectives,
      incidents: new Map(),
      pieces: [],
      excluded: new Map(),
      totals: new Map(),
      beyond: [],
    },
  };
}
