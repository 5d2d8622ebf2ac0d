/**
 * Objectives held for each unit, fees per unit and fees as charged, with records that reach their
 * edges (a unit missing, not text, at and past 200 UTF-16 code units; charges missing or of an
 * undeclared service; thousands of units under a cap on all credits), shared by the back-to-back
 * tests of DuckDB (`sql-units.test.ts`) and of the exported SQL on PostgreSQL
 * (`test/postgres/units.test.ts`): every engine must give the streaming engine's report, or its
 * error, byte for byte.
 */
import { compileBundle } from "@sla/compiler";
import { checkProgram, memoryHost } from "@sla/language";
import type { RuleBundle } from "../../src/bundle.ts";

export interface UnitCase {
  name: string;
  bundle: RuleBundle;
  /** NDJSON lines. */
  lines: string[];
  options: { from: string; to?: string; asOf: string; skipInvalid?: boolean };
  /** The case turns on a field's JSON type, which the export's text columns do not keep (docs/evaluation.md). */
  jsonTypes?: true;
  /**
   * The SQL must run a second time with a decision of the streaming engine's rule (a notice across
   * a clock change): `--engine duckdb` does; an export's one run names it (SqlNeedsAnotherRound).
   */
  rounds?: true;
}

export function compile(body: string, zone = "UTC"): RuleBundle {
  const text = `agreement Cloud "Cloud SLA" {
  effective 2026-01-01
  timezone "${zone}"
  currency USD
}
party Acme "Acme" { role provider }
party Globex "Globex" { role customer }
${body}`;
  const uri = "file:///contract/cloud.sla";
  const program = checkProgram(uri, memoryHost({ [uri]: text }));
  const errors = program.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join("\n"));
  return compileBundle(program) as RuleBundle;
}

const compute = (serviceExtra = "") => `
service Compute "Compute" {
  provider Acme
  customer Globex
  fee USD 100.00 for each instance per month
  hours 24x7
${serviceExtra}}
metric Up { service Compute  type availability }
objective Uptime {
  metric Up
  for each instance
  target at least 99.9% per calendar month
}
remedy Credits {
  for Uptime
  credit 10% of monthly fee when below 99.9%
  terminate when breached 2 times within 2 months
  action "Review the instance's host" within 5 days
}
`;

/** Beside the per-instance objective, one of the whole service, paid as a fixed amount. */
const WHOLE = `
objective Fleet {
  metric Up
  target at least 99.5% per calendar month
}
remedy FleetCredit {
  for Fleet
  credit USD 50.00 when below 99.5%
}
`;

const DESK = `
service Desk "Desk" {
  provider Acme
  customer Globex
  fee USD 50.00 for each account per month
  hours 24x7
}
metric Latency { service Desk  type latency percentile 50 }
objective Fast {
  metric Latency
  for each account
  target at most 200 milliseconds per calendar month
}
objective Support {
  service Desk
  for each account
  severity 1 "Down"
  response within 1 hour during 24x7
  at least 100% of tickets per calendar month
}
remedy SupportCredits {
  for Support
  credit 20% of monthly fee when below 100%
}
remedy FastCredits {
  for Fast
  credit 5% of monthly fee when above 200 milliseconds
  minimum credit USD 5.00
}
`;

const CHARGED = `
service Storage "Storage" {
  provider Acme
  customer Globex
  fee as charged for each region per month
  hours 24x7
}
metric Up { service Storage  type availability }
objective Regional {
  metric Up
  for each region
  target at least 99.9% per calendar month
}
remedy Credits {
  for Regional
  credit 10% of monthly fee when below 99.9%
  cap 50% of monthly fee per calendar month
}
`;

export const outage = (unit: unknown, start: string, end: string, extra: object = {}) =>
  JSON.stringify({
    type: "outage",
    service: "Compute",
    ...(unit === null ? {} : { unit }),
    start,
    end,
    cause: "unplanned",
    ...extra,
  });

const charge = (unit: string | null, amount: string, service = "Storage") =>
  JSON.stringify({
    type: "charge",
    service,
    ...(unit === null ? {} : { unit }),
    period: "2026-03",
    amount,
    currency: "USD",
  });

