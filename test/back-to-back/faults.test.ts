/**
 * Regression tests for issue 13: each fault where the signed contract, the rule bundle and the
 * engine's report disagreed, or where something the contract says was silently dropped.
 */
import { describe, expect, it } from "vitest";
import { agreement, build, run } from "./pipeline.ts";

describe("a support objective without a severity is a catch-all over every ticket", () => {
  const contract = `${agreement()}
service Desk "Desk" {
  provider Vendor
  customer Client
  fee GBP 1,000.00 per month
  hours 24x7
}
objective Support "Support" {
  service Desk
  response within 3 hours during 24x7
  at least 95% of tickets per calendar month
}
remedy SupportCredits "Credits" {
  for Support
  credit 10% of monthly fee when below 95%
}
`;
  const ticket = (severity: number, opened: string, responded: string) => ({
    type: "ticket",
    service: "Desk",
    severity,
    opened,
    responded,
    resolved: responded,
  });

  it("reaches the bundle and the contract", () => {
    const { bundle, markdown } = build(contract);
    expect(bundle.objectives[0].support).toMatchObject({ severity: null, share: { percent: "95" } });
    expect(markdown).toMatch(/\| Support \| any \| — \| 3 hours, at any time \|/);
  });

  it("is breached when the tickets of every severity miss, and the credit is due", async () => {
    const { bundle } = build(contract);
    const [report] = await run(
      bundle,
      [
        ticket(1, "2026-03-02T09:00:00Z", "2026-03-02T14:00:00Z"),
        ticket(2, "2026-03-03T09:00:00Z", "2026-03-03T09:30:00Z"),
      ],
      { from: "2026-03" },
    );
    const o = report.objectives[0];
    expect(o).toMatchObject({ kind: "support", met: false, value: "50", breaches: 1 });
    expect(o.notes.join(" ")).not.toMatch(/no rule/);
    expect(report.totalCredit).toEqual({ amount: "100.00", currency: "GBP" });
  });
});

const hosting = (hours: string, extra = "", agreementExtra = "") => `${agreement(agreementExtra, "Europe/London")}
calendar Daily "Daily service hours" { monday to sunday 06:30 to 20:30 }
service Web "Web" {
  provider Vendor
  customer Client
  fee GBP 1,000.00 per month
  hours ${hours}
}
metric Avail "Availability" { service Web  type availability }
objective Uptime "Uptime" {
  metric Avail
  target at least 99.9% per calendar month
}
remedy Credits "Credits" {
  for Uptime
  credit 10% of monthly fee when below 99.9%
}
${extra}`;

const outage = (start: string, end: string, service = "Web") => ({
  type: "outage",
  service,
  start,
  end,
  cause: "unplanned",
});

describe("permitted downtime is stated on scheduled time", () => {
  it("for a service on a calendar: the bundle, the contract and the engine state the same budget", async () => {
    const { bundle, markdown } = build(hosting("Daily"));
    // 14 hours a day: 392 scheduled hours in February 2026, 434 in a 31-day month.
    expect(bundle.objectives[0].budgets).toEqual([
      { days: 28, seconds: "1411.2", text: "23m 31.2s", window: "2026-02", scheduled: "1411200" },
      { days: 31, seconds: "1562.4", text: "26m 2.4s", window: "2026-01", scheduled: "1562400" },
    ]);
    expect(markdown).toContain("(Scheduled Time in the calendar month) × 0.1%");
    expect(markdown).toContain(
      "| Uptime | (Scheduled Time in the calendar month) × 0.1% | February 2026 (least) | 392 hours | 23 minutes 31.2 seconds |",
    );
    expect(markdown).not.toContain("40 minutes 19.2 seconds");
    // A 30-minute outage inside service hours breaches, as the stated 23m 31.2s says it must.
    const [report] = await run(bundle, [outage("2026-02-10T10:00:00Z", "2026-02-10T10:30:00Z")], { from: "2026-02" });
    expect(report.objectives[0]).toMatchObject({ met: false, budget: { seconds: "1411.2" } });
  });

  it("for a 24x7 service: the budgets stay per length of month", () => {
    const { bundle } = build(hosting("24x7"));
    expect(bundle.objectives[0].budgets.map((b) => [b.days, b.seconds, b.window])).toEqual([
      [28, "2419.2", undefined],
      [29, "2505.6", undefined],
      [30, "2592", undefined],
      [31, "2678.4", undefined],
    ]);
  });
});

