/**
 * One oracle against the other. Generated contracts (targets, windows, service hours on 24x7 or a
 * calendar with holidays, time zones with clock changes, exclusions, credit tiers) and generated
 * outages: the engine's verdict must agree with the budget the bundle and the Markdown contract
 * state. An outage of exactly the permitted downtime meets the target and one second more breaches
 * it; the budget of each window lies within the range the contract states (and is that figure for
 * the windows the contract names); every tier pays the credit the contract's tier table prints.
 *
 * Bounded runs in `npm test`; `npm run fuzz` sets FUZZ_RUNS for many more.
 */
import type { RuleBundle } from "@sla/compiler";
import type { EvaluationReport, ObjectiveReport } from "@sla/engine";
import { scheduledWindows, type TimeSpan, toDecimal, workingSpans, workingWeek } from "@sla/language";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build, type RecordLine, run } from "./pipeline.ts";

const RUNS = Math.max(1, Math.round(Number(process.env.FUZZ_RUNS ?? 300) / 15));
/** Each run builds a contract and evaluates a few streams: time grows with the runs. */
const TIMEOUT = { timeout: Math.max(30_000, RUNS * 2_000) };

const ZONES = ["UTC", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"];
const TARGETS = ["99", "99.5", "99.9", "99.95", "98.75"];
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

interface Case {
  zone: string;
  target: string;
  window: "calendar month" | "calendar quarter" | "week" | "rolling 30 days";
  calendar: { days: [number, number]; from: number; to: number; holidays: number[] } | null;
  month: number;
  tiers: { below: string; credit: number }[];
  /** Tiers written as published tables do: `below 99.9% but at least 99.8%`, each down to the next. */
  banded?: boolean;
  /** A first tier of 1% `when at most <target>`: paid at exactly the target too (SLA5010, a warning). */
  atTarget?: boolean;
  /** Every second tier a fixed amount (`credit GBP 101.25 when …`) instead of a percentage. */
  amounts?: boolean;
  /** The at-target tier written `at or below`, which means `at most` (the contract prints that). */
  orBelow?: boolean;
  /** `credits are cumulative`: every tier that holds is paid, added together. */
  cumulative?: boolean;
  /** `minimum credit GBP 60.00`: a smaller credit is paid as nothing. */
  minimum?: boolean;
  /** `cap all credits at 12% of monthly fee per calendar month` on the service. */
  serviceCap?: boolean;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    target: fc.constantFrom(...TARGETS),
    window: fc.constantFrom("calendar month", "calendar quarter", "week", "rolling 30 days"),
    calendar: fc.option(
      fc.record({
        days: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })) as fc.Arbitrary<
          [number, number]
        >,
        // half hours, so spans cross the hours clocks change at (01:00–03:00) now and then
        from: fc.integer({ min: 0, max: 40 }).map((h) => h * 30),
        to: fc.integer({ min: 1, max: 8 }).map((h) => h * 90),
        holidays: fc.array(fc.integer({ min: 0, max: 364 }), { maxLength: 4 }),
      }),
      { nil: null },
    ),
    month: fc.integer({ min: 1, max: 12 }),
    tiers: fc
      .uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 })
      .map((steps) => steps.sort((a, b) => a - b).map((s, i) => ({ below: "", credit: (i + 1) * 5, step: s }))),
    banded: fc.boolean(),
    atTarget: fc.boolean(),
    amounts: fc.boolean(),
    orBelow: fc.boolean(),
    cumulative: fc.boolean(),
    minimum: fc.boolean(),
    serviceCap: fc.boolean(),
  })
  .map((c) => {
    // tiers: below the target, then lower, each credit larger as service worsens
    const tiers = c.tiers.map((t) => ({
      below: toDecimal(c.target).minus(toDecimal(t.step).div(10)).toFixed(),
      credit: t.credit,
    }));
    const calendar = c.calendar && { ...c.calendar, to: Math.min(1440, c.calendar.from + c.calendar.to) };
    return { ...c, tiers, calendar } as Case;
  });