const storageOutage = (unit: string, hours = 2) =>
  JSON.stringify({
    type: "outage",
    service: "Storage",
    unit,
    start: "2026-03-02T00:00:00Z",
    end: `2026-03-02T${String(hours).padStart(2, "0")}:00:00Z`,
    cause: "unplanned",
  });

/** A fee charged per quarter in New York: charges placed by period or by instant, at the quarters' edges. */
const QUARTERLY = `
service Compute "Compute" {
  provider Acme
  customer Globex
  fee as charged per quarter
  hours 24x7
}
metric Up { service Compute  type availability }
objective Uptime {
  metric Up
  target at least 99.99% per calendar quarter
}
remedy Credits {
  for Uptime
  credit 10% of quarterly fee when below 99.99%
}
`;

const quarterCharge = (fields: object) =>
  JSON.stringify({ type: "charge", service: "Compute", currency: "USD", ...fields });
const QUARTER_OUTAGE = JSON.stringify({
  type: "outage",
  service: "Compute",
  start: "2026-02-10T14:00:00Z",
  end: "2026-02-10T16:00:00Z",
  cause: "unplanned",
});
/** One charge the streaming reader refuses for each of its checks. */
const BAD_CHARGES = [
  { period: "2026-Q1", at: "2026-02-01T00:00:00Z", amount: "1.00" },
  { period: "2026-13", amount: "1.00" },
  { period: "2026-Q1", amount: "-1.00" },
  { period: "2026-Q1", amount: "1,00" },
  { period: "2026-Q1" },
  { period: "2026-Q1", amount: "1.00", currency: "usd" },
  { period: "2026-Q1", amount: "1.00", service: "" },
  { at: "yesterday", amount: "1.00" },
  { amount: "1.00" },
].map(quarterCharge);
/** The checks of a charge's fields' JSON types. */
const BAD_JSON_CHARGES = [
  { period: 2026, amount: "1.00" },
  { period: "2026-Q1", amount: "1.00", currency: 840 },
  { period: "2026-Q1", amount: "1.00", unit: 5 },
  { period: "2026-Q1", amount: 1e21 },
  { period: "2026-Q1", amount: 1e-7 },
  { period: "2026-Q1", amount: 0.000001 },
].map(quarterCharge);
// written without an exponent: JavaScript and DuckDB both read it as 1e-7, which is refused
BAD_JSON_CHARGES.push('{"type":"charge","service":"Compute","period":"2026-Q1","amount":0.0000001,"currency":"USD"}');

const MARCH = { from: "2026-03", asOf: "2026-12-31" };
const instance = (i: number) => `i-${String(i).padStart(5, "0")}`;

