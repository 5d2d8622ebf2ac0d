import { readFileSync } from "node:fs";
import { checkProgram, memoryHost } from "@sla/language";
import { describe, expect, it } from "vitest";
import { buildArtifacts, compileBundle, monthlyFee, renderContract, serializeBundle } from "../src/index.ts";
import { checkSource, errorsOf } from "./helpers.ts";

const HEADER = `
agreement Demo "Demo SLA" {
  effective 2026-01-01
  timezone "UTC"
  currency GBP
}
party P "Provider Ltd" { role provider }
party C "Customer plc" { role customer }
`;

function compile(body: string, extra: Record<string, string> = {}) {
  const program = checkSource({ "file:///work/contracts/main.sla": HEADER + body, ...extra });
  return { program, bundle: compileBundle(program) };
}

describe("relative source paths", () => {
  it("are used for imported declarations and honour rootDir", () => {
    const files = {
      "file:///work/contracts/main.sla": `import "../shared/parties.sla"\n${HEADER.replace(/party.*\n/g, "")}`,
      "file:///work/shared/parties.sla": `party P "Provider Ltd" { role provider }\nparty C "Customer plc" { role customer }\n`,
    };
    const program = checkSource(files, "file:///work/contracts/main.sla");
    expect(errorsOf(program)).toEqual([]);
    const bundle = compileBundle(program);
    expect(bundle.agreement?.source).toEqual({ file: "main.sla", line: 3, column: 1 });
    expect(bundle.parties.map((p) => p.source)).toEqual([
      { file: "../shared/parties.sla", line: 1, column: 1 },
      { file: "../shared/parties.sla", line: 2, column: 1 },
    ]);
    const fromRoot = compileBundle(program, { rootDir: "/work" });
    expect(fromRoot.parties[0].source.file).toBe("shared/parties.sla");
    expect(fromRoot.agreement?.source.file).toBe("contracts/main.sla");
  });
});

describe("values", () => {
  it("divides quarterly and annual fees into exact monthly fees", () => {
    expect(monthlyFee("12000.00", "GBP", "month")).toEqual({ amount: "12000.00", currency: "GBP" });
    expect(monthlyFee("36000.00", "GBP", "quarter")).toEqual({ amount: "12000.00", currency: "GBP" });
    expect(monthlyFee("1000", "GBP", "year")).toEqual({ amount: "83.33333333333333333333", currency: "GBP" });
    expect(monthlyFee("100.5", "EUR", "quarter")).toEqual({ amount: "33.5", currency: "EUR" });
    expect(monthlyFee("1", "USD", "year")).toEqual({ amount: "0.08333333333333333333", currency: "USD" });
    expect(monthlyFee("30000", "JPY", "year")).toEqual({ amount: "2500", currency: "JPY" });
    expect(monthlyFee("10", "USD", "quarter")).toEqual({ amount: "3.33333333333333333333", currency: "USD" });
    expect(monthlyFee("3", "USD", "year")).toEqual({ amount: "0.25", currency: "USD" });
  });

  it("gives durations exact seconds when the unit has a fixed length, and keeps the wording", () => {
    const { bundle } = compile(`
service S "S" {
  provider P
  customer C
  hours 24x7
  exclude maintenance { notice 1.5 hours  at most 90 minutes per rolling 2 weeks }
}
objective Sup "Support" {
  service S
  severity 1 "Down"
  response within 250 milliseconds during 24x7
  resolution within 2 business days during 24x7
  at least 95% of tickets per week
}
`);
    const [maintenance] = bundle.services[0].exclusions;
    expect(maintenance.notice).toEqual({ text: "1.5 hours", amount: "1.5", unit: "hour", seconds: "5400" });
    expect(maintenance.allowance).toEqual({
      duration: { text: "90 minutes", amount: "90", unit: "minute", seconds: "5400" },
      window: { period: "rolling", days: 14, text: "per rolling 2 weeks" },
    });
    const support = bundle.objectives[0].support!;
    expect(support.response?.within).toEqual({
      text: "250 milliseconds",
      amount: "250",
      unit: "millisecond",
      seconds: "0.25",
    });
    expect(support.resolution?.within).toEqual({ text: "2 business days", amount: "2", unit: "business day" });
    expect(bundle.objectives[0].window).toEqual({ period: "week", text: "per week" });
  });
});

