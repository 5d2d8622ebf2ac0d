import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerEvaluate } from "../../cli/src/commands/evaluate.ts";
import type { RuleBundle } from "../src/bundle.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const dir = mkdtempSync(join(tmpdir(), "sla-evaluate-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const events = file("events.ndjson", fixture("hosting-2026-03.ndjson"));
const bundlePath = file("hosting.bundle.json", fixture("hosting.bundle.json"));

async function sla(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = "";
  let err = "";
  const program = new Command().exitOverride();
  registerEvaluate(program, {
    loadBundle: async (p) => {
      if (p.endsWith(".sla")) throw Object.assign(new Error("contract has errors"), { exitCode: 1 });
      return JSON.parse(readFileSync(p, "utf8")) as RuleBundle;
    },
    write: (t) => {
      out += t;
    },
    warn: (t) => {
      err += t;
    },
  });
  try {
    await program.parseAsync(["node", "sla", "evaluate", ...args]);
    return { out, err, code: 0 };
  } catch (e) {
    return { out, err: err + (e as Error).message, code: (e as { exitCode?: number }).exitCode ?? -1 };
  }
}

describe("sla evaluate", () => {
  it("prints the single report object for one period", async () => {
    const r = await sla(bundlePath, "--events", events, "--period", "2026-03", "--format", "json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.period).toBe("2026-03");
    expect(report.totalCredit).toEqual({ amount: "3000.00", currency: "GBP" });
  });

  it("prints { reports } for a range", async () => {
    const r = await sla(bundlePath, "--events", events, "--period", "2026-02", "--to", "2026-03");
    expect(JSON.parse(r.out).reports.map((x: { period: string }) => x.period)).toEqual(["2026-02", "2026-03"]);
  });

  it("prints Markdown with --format md", async () => {
    const r = await sla(bundlePath, "--events", events, "--period", "2026-03", "--format", "md");
    expect(r.out).toMatch(/^# Service report/);
  });

  it("reads CSV by file name", async () => {
    const csv = file(
      "events.csv",
      "type,service,start,end,cause\noutage,Hosting,2026-03-04T10:00:00Z,2026-03-04T11:00:00Z,unplanned\n",
    );
    const r = await sla(bundlePath, "--events", csv, "--period", "2026-03");
    expect(JSON.parse(r.out).objectives[0].downtime.seconds).toBe("3600");
  });

  it("exits 2 and writes nothing on bad data", async () => {
    const bad = file(
      "bad.ndjson",
      `${fixture("hosting-2026-03.ndjson").trim()}\n{"type":"outage","service":"Hosting","start":"2026-03-04T10:00:00Z","cause":"unplanned"}\n`,
    );
    const r = await sla(bundlePath, "--events", bad, "--period", "2026-03");
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toBe(`${bad}: line 29, field "end": missing`);
  });

  it("skips bad lines with --skip-invalid and warns", async () => {
    const bad = file("bad2.ndjson", `${fixture("hosting-2026-03.ndjson").trim()}\nnot json\n`);
    const r = await sla(bundlePath, "--events", bad, "--period", "2026-03", "--skip-invalid");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).data.skipped).toBe(1);
    expect(r.err).toContain("skipped 1 invalid line");
  });

  it.each([
    [["--events", "missing.ndjson", "--period", "2026-03"], "cannot read events file"],
    [["--period", "2026-03"], "--events <file> or --prometheus <url> is required"],
    [["--events", "x", "--period", "2026-13"], "is not a month"],
    [["--events", "x", "--period", "2026-03", "--to", "2026-01"], "is before"],
    [["--events", "x", "--period", "2026-03", "--format", "xml"], "--format must be json, md or csv"],
  ])("exits 2 on usage and I/O errors: %j", async (args, message) => {
    const r = await sla(bundlePath, ...args);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toContain(message);
  });

  it("exits 1 on problems in the contract", async () => {
    expect(await sla("contract.sla", "--events", events, "--period", "2026-03")).toMatchObject({ code: 1, out: "" });
    const broken = JSON.parse(fixture("hosting.bundle.json"));
    broken.agreement.timezone = "Mars/Olympus";
    const r = await sla(file("broken.json", JSON.stringify(broken)), "--events", events, "--period", "2026-03");
    expect(r).toMatchObject({ code: 1, out: "" });
    expect(r.err).toContain('unknown time zone "Mars/Olympus"');
  });
});