function isoDay(dayOfYear: number): string {
  return new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

function contractOf(c: Case): string {
  const cal = c.calendar;
  const calendar = cal
    ? `calendar Hours "Service hours" {
  ${WEEKDAYS[cal.days[0]]} to ${WEEKDAYS[cal.days[1]]} ${hhmm(cal.from)} to ${hhmm(cal.to)}
  ${
    cal.holidays.length
      ? `holidays ${[...new Set(cal.holidays)]
          .sort((a, b) => a - b)
          .map(isoDay)
          .join(", ")}`
      : ""
  }
}`
    : "";
  const window = c.window === "rolling 30 days" ? "per rolling 30 days" : `per ${c.window}`;
  return `agreement Deal "Deal" {
  effective 2026-01-01
  term 12 months
  timezone "${c.zone}"
  currency GBP
}
party Vendor "Vendor" { role provider }
party Client "Client" { role customer }
${calendar}
service Web "Web" {
  provider Vendor
  customer Client
  fee GBP 1,000.00 per month
  hours ${cal ? "Hours" : "24x7"}
  exclude customer caused${c.serviceCap ? "\n  cap all credits at 12% of monthly fee per calendar month" : ""}
}
metric Avail "Availability" { service Web  type availability }
objective Uptime "Uptime" {
  metric Avail
  target at least ${c.target}% ${window}
}
remedy Credits "Credits" {
  for Uptime
${c.cumulative ? "  credits are cumulative\n" : ""}${c.minimum ? "  minimum credit GBP 60.00\n" : ""}${c.atTarget ? `  credit 1% of monthly fee when ${c.orBelow ? "at or below" : "at most"} ${c.target}%\n` : ""}${c.tiers.map((t, i) => `  credit ${creditOf(c, i)} when below ${t.below}%${floorOf(c, i)}`).join("\n")}
  cap 100% of monthly fee
}
`;
}

/**
 * A banded tier's floor: halfway down to the next tier's threshold, so that between the bands lies
 * a gap where the table pays nothing (and an engine that ignored the floor would pay).
 */
function floorValue(c: Case, i: number): string | undefined {
  const next = c.tiers[i + 1];
  return c.banded && next ? toDecimal(c.tiers[i].below).plus(next.below).div(2).toFixed() : undefined;
}
function floorOf(c: Case, i: number): string {
  const floor = floorValue(c, i);
  return floor === undefined ? "" : ` but at least ${floor}%`;
}

/** A tier's credit as written: a percentage of the fee, or (every second tier with `amounts`) a fixed amount. */
function creditOf(c: Case, i: number): string {
  const { credit } = c.tiers[i];
  return c.amounts && i % 2 === 1 ? `GBP ${fixedAmount(credit)}` : `${credit}% of monthly fee`;
}
/** A fixed tier's amount: a little more than its percentage of the GBP 1,000.00 fee would be, so credits still rise. */
function fixedAmount(credit: number): string {
  return `${credit * 10 + 1}.25`;
}

interface PrintedCredit {
  /** The amount in GBP on the fee of GBP 1,000.00. */
  amount: number;
  /** The percentage printed, or null for an amount. */
  percent: number | null;
}

/** The contract's tier table, read back: each row's bounds and the credit it prints. */
function printedTiers(markdown: string): ({ bounds: [string, string][] } & PrintedCredit)[] {
  const rows = [
    ...markdown.matchAll(
      /^\| ((?:below|less than|at least|at most) [\d.]+%?(?: but at least [\d.]+%?)?) \| (?:(\d+)% of the Monthly Fee|GBP ([\d,.]+)) \|$/gm,
    ),
  ];
  return rows.map(([, condition, percent, amount]) => ({
    bounds: condition.split(" but ").map((b) => {
      const [, op, value] = /^(below|less than|at least|at most) ([\d.]+)%?$/.exec(b)!;
      return [op, value] as [string, string];
    }),
    percent: percent === undefined ? null : Number(percent),
    amount: percent === undefined ? Number(amount.replaceAll(",", "")) : Number(percent) * 10,
  }));
}

/** What the printed table pays at `value`: the largest credit of the rows whose every bound holds. */
function printedCredit(markdown: string, value: string): PrintedCredit | null {
  const v = toDecimal(value);
  const due = printedTiers(markdown).filter((row) =>
    row.bounds.every(([op, x]) =>
      op === "at least" ? v.greaterThanOrEqualTo(x) : op === "at most" ? v.lessThanOrEqualTo(x) : v.lessThan(x),
    ),
  );
  if (due.length === 0) return null;
  const paid = /are cumulative: every one that applies is given/.test(markdown)
    ? {
        amount: due.reduce((sum, row) => sum + row.amount, 0),
        percent: due.every((row) => row.percent !== null) ? due.reduce((sum, row) => sum + row.percent!, 0) : null,
      }
    : due.reduce((best, row) => (row.amount > best.amount ? row : best));
  const minimum = /that comes to less than GBP ([\d.]+) after that limit is not given/.exec(markdown);
  if (minimum && paid.amount < Number(minimum[1])) return { amount: 0, percent: paid.percent === null ? null : 0 };
  const all =
    /All Service Credits for the Service, under every clause together, shall not exceed (\d+)% of the Monthly Fee in total per calendar month/.exec(
      markdown,
    );
  if (all && paid.amount > Number(all[1]) * 10)
    return { amount: Number(all[1]) * 10, percent: paid.percent === null ? null : Number(all[1]) };
  return paid;
}

/** The report's credit is the printed one: its percent (null for an amount) and its amount on the GBP 1,000.00 fee. */
function expectPaid(credit: EvaluationReport["credits"][number] | undefined, printed: PrintedCredit): void {
  expect(credit?.percent ?? null).toBe(printed.percent === null ? null : String(printed.percent));
  expect(credit?.amount).toBe(printed.amount.toFixed(2));
}

/** The report month in which the window containing `month`'s last day ends, and that window's label. */
function reportMonth(c: Case): string {
  const m = c.window === "calendar quarter" ? Math.ceil(c.month / 3) * 3 : c.month;
  return `2026-${String(m).padStart(2, "0")}`;
}

function uptimeWindows(report: EvaluationReport): ObjectiveReport[] {
  const o = report.objectives[0];
  return o.windows ?? [o];
}

/** Outage intervals covering exactly `ms` of scheduled time from the start of `spans`. */
function take(spans: TimeSpan[], ms: number): TimeSpan[] {
  const out: TimeSpan[] = [];
  let left = ms;
  for (const s of spans) {
    if (left <= 0) break;
    const piece = Math.min(left, s.end - s.start);
    out.push({ start: s.start, end: s.start + piece });
    left -= piece;
  }
  return left > 0 ? [] : out;
}

const outages = (pieces: TimeSpan[]): RecordLine[] =>
  pieces.map((p) => ({
    type: "outage",
    service: "Web",
    start: new Date(p.start).toISOString(),
    end: new Date(p.end).toISOString(),
    cause: "unplanned",
  }));

/** A customer-caused outage over the whole window: excluded, so it must change nothing. */
const customerOutage = (w: ObjectiveReport): RecordLine => ({
  type: "outage",
  service: "Web",
  start: w.window.start,
  end: w.window.end,
  cause: "customer",
});

function scheduledSpans(bundle: RuleBundle, zone: string, w: ObjectiveReport): TimeSpan[] {
  const start = Date.parse(w.window.start);
  const end = Date.parse(w.window.end);
  const service = bundle.services[0];
  if (service.hours.kind === "24x7") return [{ start, end }];
  const calendar = bundle.calendars[0];
  return workingSpans(workingWeek({ ...calendar, timezone: calendar.timezone || zone }), start, end);
}

describe("the engine's verdict agrees with the budget the contract states", () => {
  it("an outage of exactly the permitted downtime meets the target; one second more breaches", TIMEOUT, async () => {
    let compared = 0;
    let onCalendar = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { bundle, markdown } = build(contractOf(c));
        const budgets = bundle.objectives[0].budgets;
        expect(budgets.length).toBeGreaterThan(0);
        const period = reportMonth(c);
        const [empty] = await run(bundle, [], { from: period });
        for (const w of uptimeWindows(empty)) {
          const budget = w.budget;
          expect(budget, "the engine states the window's budget").toBeDefined();
          const seconds = toDecimal(budget!.seconds);
          // the rule the contract states: (Scheduled Time in the window) × (100 − target)%
          const share = toDecimal(100).minus(c.target).div(100);
          expect(seconds.equals(toDecimal(w.scheduled!.seconds).times(share)), w.window.label).toBe(true);
          if (c.calendar === null) {
            // 24x7: the contract's table gives the budget per length of window; a window without a
            // clock change has exactly that length in hours
            const days = toDecimal(w.window.hours).div(24);
            const row = budgets.find((b) => days.equals(b.days));
            if (days.isInteger()) expect(row?.seconds, w.window.label).toBe(budget!.seconds);
          } else {
            // on a calendar: within the least and the most the contract states for the term…
            const least = toDecimal(budgets[0].seconds);
            const most = toDecimal(budgets[budgets.length - 1].seconds);
            expect(seconds.greaterThanOrEqualTo(least) && seconds.lessThanOrEqualTo(most), w.window.label).toBe(true);
            // …and the very figure printed for the windows it names
            const named = budgets.find((b) => b.window === w.window.label);
            if (named) expect(budget!.seconds).toBe(named.seconds);
            expect(markdown).toContain("(Scheduled Time in the ");
          }

          const spans = scheduledSpans(bundle, c.zone, w);
          const ms = seconds.times(1000);
          if (!ms.isInteger() || ms.isZero()) continue;
          const exact = take(spans, ms.toNumber());
          const over = take(spans, ms.toNumber() + 1000);
          if (exact.length === 0 || over.length === 0) continue;
          const [atBudget] = await run(bundle, [...outages(exact), customerOutage(w)], { from: period });
          const [overBudget] = await run(bundle, outages(over), { from: period });
          const find = (r: EvaluationReport) => uptimeWindows(r).find((x) => x.window.label === w.window.label)!;
          expect(find(atBudget).downtime?.seconds).toBe(budget!.seconds);
          expect(find(atBudget).met, `${w.window.label}: exactly the budget`).toBe(true);
          expect(find(overBudget).met, `${w.window.label}: one second more`).toBe(false);
          compared++;
          if (c.calendar) onCalendar++;
        }
      }),
      { numRuns: RUNS },
    );
    // the property is not vacuous: windows were compared, some of them on a calendar
    expect(compared).toBeGreaterThan(RUNS / 2);
    expect(onCalendar).toBeGreaterThan(0);
  });

  it("every tier pays the credit printed in the contract's tier table", TIMEOUT, async () => {
    let paid = 0;
    let paidAtTarget = 0;
    let paidAmounts = 0;
    let paidAddedUp = 0;
    let paidNothing = 0;
    let paidServiceCap = 0;
    await fc.assert(
      fc.asyncProperty(
        caseArb.filter((c) => c.window === "calendar month"),
        async (c) => {
          const { bundle, markdown } = build(contractOf(c));
          const period = reportMonth(c);
          const [empty] = await run(bundle, [], { from: period });
          const [w] = uptimeWindows(empty);
          const scheduledMs = toDecimal(w.scheduled!.seconds).times(1000);
          if (scheduledMs.lessThan(3_600_000)) return;
          const spans = scheduledSpans(bundle, c.zone, w);
          expect(printedTiers(markdown).length, "every tier is a row of the table").toBe(
            c.tiers.length + (c.atTarget ? 1 : 0),
          );
          if (c.atTarget) {
            // exactly the permitted downtime: the target is met, and the `at most` tier pays there
            const pieces = take(spans, toDecimal(w.budget!.seconds).times(1000).toNumber());
            const [report] = await run(bundle, outages(pieces), { from: period });
            const printed = printedCredit(markdown, report.objectives[0].value!);
            expect(report.credits.map((x) => x.percent)).toEqual(printed === null ? [] : [String(printed.percent)]);
            if (printed?.percent === 1) paidAtTarget++;
          }
          for (const [i, tier] of c.tiers.entries()) {
            const words = floorOf(c, i) ? "less than" : "below";
            const row = new RegExp(
              `\\| ${words} ${tier.below.replace(".", "\\.")}%?${floorOf(c, i).replaceAll(".", "\\.")} \\| (\\d+% of the Monthly Fee|GBP [\\d,.]+) \\|`,
            ).exec(markdown);
            expect(row, `tier below ${tier.below}%${floorOf(c, i)} in the table`).not.toBeNull();
            // just below this tier's threshold (and below its floor, in the gap under the band):
            // downtime of (100 − t)% of scheduled time, plus a second
            for (const edge of [tier.below, floorValue(c, i)]) {
              if (edge === undefined) continue;
              const down = scheduledMs.times(toDecimal(100).minus(edge)).div(100).ceil().plus(1000);
              const pieces = take(spans, down.toNumber());
              if (pieces.length === 0) continue;
              const [report] = await run(bundle, outages(pieces), { from: period });
              const printed = printedCredit(markdown, report.objectives[0].value!);
              const credit = report.credits[0];
              if (printed === null) {
                expect(credit, `nothing is printed for ${report.objectives[0].value}%`).toBeUndefined();
                continue;
              }
              expectPaid(credit, printed);
              paid++;
              if (printed.percent === null) paidAmounts++;
              if (c.cumulative && !c.banded && i > 0) paidAddedUp++;
              if (printed.amount === 0) paidNothing++;
              if (c.serviceCap && printed.amount === 120) paidServiceCap++;
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(paid).toBeGreaterThan(0);
    expect(paidAtTarget, "some runs pay at exactly the target").toBeGreaterThan(0);
    expect(paidAmounts, "some runs pay a fixed amount").toBeGreaterThan(0);
    expect(paidAddedUp, "some runs add cumulative tiers together").toBeGreaterThan(0);
    expect(paidNothing, "some runs pay nothing, being under the minimum credit").toBeGreaterThan(0);
    expect(paidServiceCap, "some runs are held to the service's cap on all credits").toBeGreaterThan(0);
  });
});

describe("credits per unit of downtime", () => {
  /** `GBP 100.00 for each period of 30 minutes of Downtime, or part of one, beyond the Downtime …`, read back. */
  function printedUnitCredit(markdown: string) {
    const m =
      /a Service Credit of GBP ([\d.]+) for each (full )?period of (\d+) minutes? of Downtime(, or part of one,)?( beyond the Downtime that)?/.exec(
        markdown,
      );
    expect(m, "the per-unit credit is a sentence of the contract").not.toBeNull();
    const [, amount, full, minutes, part, beyond] = m!;
    expect(Boolean(full)).toBe(!part);
    return {
      amount: toDecimal(amount),
      unitMs: Number(minutes) * 60_000,
      full: Boolean(full),
      beyond: Boolean(beyond),
    };
  }

  it("pays the contract's amount for each unit, whole or started, of the downtime it counts", TIMEOUT, async () => {
    let counted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          target: fc.constantFrom(...TARGETS),
          minutes: fc.integer({ min: 1, max: 90 }),
          full: fc.boolean(),
          beyond: fc.boolean(),
          month: fc.integer({ min: 1, max: 12 }),
          // downtime in seconds, up to a day: around and on the unit boundaries
          down: fc.oneof(
            fc.integer({ min: 0, max: 86_400 }),
            fc.integer({ min: 1, max: 40 }).map((k) => k * 900),
          ),
        }),
        async (c) => {
          const unit = `${c.minutes} minute${c.minutes === 1 ? "" : "s"}`;
          const contract = `agreement Deal "Deal" {
  effective 2026-01-01
  term 12 months
  timezone "UTC"
  currency GBP
}
party Vendor "Vendor" { role provider }
party Client "Client" { role customer }
service Web "Web" {
  provider Vendor
  customer Client
  fee GBP 1,000.00 per month
  hours 24x7
}
metric Avail "Availability" { service Web  type availability }
objective Uptime "Uptime" {
  metric Avail
  target at least ${c.target}% per calendar month
}
remedy Credits "Credits" {
  for Uptime
  credit GBP 100.00 for each ${c.full ? "full" : "started"} ${unit} of downtime${c.beyond ? " beyond the allowance" : ""}
}
`;
          const { bundle, markdown } = build(contract);
          const printed = printedUnitCredit(markdown);
          const month = `2026-${String(c.month).padStart(2, "0")}`;
          const start = Date.parse(`${month}-05T00:00:00Z`);
          const records = c.down === 0 ? [] : outages([{ start, end: start + c.down * 1000 }]);
          const [report] = await run(bundle, records, { from: month });
          // the allowance the contract states: (Scheduled Time) × (100 − target)%
          const scheduledMs = toDecimal(report.objectives[0].scheduled!.seconds).times(1000);
          const allowanceMs = printed.beyond
            ? scheduledMs.times(toDecimal(100).minus(c.target)).div(100)
            : toDecimal(0);
          const countedMs = toDecimal(c.down * 1000).minus(allowanceMs);
          const ratio = countedMs.isNegative() ? toDecimal(0) : countedMs.div(printed.unitMs);
          const units = (printed.full ? ratio.floor() : ratio.ceil()).toNumber();
          const credit = report.credits[0];
          if (units === 0) {
            expect(credit).toBeUndefined();
            return;
          }
          expect(credit.units).toBe(units);
          expect(credit.amount).toBe(printed.amount.times(units).toFixed(2));
          counted++;
        },
      ),
      { numRuns: RUNS * 4 },
    );
    expect(counted).toBeGreaterThan(0);
  });
});

