/**
 * The contract's wording and the bundle of three measurement forms: a target that holds only
 * during certain hours, windows of a day, an hour and a billing month, and a resolution clock
 * that starts at acknowledgement. Each bundle is valid against the schema.
 */
import { describe, expect, it } from "vitest";
import { compileBundle, renderContract, serializeBundle } from "../src/index.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

const contract = (body: string) => `
agreement Demo "Demo SLA" {
  effective 2026-01-01
  timezone "Europe/London"
  currency GBP
}
party P "Provider Ltd" { role provider }
party C "Customer plc" { role customer }
calendar Support "Support Hours" {
  monday to friday 09:00 to 17:00
}
service Hosting "Hosting" {
  provider P
  customer C
  fee GBP 1,000.00 per month
}
metric Avail "Availability" {
  service Hosting
  type availability
}
${body}
`;

function build(body: string) {
  const program = checkSource({ "file:///work/main.sla": contract(body) });
  expect(errorsOf(program)).toEqual([]);
  const bundle = compileBundle(program);
  expect(validateBundle(JSON.parse(serializeBundle(bundle))), JSON.stringify(validateBundle.errors)).toBe(true);
  return { bundle, markdown: renderContract(bundle) };
}

describe("new measurement forms in the bundle and the contract", () => {
  it("a target during and outside a calendar's hours", () => {
    const { bundle, markdown } = build(`
objective InHours { metric Avail target at least 99.9% per calendar month during Support }
objective OutOfHours { metric Avail target at least 99.5% per calendar month outside Support }`);
    expect(bundle.objectives.map((o) => o.hours)).toEqual([
      { scope: "during", calendar: "Support" },
      { scope: "outside", calendar: "Support" },
    ]);
    // February 2026: 20 weekdays of 8 hours in Support Hours; 672 − 160 = 512 hours outside them
    expect(bundle.objectives[0].budgets[0]).toMatchObject({ window: "2026-02", scheduled: "576000", seconds: "576" });
    expect(bundle.objectives[1].budgets[0]).toMatchObject({ window: "2026-02", scheduled: "1843200", seconds: "9216" });
    expect(markdown).toContain("| at least 99.9% during Support Hours |");
    expect(markdown).toContain("| at least 99.5% outside Support Hours |");
    expect(markdown).toContain(
      'A service level stated "during" certain hours counts only the Service Hours within those hours, and one stated "outside" certain hours only the Service Hours not within them',
    );
  });

  it("windows of a day, an hour and a billing month", () => {
    const { bundle, markdown } = build(`
objective Daily { metric Avail target at least 99% per calendar day }
objective Hourly { metric Avail target at least 95% per hour }
objective Cycle { metric Avail target at least 99.9% per billing month from day 15 }`);
    expect(bundle.objectives.map((o) => o.window)).toEqual([
      { period: "calendar day", text: "per calendar day" },
      { period: "hour", text: "per hour" },
      { period: "billing month", startDay: 15, text: "per billing month from day 15" },
    ]);
    expect(bundle.objectives[1].budgets).toEqual([{ days: 0, seconds: "180", text: "3m" }]);
    expect(markdown).toContain("Billing month beginning on the 15th day of a calendar month");
    expect(markdown).toContain("A calendar day begins at 00:00; a day on which the clocks change has 23 or 25 hours.");
    expect(markdown).toContain("An hour is a clock hour, beginning on the hour;");
    expect(markdown).toContain(
      "A billing month begins at 00:00 on its stated day of one calendar month and ends at 00:00 on the same day of the next.",
    );
  });

  it("a resolution time from acknowledgement", () => {
    const { bundle, markdown } = build(`
objective Urgent {
  service Hosting
  severity 1
  response within 30 minutes during 24x7
  resolution within 4 hours from acknowledgement during Support
  at least 90% of tickets per calendar month
}`);
    expect(bundle.objectives[0].support?.resolution).toMatchObject({ start: "acknowledgement" });
    expect(bundle.objectives[0].support?.response).not.toHaveProperty("start");
    expect(markdown).toContain("4 hours from acknowledgement, during Support Hours");
    expect(markdown).toContain(
      "a ticket to which such a time applies and which the Provider has not acknowledged is not on time",
    );
  });
});