describe("sla evaluate: names the contract does not declare", () => {
  const withTypo = file(
    "typo.ndjson",
    `${fixture("hosting-2026-03.ndjson")}\n${JSON.stringify({ type: "outage", service: "hosting", start: "2026-03-05T10:00:00Z", end: "2026-03-05T12:00:00Z", cause: "unplanned" })}\n`,
  );
  const withOther = file(
    "other.ndjson",
    `${fixture("hosting-2026-03.ndjson")}\n${JSON.stringify({ type: "outage", service: "Billing", start: "2026-03-05T10:00:00Z", end: "2026-03-05T12:00:00Z", cause: "unplanned" })}\n`,
  );

  it("refuses a near miss (exit 1, nothing written) and names the declared service on stderr", async () => {
    const r = await sla(bundlePath, "--events", withTypo, "--period", "2026-03");
    expect(r).toMatchObject({ code: 1, out: "" });
    expect(r.err).toContain(
      '1 record names service "hosting", which the contract does not declare; did you mean service "Hosting"?',
    );
    expect(r.err).toContain("--ignore-unknown");
  });

  it("evaluates with --ignore-unknown, listing the name at the top of the report", async () => {
    const r = await sla(bundlePath, "--events", withTypo, "--period", "2026-03", "--ignore-unknown", "--format", "md");
    expect(r.code).toBe(0);
    expect(r.out.indexOf("## Unknown names in the data")).toBeLessThan(r.out.indexOf("## Summary"));
    expect(r.out).toContain("- service hosting: 1 record; nearest declared service: Hosting (probably a typo)");
  });

  it("only warns about another service's records, with counts", async () => {
    const r = await sla(bundlePath, "--events", withOther, "--period", "2026-03");
    expect(r.code).toBe(0);
    expect(r.err).toContain('1 record names service "Billing", which the contract does not declare');
    expect(JSON.parse(r.out).unknownNames).toEqual([
      { kind: "service", name: "Billing", records: 1, nearest: "Hosting", nearMiss: false },
    ]);
  });
});

describe("sla evaluate: the term and windows in progress", () => {
  it("--terminated-on puts later windows outside the term, with no credit", async () => {
    const r = await sla(bundlePath, "--events", events, "--period", "2026-03", "--terminated-on", "2026-02-28");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.objectives.map((o: { status: string }) => o.status)).toEqual(Array(5).fill("outside term"));
    expect(report.totalCredit.amount).toBe("0.00");
  });

  it("--as-of mid-month puts the month in progress, with no credit yet", async () => {
    const r = await sla(bundlePath, "--events", events, "--period", "2026-03", "--as-of", "2026-03-15");
    const report = JSON.parse(r.out);
    const uptime = report.objectives.find((o: { name: string }) => o.name === "Uptime");
    expect(uptime).toMatchObject({ status: "in progress", met: null, breaches: 0 });
    expect(uptime.remainingBudget).toBeDefined();
    expect(report.credits).toEqual([]);
  });

  it("rejects a malformed --as-of or --terminated-on (exit 2)", async () => {
    expect((await sla(bundlePath, "--events", events, "--period", "2026-03", "--as-of", "mid-March")).code).toBe(2);
    expect(
      (await sla(bundlePath, "--events", events, "--period", "2026-03", "--terminated-on", "2026-02-30")).code,
    ).toBe(2);
  });
});
