/** `sla evaluate` of a contract whose fee is as charged: the charges from the events file, or an error naming what is missing. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, scratch, sla } from "./run.ts";

const contract = join(REPO, "test/cases/fee-as-charged.sla");
const outage = `{"type":"outage","service":"Compute","start":"2026-03-10T14:00:00Z","end":"2026-03-10T15:00:00Z","cause":"unplanned"}`;

describe("sla evaluate with a fee as charged", () => {
  it("takes the credit of the month's charges from the events file", () => {
    const events = join(REPO, "test/cases/fee-as-charged-2026-03.ndjson");
    const run = sla(["evaluate", contract, "--events", events, "--period", "2026-03"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).totalCredit).toEqual({ amount: "133.47", currency: "USD" });
  });

  it("exits 2 naming the events file, the service and the month when a credit's month has no charge", () => {
    const events = join(scratch(), "no-charges.ndjson");
    writeFileSync(events, `${outage}\n`);
    const run = sla(["evaluate", contract, "--events", events, "--period", "2026-03"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${events}: no charge record for service Compute in 2026-03`);
  });

  it("is refused by the DuckDB engine in words", () => {
    const events = join(REPO, "test/cases/fee-as-charged-2026-03.ndjson");
    const run = sla(["evaluate", contract, "--events", events, "--period", "2026-03", "--engine", "duckdb"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("service Compute: a fee as charged is read from charge records");
  });
});
