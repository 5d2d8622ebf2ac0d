/** `sla evaluate` on real exports: standard input, presets, column maps, local times, CSV out. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPORT_CSV_COLUMNS } from "../../engine/src/index.ts";
import { REPO, scratch, sla } from "./run.ts";

const dir = scratch();
const contract = join(dir, "hosting.sla");
writeFileSync(
  contract,
  readFileSync(join(REPO, "examples/cloud-hosting.sla"), "utf8").replace('timezone "UTC"', 'timezone "Europe/Berlin"'),
);

const pagerduty = [
  "id,service_name,description,created_on,resolved_on,urgency",
  'Q1,Compute,"VM host down,\nsecond line of the note",2026-03-04 10:00,2026-03-04 10:45,high',
].join("\n");
// A blank first line keeps the record on line 2, as under the CSV header.
const ndjson =
  '\n{"type":"outage","service":"Compute","start":"2026-03-04T09:00:00Z","end":"2026-03-04T09:45:00Z","cause":"unplanned"}\n';

describe("sla evaluate with real data", () => {
  it("reads a PagerDuty-style export from standard input with local times in the agreement's zone", () => {
    const fromExport = sla(
      ["evaluate", contract, "--events", "-", "--preset", "pagerduty", "--period", "2026-03", "--as-of", "2026-04-02"],
      {
        input: pagerduty,
      },
    );
    expect(fromExport.stderr).toBe("");
    expect(fromExport.code).toBe(0);
    const reference = join(dir, "outages.ndjson");
    writeFileSync(reference, ndjson);
    const fromNdjson = sla([
      "evaluate",
      contract,
      "--events",
      reference,
      "--period",
      "2026-03",
      "--as-of",
      "2026-04-02",
    ]);
    const a = JSON.parse(fromExport.stdout);
    const b = JSON.parse(fromNdjson.stdout);
    expect(a.objectives).toEqual(b.objectives);
    expect(a.objectives.find((o: { name: string }) => o.name === "Uptime").downtime.seconds).toBe("2700");
  });

  it("writes the report as CSV: documented columns, a row per objective and window", () => {
    const r = sla(
      [
        "evaluate",
        contract,
        "--events",
        "-",
        "--map",
        "service=service_name,start=created_on,end=resolved_on",
        "--period",
        "2026-03",
        "--as-of",
        "2026-04-02",
        "--format",
        "csv",
      ],
      {
        input:
          "type,cause,service_name,created_on,resolved_on\noutage,unplanned,Compute,2026-03-04 10:00,2026-03-04 10:45\n",
      },
    );
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\r\n");
    expect(lines[0]).toBe(REPORT_CSV_COLUMNS.join(","));
    const uptime = lines.find((l) => l.startsWith("objective,2026-03,Uptime,"));
    expect(uptime).toBeDefined();
    const cells = uptime!.split(",");
    expect(cells[REPORT_CSV_COLUMNS.indexOf("downtime_seconds")]).toBe("2700");
    expect(cells[REPORT_CSV_COLUMNS.indexOf("status")]).toBe("complete");
    expect(r.stdout.endsWith("\r\n")).toBe(true);
  });

  it("stops with the line of a local time the clocks skip, exit 2", () => {
    const r = sla(["evaluate", contract, "--events", "-", "--preset", "pagerduty", "--period", "2026-03"], {
      input: "service_name,created_on,resolved_on\nCompute,2026-03-29 02:30,2026-03-29 04:00\n",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'standard input: line 2, field "start": "2026-03-29 02:30" does not exist in Europe/Berlin (the clocks skip it)',
    );
  });

  it("refuses a bad map, preset or delimiter as usage errors", () => {
    const base = ["evaluate", contract, "--events", "-", "--period", "2026-03"];
    expect(sla([...base, "--map", "begin=Created"]).stderr).toContain('evaluate: --map: "begin" is not a field');
    expect(sla([...base, "--preset", "opsgenie"]).stderr).toContain('unknown --preset "opsgenie"');
    const r = sla([...base, "--delimiter", ";;"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--delimiter must be one character");
  });
});
