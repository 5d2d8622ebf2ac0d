/**
 * Charge records (the fee of a service whose fee is `as charged`) in SQL: typed and checked as the
 * streaming reader checks them (`sla_charges`, its `valid` flag; any other row is described by the
 * streaming reader's code, by line), placed in the calendar period of the service's fee (a `period`
 * as written, or the period of the agreement's zone holding `at`, from a table of period starts
 * TypeScript works out), and added up per service and period in exact decimals, for the whole
 * contract and for each unit. What fees.ts would refuse while adding them up (a period of the
 * wrong length, two currencies in one period) comes back as the first such line of each scope, so
 * the contract logic raises the same error where the streaming engine does.
 */
import { DateTime } from "luxon";
import type { BundleService, RuleBundle } from "../bundle.ts";
import type { ChargeSums } from "../collect.ts";
import type { EvaluationPlan } from "../evaluate.ts";
import type { Dialect } from "./dialect.ts";
import { insertRows, type SqlResults } from "./rows.ts";
import { type RecordsShape, sqlString } from "./source.ts";
import { rfc3339Ms } from "./typed.ts";

/** Charge amounts in SQL: DECIMAL(38, 10), sums exact; an amount needing more places is refused, never rounded. */
export const AMOUNT_SCALE = 10;
const CHARGE_PERIOD = String.raw`^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$`;
const AMOUNT = String.raw`^\d+(\.\d+)?$`;
const FORMS = { month: String.raw`^\d{4}-\d{2}$`, quarter: String.raw`^\d{4}-Q\d$`, year: String.raw`^\d{4}$` };
const WRITTEN = { month: "YYYY-MM", quarter: "YYYY-Qn", year: "YYYY" } as const;
/** The years whose periods the table of period starts covers; a charge at an instant outside them is refused. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

type Charged = "month" | "quarter" | "year";

function chargedServices(bundle: RuleBundle): BundleService[] {
  return bundle.services.filter((s) => s.feeCharged);
}

/** The length of text in UTF-16 code units, as JavaScript counts it (two for a character beyond U+FFFF). */
export function utf16Length(d: Dialect, text: string): string {
  const beyond = d.name === "duckdb" ? String.raw`[^\x{10000}-\x{10FFFF}]` : String.raw`[^\U00010000-\U0010FFFF]`;
  return `(length(${text}) + length(regexp_replace(${text}, '${beyond}', '', 'g')))`;
}

/** The calendar periods of `charged` in `zone` from FIRST_YEAR to LAST_YEAR, with their labels as the engine writes them. */
function periodRows(charged: Charged, zone: string): string[] {
  const rows: string[] = [];
  const step = charged === "month" ? 1 : charged === "quarter" ? 3 : 12;
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++)
    for (let m = 1; m <= 12; m += step) {
      const start = DateTime.fromObject({ year: y, month: m, day: 1 }, { zone });
      const end = start.plus({ months: step });
      const label =
        charged === "month" ? start.toFormat("yyyy-MM") : charged === "quarter" ? `${y}-Q${(m + 2) / 3}` : String(y);
      rows.push(`('${charged}', ${start.toMillis()}, ${end.toMillis()}, '${label}')`);
    }
  return rows;
}

/**
 * The typed charges (`sla_charges`) and, for the services whose fee is as charged, their sums per
 * scope ('' for the whole contract, 'u:' and the unit for each unit), service and period, and the
 * first line of each scope that fees.ts refuses (`sla_ch_sums`, `sla_ch_errors`).
 */