describe("objectives", () => {
  const { program, bundle } = compile(`
calendar Office "Office" { monday to friday 09:00 to 17:00  saturday 10:00 to 12:00  holidays 2026-12-25, 2026-01-01, 2026-12-25 }
service S "S" {
  provider P
  customer C
  fee GBP 3,000 per quarter
  hours Office
  exclude customer caused
}
metric A "Availability" { service S  type availability }
metric L "Latency" { service S  type latency percentile 99.5 }
objective Up "Uptime" {
  metric A
  target above 99.5% per rolling 30 days
  exclude force majeure
}
objective Fast "Fast" {
  metric L
  target at most 1.5 seconds per calendar quarter
}
objective Limits "Limits" {
  service S
  max outage per incident 10 minutes
}
`);

  it("compile without errors", () => {
    expect(errorsOf(program)).toEqual([]);
  });

  it("take the service from the metric, and the service's exclusions before their own", () => {
    const up = bundle.objectives[0];
    expect(up.service).toBe("S");
    expect(up.exclusions.map((e) => e.cause)).toEqual(["customer", "force majeure"]);
    expect(bundle.services[0].exclusions.map((e) => e.cause)).toEqual(["customer"]);
  });

  it("carry budgets for availability targets on the scheduled time of the service's calendar", () => {
    const up = bundle.objectives[0];
    expect(up.window).toEqual({ period: "rolling", days: 30, text: "per rolling 30 days" });
    // 0.5% of the Office hours (42 a week, less holidays) in the 30 days before each month end of
    // the term, not of 30 × 24 hours: the least and the most of them.
    expect(up.budgets).toEqual([
      { days: 30, seconds: "3060", text: "51m", window: "2026-05 (last 30 days)", scheduled: "612000" },
      { days: 30, seconds: "3312", text: "55m 12s", window: "2026-03 (last 30 days)", scheduled: "662400" },
    ]);
    expect(bundle.objectives[1].budgets).toEqual([]);
  });

  it("give duration targets in milliseconds and the metric's percentile", () => {
    const fast = bundle.objectives[1];
    expect(fast.target?.value).toEqual({ kind: "duration", value: "1500", text: "1.5 seconds" });
    expect(fast.window.period).toBe("calendar quarter");
    expect(bundle.metrics[1]).toMatchObject({ type: "latency", percentile: "99.5", unit: "millisecond" });
    expect(bundle.metrics[0]).toMatchObject({ percentile: null, unit: "percent" });
  });

  it("default the window of an objective without one to the calendar month", () => {
    expect(bundle.objectives[2].window).toEqual({ period: "calendar month", text: "per calendar month" });
    expect(bundle.objectives[2].maxTotalOutage).toBeNull();
  });

  it("write calendars out in full, in the agreement's zone", () => {
    expect(bundle.calendars[0]).toMatchObject({
      timezone: "UTC",
      hours: [
        { days: ["monday", "tuesday", "wednesday", "thursday", "friday"], from: "09:00", to: "17:00" },
        { days: ["saturday"], from: "10:00", to: "12:00" },
      ],
      holidays: ["2026-01-01", "2026-12-25"],
    });
    expect(bundle.services[0].hours).toEqual({ kind: "calendar", calendar: "Office" });
    expect(bundle.services[0].fee).toEqual({ amount: "3000", currency: "GBP", period: "quarter" });
    expect(bundle.services[0].monthlyFee).toEqual({ amount: "1000", currency: "GBP" });
  });
});

describe("a program with errors", () => {
  it("still compiles to a bundle, leaving out what does not resolve", () => {
    const { program, bundle } = compile(`
service S "S" { provider Nobody  customer C  hours Missing }
objective O "O" { metric S  target at least 120% per calendar month }
remedy R "R" { for Ghost  credit 10% of monthly fee when below 99% }
reporting Rep "Rep" { report O, Ghost monthly }
`);
    expect(errorsOf(program).length).toBeGreaterThan(0);
    expect(bundle.services[0]).toMatchObject({ provider: null, customer: "C", hours: { kind: "24x7" } });
    expect(bundle.objectives[0]).toMatchObject({ metric: null, service: null, budgets: [] });
    expect(bundle.remedies[0].objective).toBeNull();
    expect(bundle.reporting[0].reports[0].objectives).toEqual(["O"]);
    expect(() => renderContract(bundle)).not.toThrow();
  });

  it("keeps the first of two declarations with the same name", () => {
    const { bundle } = compile(`clause X "First" { text "one" }\nclause X "Second" { text "two" }\n`);
    expect(bundle.clauses.map((c) => c.title)).toEqual(["First"]);
  });

  it("compiles an empty or broken file without throwing", () => {
    for (const text of ["", "agreement", "service S {", "objective O { target at least }"]) {
      const program = checkSource({ "file:///x.sla": text });
      const bundle = compileBundle(program);
      expect(serializeBundle(bundle).endsWith("\n")).toBe(true);
      expect(() => renderContract(bundle)).not.toThrow();
    }
  });
});

describe("buildArtifacts", () => {
  it("names the outputs after the contract and refuses contracts without an agreement or with errors", () => {
    const check = (uri: string, text: string) => checkProgram(uri, memoryHost({ [uri]: text }));
    const hosting = readFileSync(new URL("../../../../shared/spec/conformance/hosting.sla", import.meta.url), "utf8");
    const built = buildArtifacts(check("file:///c/My%20Hosting.sla", hosting));
    expect("artifacts" in built && built.artifacts.map((a) => a.fileName)).toEqual([
      "My Hosting.rules.json",
      "My Hosting.md",
    ]);
    const onlyMarkdown = buildArtifacts(check("file:///c/h.sla", hosting), ["md"]);
    expect("artifacts" in onlyMarkdown && onlyMarkdown.artifacts.map((a) => a.kind)).toEqual(["md"]);
    expect(buildArtifacts(check("file:///c/p.sla", "party P { role provider }\n"))).toMatchObject({
      problem: "no agreement",
    });
    expect(buildArtifacts(check("file:///c/e.sla", "agreement A { }\nparty P { role nobody }\n"))).toMatchObject({
      problem: "errors",
    });
  });
});