describe("windows outside the agreement's term", () => {
  const big = [
    outage("2025-12-10T10:00:00Z", "2025-12-11T10:00:00Z"),
    outage("2028-02-10T10:00:00Z", "2028-02-11T10:00:00Z"),
  ];

  it("before the effective date: no verdict, breach or credit", async () => {
    const { bundle } = build(hosting("24x7"));
    const [report] = await run(bundle, big, { from: "2025-12" });
    expect(report.objectives[0]).toMatchObject({ status: "outside term", met: null, breaches: 0, value: null });
    expect(report.credits).toEqual([]);
    expect(report.totalCredit.amount).toBe("0.00");
    expect(report.objectives[0].notes[0]).toMatch(/before the agreement took effect \(2026-01-01\)/);
  });

  it("after the end of a fixed term (24 months from 2026-01-01)", async () => {
    const { bundle } = build(hosting("24x7"));
    const [report] = await run(bundle, big, { from: "2028-02" });
    expect(report.objectives[0]).toMatchObject({ status: "outside term", met: null });
    expect(report.credits).toEqual([]);
  });

  it("after a termination date given to evaluate", async () => {
    const { bundle } = build(hosting("24x7"));
    const records = [outage("2026-07-10T10:00:00Z", "2026-07-11T10:00:00Z")];
    const [kept] = await run(bundle, records, { from: "2026-07" });
    expect(kept.totalCredit.amount).toBe("100.00");
    const [ended] = await run(bundle, records, { from: "2026-07", terminatedOn: "2026-06-30" });
    expect(ended.objectives[0]).toMatchObject({ status: "outside term", met: null, breaches: 0 });
    expect(ended.objectives[0].notes[0]).toMatch(/terminated on 2026-06-30/);
    expect(ended.totalCredit.amount).toBe("0.00");
  });
});

describe("a window that has not ended is in progress", () => {
  it("has attainment so far and the remaining budget, but no breach or credit", async () => {
    const { bundle } = build(hosting("24x7"));
    const records = [outage("2026-05-03T10:00:00Z", "2026-05-03T11:00:00Z")];
    const [report] = await run(bundle, records, { from: "2026-05", asOf: "2026-05-15" });
    const o = report.objectives[0];
    expect(o).toMatchObject({ status: "in progress", met: null, breaches: 0, downtime: { seconds: "3600" } });
    // 99.9% of May's 744 hours permits 44m 38.4s; an hour is already more than that.
    expect(o.budget?.seconds).toBe("2678.4");
    expect(o.remainingBudget?.seconds).toBe("-921.6");
    expect(o.value).not.toBeNull();
    expect(report.credits).toEqual([]);
  });

  it("a quarter seen from its first month is in progress, not breached", async () => {
    const text = hosting("24x7").replace("per calendar month", "per calendar quarter");
    const { bundle } = build(text);
    const [report] = await run(bundle, [outage("2026-04-03T10:00:00Z", "2026-04-03T14:00:00Z")], { from: "2026-05" });
    expect(report.objectives[0]).toMatchObject({ status: "in progress", met: null, breaches: 0 });
    expect(report.credits).toEqual([]);
  });
});

describe("names in the data that the contract does not declare", () => {
  it("are listed with the nearest declared name, a near miss marked", async () => {
    const { bundle } = build(hosting("24x7"));
    const [report] = await run(
      bundle,
      [
        outage("2026-03-10T10:00:00Z", "2026-03-10T12:00:00Z", "web"),
        outage("2026-03-10T10:00:00Z", "2026-03-10T12:00:00Z", "Billing"),
        { type: "measurement", metric: "Avial", at: "2026-03-10T10:00:00Z", value: 1 },
      ],
      { from: "2026-03" },
    );
    expect(report.unknownNames).toEqual([
      { kind: "metric", name: "Avial", records: 1, nearest: "Avail", nearMiss: true },
      { kind: "service", name: "web", records: 1, nearest: "Web", nearMiss: true },
      { kind: "service", name: "Billing", records: 1, nearest: "Web", nearMiss: false },
    ]);
  });
});

describe("many unknown names", () => {
  it("lists the first hundred and counts the rest in a note", async () => {
    const { bundle } = build(hosting("24x7"));
    const records = Array.from({ length: 5000 }, (_, i) =>
      outage("2026-03-10T10:00:00Z", "2026-03-10T10:01:00Z", `Other${i}`),
    );
    const [report] = await run(bundle, records, { from: "2026-03" });
    expect(report.unknownNames).toHaveLength(100);
    expect(report.notes).toContain(
      "4900 more records name services or metrics the contract does not declare, beyond the 100 names listed.",
    );
    expect(report.data.ignored).toBe(5000);
  });
});

describe("defined terms stay in step with the text", () => {
  const contract = `${agreement("business calendar Weekdays")}
calendar Weekdays "Business Days" { monday to friday 09:00 to 17:00 }
calendar Spare "Spare hours" { saturday 09:00 to 12:00 }
service Desk "Desk" {
  provider Vendor
  customer Client
  fee GBP 3,000.00 per quarter
  hours 24x7
}
objective Support "Support" {
  service Desk
  severity 1
  resolution within 1 business day during Weekdays
  at least 90% of tickets per calendar month
}
remedy Credits "Credits" {
  for Support
  credit 5% of quarterly fee when below 90%
}
`;

  it("a calendar titled like a generated term gets a term of its own", () => {
    const { markdown } = build(contract);
    expect(markdown).toContain('"**Business Days Calendar**" means');
    expect(markdown).toContain("1 Business Day, during Business Days Calendar");
    expect(markdown).not.toMatch(/during Business Days \|/);
  });

  it("the Monthly Fee that defines the Quarterly Fee is itself defined", () => {
    const { markdown } = build(contract);
    expect(markdown).toContain("three times the Monthly Fee");
    expect(markdown).toContain('"**Monthly Fee**" means');
  });

  it("a calendar nothing uses is not defined (the checker warns about it)", () => {
    const { markdown, diagnostics } = build(contract);
    expect(markdown).not.toContain("Spare hours");
    expect(diagnostics.some((d) => d.startsWith("warning SLA2006"))).toBe(true);
  });
});