export function chargeSql(d: Dialect, shape: RecordsShape, plan: EvaluationPlan): string[] {
  const bundle = plan.base.bundle;
  const read = shape.readFields(["type", "service", "period", "amount", "currency", "at", "unit"]);
  const f = (name: string) => read.field(name);
  const present = (name: string) =>
    `(${f(name).type} IS NOT NULL AND ${f(name).type} <> 'NULL' AND nullif(${f(name).text}, '') IS NOT NULL)`;
  const isText = (name: string) => `(${f(name).type} = 'VARCHAR' AND nullif(${f(name).text}, '') IS NOT NULL)`;
  const atText = `nullif(${f("at").text}, '')`;
  const amountText = `trim(${f("amount").text})`;
  const perUnit = chargedServices(bundle).filter((s) => s.feeUnit);
  const needsUnit =
    perUnit.length === 0 ? "false" : `${f("service").text} IN (${perUnit.map((s) => sqlString(s.name)).join(", ")})`;
  const unitText = `nullif(${f("unit").text}, '')`;
  // a JSON number is read by the streaming reader as its shortest decimal text: exact here when it
  // has at most 15 significant digits, so the double it is holds those digits
  const numberAmount = `(${f("amount").type} IN ('UBIGINT', 'BIGINT', 'DOUBLE') AND length(ltrim(replace(${amountText}, '.', ''), '0')) <= 15)`;
  const typed = `SELECT line, ${unitText} AS unit, nullif(${f("service").text}, '') AS service,
  CASE WHEN ${present("period")} THEN ${f("period").text} END AS period,
  ${rfc3339Ms(d, atText)} AS at_ms,
  CASE WHEN ${d.matches(amountText, AMOUNT)} THEN ${d.tryDecimal(amountText, 38, AMOUNT_SCALE)} END AS amount,
  ${f("currency").text} AS currency,
  coalesce(${isText("service")}
    AND (CASE WHEN ${present("period")}
      THEN ${f("period").type} = 'VARCHAR' AND ${d.matches(f("period").text, CHARGE_PERIOD)} AND NOT ${present("at")}
      ELSE ${isText("at")} END)
    AND (${f("amount").type} = 'VARCHAR' OR ${numberAmount})
    AND ${isText("currency")} AND ${d.matches(f("currency").text, "^[A-Z]{3}$")}
    AND (${unitText} IS NULL OR (${f("unit").type} = 'VARCHAR' AND ${utf16Length(d, unitText)} <= 200))
    AND NOT (${needsUnit} AND ${unitText} IS NULL)
    AND NOT ${shape.forbiddenKeys}, false) AS checks
FROM ${read.from} WHERE ${f("type").text} = 'charge'`;
  const charged = chargedServices(bundle);
  const kinds = [...new Set(charged.map((s) => s.feeCharged!.period))];
  const zone = plan.base.zone;
  const periods = kinds.flatMap((k) => periodRows(k, zone));
  return [
    ...d.createTemp(
      "sla_charges",
      `SELECT line, unit, service, period, at_ms, amount, currency,
  checks AND (period IS NOT NULL OR at_ms IS NOT NULL) AND amount IS NOT NULL AS valid
FROM (${typed}) AS c`,
    ),
    "INSERT INTO sla_invalid SELECT line FROM sla_charges WHERE NOT valid",
    ...d.createTemp(
      "sla_ch_services",
      `SELECT CAST('' AS ${d.text}) AS service, CAST('' AS ${d.text}) AS kind WHERE false`,
    ),
    ...insertRows(
      "sla_ch_services",
      charged.map((s) => `(${sqlString(s.name)}, '${s.feeCharged!.period}')`),
    ),
    ...d.createTemp(
      "sla_ch_periods",
      `SELECT CAST('' AS ${d.text}) AS kind, CAST(0 AS BIGINT) AS start_ms, CAST(0 AS BIGINT) AS end_ms, CAST('' AS ${d.text}) AS label WHERE false`,
    ),
    ...insertRows("sla_ch_periods", periods),
    ...d.createTemp(
      "sla_ch_labeled",
      `SELECT c.line, c.unit, c.service, c.currency, c.amount, c.period, s.kind, coalesce(c.period, p.label) AS label,
  c.period IS NOT NULL AND NOT (CASE s.kind ${Object.entries(FORMS)
    .map(([k, re]) => `WHEN '${k}' THEN ${d.matches("c.period", re)}`)
    .join(" ")} END) AS bad_form
FROM sla_charges c JOIN sla_ch_services s ON s.service = c.service
LEFT JOIN sla_ch_periods p ON c.period IS NULL AND p.kind = s.kind AND c.at_ms >= p.start_ms AND c.at_ms < p.end_ms
WHERE c.valid`,
    ),
    ...d.createTemp(
      "sla_ch_scoped",
      `SELECT CAST('' AS ${d.text}) AS scope, l.* FROM sla_ch_labeled l
UNION ALL SELECT 'u:' || l.unit AS scope, l.* FROM sla_ch_labeled l WHERE l.unit IS NOT NULL`,
    ),
    ...d.createTemp(
      "sla_ch_firsts",
      `SELECT *, first_value(currency) OVER (PARTITION BY scope, service, label ORDER BY line) AS seen_currency,
  first_value(line) OVER (PARTITION BY scope, service, label ORDER BY line) AS seen_line
FROM sla_ch_scoped WHERE NOT bad_form`,
    ),
  ];
}

