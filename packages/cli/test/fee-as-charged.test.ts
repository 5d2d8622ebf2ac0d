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

  it("gives the same report with --engine duckdb, and the same error when a credit's month has no charge", () => {
    const events = join(REPO, "test/cases/fee-as-charged-2026-03.ndjson");
    const args = ["evaluate", contract, "--period", "2026-03"];
    const streaming = sla([...args, "--events", events]);
    const duckdb = sla([...args, "--events", events, "--engine", "duckdb"]);
    expect(duckdb.stderr).toBe("");
    expect(duckdb.code).toBe(0);
    expect(duckdb.stdout).toBe(streaming.stdout);
    const none = join(scratch(), "no-charges.ndjson");
    writeFileSync(none, `${outage}\n`);
    const missing = sla([...args, "--events", none, "--engine", "duckdb"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("no charge record for service Compute in 2026-03");
  });
});
