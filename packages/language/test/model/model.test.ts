/** The resolved contract model: links followed once, dimensions, budgets from the budget module, immutability. */
import { describe, expect, it } from "vitest";
import { checkProgram, contractModel, downtimeBudgets, memoryHost } from "../../src/index.ts";

const uri = "file:///m/main.sla";

const CONTRACT = `
agreement A {
  effective 2026-01-01
  term 12 months
  timezone "Europe/Berlin"
  currency EUR
}
party P { role provider }
party C { role customer }
calendar Office {
  monday to friday 09:00 to 17:00
  holidays 2026-12-25
}
service Web {
  provider P
  customer C
  fee EUR 1,000.00 per month
  hours 24x7
}
service Desk {
  provider P
  customer C
  fee EUR 3,000.00 per quarter
  hours Office
}
metric Up { service Web type availability }
metric DeskUp { service Desk type availability }
metric Slow { service Web type latency percentile 99 }
objective Rolling { metric Up target at least 99.9% per rolling 30 days }
objective Monthly { metric Up target above 99.5% per calendar month }
objective OnCalendar { metric DeskUp target at least 99% per calendar month }
objective Fast { metric Slow target at most 300 milliseconds per calendar month }
remedy Credits {
  for Monthly
  credit 10% of monthly fee when below 99.5%
}
`;

function model(text = CONTRACT) {
  const program = checkProgram(uri, memoryHost({ [uri]: text }));
  return { program, model: contractModel(program) };
}

describe("contract model", () => {
  it("has no diagnostics to hide behind", () => {
    expect(model().program.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("resolves objective → metric → type → dimension and the service's schedule", () => {
    const { model: m } = model();
    const fast = m.objective("Fast")!;
    expect(fast.metric?.name).toBe("Slow");
    expect(fast.metric?.type).toBe("latency");
    expect(fast.dimension).toBe("duration");
    expect(fast.service?.name).toBe("Web");
    expect(fast.availability).toBe(false);
    expect(fast.budgets).toEqual([]);
    expect(m.objective("OnCalendar")!.service?.schedule).toMatchObject({
      kind: "calendar",
      calendar: { name: "Office" },
    });
    expect(m.service("Web")!.schedule).toEqual({ kind: "24x7" });
    expect(m.service("Desk")!.fee).toEqual({ amount: "3000.00", currency: "EUR", period: "quarter" });
    expect(m.agreement).toMatchObject({ effective: "2026-01-01", timezone: "Europe/Berlin", currency: "EUR" });
  });

  it("gives a rolling window's budget, from the budget module", () => {
    const rolling = model().model.objective("Rolling")!;
    expect(rolling.budgets).toEqual(downtimeBudgets("99.9", "rolling", 30));
    expect(rolling.budgets).toEqual([{ days: 30, seconds: "2592", text: "43m 12s" }]);
  });

  it("gives every length of a calendar month on 24x7, and the least and most scheduled months on a calendar", () => {
    const { model: m } = model();
    expect(m.objective("Monthly")!.budgets.map((b) => b.days)).toEqual([28, 29, 30, 31]);
    const scheduled = m.objective("OnCalendar")!.budgets;
    expect(scheduled).toHaveLength(2);
    expect(scheduled.every((b) => b.window !== undefined && b.scheduled !== undefined)).toBe(true);
    expect(Number(scheduled[0].scheduled)).toBeLessThan(Number(scheduled[1].scheduled));
  });

  it("shares budgets between objectives only when target, window, schedule and hours are all the same", () => {
    // budgets are worked out once per distinct input (a 100,000-line contract repeats a few targets);
    // each input below changes one thing and must give its own figures
    const calendars = `
calendar Office { monday to friday 09:00 to 17:00 }
calendar Late { monday to friday 09:00 to 20:00 }
calendar Morning { monday to friday 09:00 to 12:00 }
service Late24 { provider P customer C hours 24x7 }
service OnOffice { provider P customer C hours Office }
service OnLate { provider P customer C hours Late }
metric M24 { service Late24 type availability }
metric MOffice { service OnOffice type availability }
metric MLate { service OnLate type availability }
objective A1 { metric M24 target at least 99.9% per calendar month }
objective A2 { metric M24 target at least 99.9% per calendar month }
objective B { metric M24 target at least 99.5% per calendar month }
objective C1 { metric M24 target at least 99.9% per calendar quarter }
objective D { metric M24 target at least 99.9% per rolling 30 days }
objective E { metric M24 target at least 99.9% per rolling 7 days }
objective F { metric MOffice target at least 99.9% per calendar month }
objective G { metric MLate target at least 99.9% per calendar month }
objective H { metric MOffice target at least 99.9% per calendar month during Morning }
objective I { metric MOffice target at least 99.9% per calendar month outside Morning }
objective J { metric MOffice target at least 99.9% per billing month from day 15 }
objective K { metric MOffice target at least 99.9% per billing month from day 2 }
`;
    const text = `agreement A { effective 2026-01-01 term 12 months timezone "UTC" currency EUR }
party P { role provider }
party C { role customer }
${calendars}`;
    const { model: m } = model(text);
    const budgets = (name: string) => m.objective(name)!.budgets;
    expect(budgets("A2")).toEqual(budgets("A1"));
    const names = ["A1", "B", "C1", "D", "E", "F", "G", "H", "I", "J", "K"];
    for (const name of names) expect(budgets(name).length).toBeGreaterThan(0);
    const distinct = names.map((name) => JSON.stringify(budgets(name)));
    expect(new Set(distinct).size).toBe(distinct.length);
    expect(budgets("D")).toEqual(downtimeBudgets("99.9", "rolling", 30));
    expect(budgets("E")).toEqual(downtimeBudgets("99.9", "rolling", 7));
    expect(budgets("F")).not.toEqual(budgets("G"));
  });

  it("answers which fees remedies use", () => {
    const { model: m } = model();
    expect(m.remedies.map((r) => [r.name, r.objective?.name])).toEqual([["Credits", "Monthly"]]);
    expect(m.usesFee("month")).toBe(true);
    expect(m.usesFee("quarter")).toBe(false);
  });

  it("is one frozen object per program", () => {
    const { program, model: m } = model();
    expect(contractModel(program)).toBe(m);
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.objective("Rolling"))).toBe(true);
    expect(Object.isFrozen(m.objective("Rolling")!.budgets)).toBe(true);
    expect(() => {
      (m.objectives as unknown as unknown[]).push(1);
    }).toThrow();
  });

  it("leaves unresolved links empty instead of guessing", () => {
    const { model: m } = model(`objective O { metric Missing target at least 99% per calendar month }\n`);
    const o = m.objective("O")!;
    expect(o.metric).toBeUndefined();
    expect(o.dimension).toBeUndefined();
    expect(o.budgets).toEqual([]);
  });
});