/** The result queries of the charges: sums, the first refused line of each scope, and the undated ones. */
export function chargeResults(d: Dialect): { name: string; sql: string }[] {
  return [
    {
      name: "charge_sums",
      sql: `SELECT scope, service, label, CAST(sum(amount) AS ${d.text}) AS amount, min(seen_currency) AS currency
FROM sla_ch_firsts GROUP BY scope, service, label`,
    },
    {
      name: "charge_errors",
      sql: `SELECT scope, 'form' AS problem, line, service, period AS label, kind, currency, CAST(NULL AS BIGINT) AS seen_line, CAST(NULL AS ${d.text}) AS seen_currency
FROM sla_ch_scoped WHERE bad_form
UNION ALL SELECT scope, 'currency', line, service, label, kind, currency, seen_line, seen_currency
FROM sla_ch_firsts WHERE currency <> seen_currency
UNION ALL SELECT scope, 'undated', line, service, label, kind, currency, NULL, NULL
FROM sla_ch_scoped WHERE label IS NULL`,
    },
  ];
}

/** The records-read figures of the charges for the `stats` and `unknown` results. */
export function chargeStatsSql(plan: EvaluationPlan): { stats: string; unknown: string } {
  const declared = [...plan.interest.declaredServices].map(sqlString).join(", ") || "NULL";
  return {
    // a bill moves neither end of the observed data
    stats: `SELECT CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CASE WHEN service IN (${declared}) THEN 1 ELSE 0 END FROM sla_charges WHERE valid`,
    unknown: `SELECT 'service|' || service, line FROM sla_charges WHERE valid AND service NOT IN (${declared})`,
  };
}

/**
 * The charges' sums for fees.ts, per scope, from the result rows: the first line fees.ts would
 * refuse in a scope becomes that scope's error, with fees.ts's words.
 */
export function chargeSumsFrom(results: SqlResults): Map<string, ChargeSums> | undefined {
  if (results.charge_sums === undefined) return undefined;
  const out = new Map<string, ChargeSums>();
  const of = (scope: string) => {
    let s = out.get(scope);
    if (s === undefined) {
      s = { sums: new Map(), error: null };
      out.set(scope, s);
    }
    return s;
  };
  for (const row of results.charge_sums)
    of(String(row.scope)).sums.set(`${row.service}|${row.label}`, {
      amount: String(row.amount),
      currency: String(row.currency),
    });
  const first = new Map<string, { line: number; message: string }>();
  for (const row of results.charge_errors ?? []) {
    const line = Number(row.line);
    const kind = String(row.kind) as Charged;
    const message =
      row.problem === "form"
        ? `line ${line}: a charge for service ${row.service} for ${row.label}, but its fee is charged per ${kind}: write the period as ${WRITTEN[kind]}`
        : row.problem === "currency"
          ? `line ${line}: a charge for service ${row.service} in ${row.label} in ${row.currency}, but line ${Number(row.seen_line)} charges it in ${row.seen_currency}`
          : `line ${line}: a charge for service ${row.service} at an instant outside the years ${FIRST_YEAR} to ${LAST_YEAR} cannot be placed in a period in SQL; evaluate it with the streaming engine`;
    const seen = first.get(String(row.scope));
    if (seen === undefined || line < seen.line) first.set(String(row.scope), { line, message });
  }
  for (const [scope, e] of first) of(scope).error = e;
  return out;
}