describe("credits banded by the number of breaches", () => {
  it("pay the row of the contract's table that the quarter's breached weeks fall in", TIMEOUT, async () => {
    const { readFileSync } = await import("node:fs");
    const contract = readFileSync(new URL("../cases/credit-breach-bands.sla", import.meta.url), "utf8");
    const { bundle, markdown } = build(contract);
    const rows = [...markdown.matchAll(/^\| (\d+)(?: to (\d+)| or more)? \| (\d+)% of the Monthly Fee \|$/gm)].map(
      ([row, least, most, percent]) => ({
        least: Number(least),
        most: most ? Number(most) : row.includes("or more") ? Infinity : Number(least),
        percent: Number(percent),
      }),
    );
    expect(rows.length).toBe(3);
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 12 }), async (weeks) => {
        // a 60-minute outage (over the 50.4 minutes 99.5% of a week allows) in each chosen week of the
        // quarter, Monday 5 January to Sunday 29 March 2026
        const records = outages(
          weeks.map((k) => {
            const start = Date.parse("2026-01-07T10:00:00Z") + k * 7 * 86_400_000;
            return { start, end: start + 3_600_000 };
          }),
        ).map((r) => ({ ...r, service: "Hosting" }));
        const [march] = await run(bundle, records, { from: "2026-03" });
        const row = rows.find((r) => weeks.length >= r.least && weeks.length <= r.most);
        const paid = march.credits.filter((c) => c.remedy === "Bands");
        if (!row) {
          expect(paid).toEqual([]);
          return;
        }
        expect(paid.map((c) => [c.window, c.percent, c.amount, c.breaches])).toEqual([
          ["2026-W13", String(row.percent), (row.percent * 10).toFixed(2), weeks.length],
        ]);
        seen.add(row.percent);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(seen.size, "several rows of the table were paid").toBeGreaterThan(1);
  });
});

describe("the reference windows the contract names", () => {
  it("are the windows of the term with the least and the most scheduled time", () => {
    const c: Case = {
      zone: "Europe/London",
      target: "99.9",
      window: "calendar month",
      calendar: { days: [0, 4], from: 480, to: 1080, holidays: [95] },
      month: 4,
      tiers: [{ below: "99.9", credit: 10 }],
    };
    const { bundle } = build(contractOf(c));
    const windows = scheduledWindows(
      workingWeek(bundle.calendars[0]),
      "Europe/London",
      "calendar month",
      undefined,
      "2026-01-01",
      "2027-01-01",
    );
    const hours = windows.map((w) => w.scheduledMs / 3_600_000);
    expect(bundle.objectives[0].budgets.map((b) => Number(b.scheduled) / 3600)).toEqual([
      Math.min(...hours),
      Math.max(...hours),
    ]);
  });
});