export function unitCases(): UnitCase[] {
  const plain = compile(compute());
  const withWhole = compile(compute() + WHOLE);
  const capped = (share: number) =>
    compile(compute(`  cap all credits at ${share}% of monthly fee per calendar month\n`));
  const desk = compile(DESK);
  const charged = compile(CHARGED);
  const quarterly = compile(QUARTERLY, "America/New_York");
  const many: string[] = [];
  for (let i = 0; i < 5000; i++)
    many.push(outage(instance(i), "2026-03-02T00:00:00Z", i % 2 ? "2026-03-02T02:00:00Z" : "2026-03-02T00:01:00Z"));
  const underCap: string[] = [];
  for (let i = 0; i < 4000; i++) underCap.push(outage(instance(i), "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"));
  const m = (unit: string, at: string, value: number) =>
    JSON.stringify({ type: "measurement", metric: "Latency", unit, at, value });
  const t = (unit: string, opened: string, responded: string) =>
    JSON.stringify({ type: "ticket", service: "Desk", unit, severity: 1, opened, responded, resolved: responded });
  return [
    {
      name: "a unit's outages are its own, even where they overlap another's",
      bundle: withWhole,
      lines: [
        outage("a", "2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z"),
        outage("b", "2026-03-02T00:30:00Z", "2026-03-02T00:40:00Z"),
        outage("a", "2026-03-02T00:10:00Z", "2026-03-02T00:20:00Z"),
      ],
      options: MARCH,
    },
    {
      name: "a unit named only in another month, and an empty unit, which is none",
      bundle: plain,
      lines: [
        outage("d", "2026-02-02T00:00:00Z", "2026-02-02T00:00:01Z"),
        outage("", "2026-03-05T00:00:00Z", "2026-03-05T03:00:00Z"),
      ],
      options: MARCH,
    },
    { name: "no record names a unit", bundle: plain, lines: [], options: MARCH },
    {
      name: "each unit's own termination right and actions, over two months",
      bundle: plain,
      lines: [
        outage("a", "2026-02-02T00:00:00Z", "2026-02-02T02:00:00Z"),
        outage("a", "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"),
        outage("b", "2026-03-03T00:00:00Z", "2026-03-03T02:00:00Z"),
      ],
      options: { from: "2026-02", to: "2026-03", asOf: "2026-12-31" },
    },
    ...[false, true].map((skipInvalid) => ({
      name: `a record without a unit${skipInvalid ? ", passed over" : ""}`,
      bundle: withWhole,
      lines: [
        outage("a", "2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z"),
        outage(null, "2026-01-03T00:00:00Z", "2026-03-03T01:00:00Z"),
        outage("b", "2026-03-04T00:00:00Z", "2026-03-04T01:00:00Z", { start: "soon" }),
      ],
      options: { ...MARCH, skipInvalid },
    })),
    ...(
      [
        ["a unit that is not text", 7],
        ["a unit that is an object", { id: "a" }],
        ["a unit of 201 characters", "x".repeat(201)],
        ["a unit of 200 characters", "x".repeat(200)],
        ["a unit of 101 characters beyond U+FFFF (202 UTF-16 code units)", "😀".repeat(101)],
        ["a unit of 100 characters beyond U+FFFF (200 UTF-16 code units)", "😀".repeat(100)],
        ["a unit of 150 accented characters", "é".repeat(150)],
      ] as [string, unknown][]
    ).map(([name, unit]) => ({
      name,
      ...(typeof unit === "string" ? {} : { jsonTypes: true as const }),
      bundle: plain,
      lines: [
        outage("a", "2026-03-01T00:00:00Z", "2026-03-01T00:01:00Z"),
        outage(unit, "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"),
      ],
      options: MARCH,
    })),
    {
      name: "each unit's tickets and measurements, a minimum credit withholding one",
      bundle: desk,
      lines: [
        m("x", "2026-03-01T00:00:00Z", 100),
        m("x", "2026-03-01T00:01:00Z", 150),
        m("y", "2026-03-01T00:00:00Z", 900),
        m("z", "2026-03-01T00:00:00Z", 250),
        t("x", "2026-03-03T10:00:00Z", "2026-03-03T10:30:00Z"),
        t("y", "2026-03-03T10:00:00Z", "2026-03-03T12:00:00Z"),
      ],
      options: MARCH,
    },
    {
      name: "a unit's credit of its own charges, capped at them",
      bundle: charged,
      lines: [
        charge("eu", "300.00"),
        charge("eu", "33.33"),
        charge("us", "9000.00"),
        storageOutage("eu"),
        storageOutage("ap", 23),
        charge("ap", "10.01"),
      ],
      options: MARCH,
    },
    {
      name: "a charge without a unit",
      bundle: charged,
      lines: [storageOutage("eu"), charge(null, "1.00")],
      options: MARCH,
    },
    {
      name: "a charge without a unit, passed over, and a unit known by its charge alone",
      bundle: charged,
      lines: [storageOutage("eu"), charge(null, "1.00"), charge("eu", "5.00"), charge("us", "7.00")],
      options: { ...MARCH, skipInvalid: true },
    },
    {
      name: "a credit of a unit without charges names the unit",
      bundle: charged,
      lines: [charge("us", "1.00"), storageOutage("eu")],
      options: MARCH,
    },
    {
      name: "charges of an undeclared service are counted with the other unknown names, by first line",
      bundle: charged,
      lines: [
        charge("eu", "3.00", "Storag"),
        storageOutage("eu"),
        JSON.stringify({
          type: "outage",
          service: "Storag",
          start: "2026-03-01T00:00:00Z",
          end: "2026-03-01T00:01:00Z",
          cause: "unplanned",
        }),
        charge("eu", "5.00"),
        charge("eu", "3.00", "Archive"),
      ],
      options: MARCH,
    },
    {
      name: "charges per quarter by period and by instant in New York, at the quarters' edges, as text and as JSON numbers",
      bundle: quarterly,
      lines: [
        QUARTER_OUTAGE,
        // 23:30 on 31 March in New York: the first quarter; half an hour later, the second
        quarterCharge({ at: "2026-04-01T03:30:00Z", amount: "100.10" }),
        quarterCharge({ at: "2026-04-01T04:00:00Z", amount: "999.00" }),
        quarterCharge({ at: "2026-01-01T04:59:59.999Z", amount: "5" }),
        quarterCharge({ at: "2026-01-01T05:00:00Z", amount: 1234 }),
        quarterCharge({ period: "2026-Q1", amount: 12.5 }),
        quarterCharge({ period: "2026-Q1", amount: "  7.25 " }),
        quarterCharge({ period: "2026-Q1", amount: "0.0000000001" }),
        quarterCharge({ period: "2026-Q1", amount: "1.00", service: "Undeclared" }),
      ],
      options: { from: "2026-03", asOf: "2026-12-31" },
    },
    ...[false, true].map((skipInvalid) => ({
      name: `every check of a charge${skipInvalid ? ", each line passed over" : ""}`,
      bundle: quarterly,
      lines: [QUARTER_OUTAGE, quarterCharge({ period: "2026-Q1", amount: "10.00" }), ...BAD_CHARGES],
      options: { ...MARCH, skipInvalid },
    })),
    ...[false, true].map((skipInvalid) => ({
      name: `every check of a charge's JSON types${skipInvalid ? ", each line passed over" : ""}`,
      bundle: quarterly,
      lines: [QUARTER_OUTAGE, quarterCharge({ period: "2026-Q1", amount: "10.00" }), ...BAD_JSON_CHARGES],
      options: { ...MARCH, skipInvalid },
      jsonTypes: true as const,
    })),
    {
      name: "a month where the fee is charged per quarter, after a quarter's charge",
      bundle: quarterly,
      lines: [
        QUARTER_OUTAGE,
        quarterCharge({ period: "2026-Q1", amount: "10.00" }),
        quarterCharge({ period: "2026-03", amount: "10.00" }),
        quarterCharge({ period: "2026-Q1", amount: "10.00", currency: "EUR" }),
      ],
      options: MARCH,
    },
    {
      name: "two currencies in one quarter before a period of the wrong length",
      bundle: quarterly,
      lines: [
        QUARTER_OUTAGE,
        quarterCharge({ at: "2026-02-01T00:00:00Z", amount: "10.00" }),
        quarterCharge({ period: "2026-Q1", amount: "10.00", currency: "EUR" }),
        quarterCharge({ period: "2026-03", amount: "10.00" }),
      ],
      options: MARCH,
    },
    { name: "5,000 instances", bundle: plain, lines: many, options: MARCH },
    {
      name: "a cap on all credits, units in code-point order",
      bundle: capped(6),
      lines: [
        outage("d", "2026-02-02T00:00:00Z", "2026-02-02T00:00:01Z"),
        outage("c", "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"),
        outage("a", "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"),
        outage("b", "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z"),
      ],
      options: MARCH,
    },
    { name: "a cap on all credits of 4,000 instances", bundle: capped(5), lines: underCap, options: MARCH },
    {
      name: "maintenance with notice in business days across a clock change, per unit",
      bundle: compile(
        compute("  exclude maintenance { notice 2 business days  at most 4 hours per calendar month }\n"),
        "Europe/London",
      ),
      lines: [
        outage("a", "2026-03-31T08:00:00Z", "2026-03-31T10:00:00Z", {
          cause: "maintenance",
          announced: "2026-03-27T09:00:00Z",
        }),
        outage("b", "2026-03-31T08:00:00Z", "2026-03-31T12:00:00Z", {
          cause: "maintenance",
          // on the day London's clocks go forward: the streaming engine's rule decides it
          announced: "2026-03-29T09:30:00Z",
        }),
        outage("b", "2026-03-10T08:00:00Z", "2026-03-10T09:00:00Z"),
      ],
      options: MARCH,
      rounds: true,
    },
  ];
}
