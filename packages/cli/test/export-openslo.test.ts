/** `sla export openslo` and `sla import openslo` as a user runs them: files, exit codes, messages. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDICATOR_CONTRACT } from "../../compiler/test/export/contract.ts";
import { REPO, scratch, sla } from "./run.ts";

describe("sla export openslo", () => {
  const dir = scratch();
  const contract = join(dir, "shop.sla");
  writeFileSync(contract, INDICATOR_CONTRACT);

  it("prints the documents, or writes them with --out", () => {
    const printed = sla(["export", "openslo", contract]);
    expect(printed.stderr).toBe("");
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^---\napiVersion: openslo\/v1\nkind: Service\n/);
    expect(printed.stdout).toContain("target: 0.999\n");
    const out = join(dir, "shop.openslo.yaml");
    expect(sla(["export", "openslo", contract, "--out", out]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(printed.stdout);
  });

  it("shares the export command with prometheus rules", () => {
    const rules = sla(["export", "prometheus", contract]);
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/^groups:\n {2}- name: sla-uptime\n/);
    expect(sla(["export", "prometheus", join(REPO, "examples/service-desk.sla")]).code).toBe(1);
  });

  it("refuses a contract without an indicator, and one with errors", () => {
    // support terms only
    const example = join(REPO, "examples/service-desk.sla");
    const none = sla(["export", "openslo", example]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("nothing to export: no objective of");
    const broken = join(dir, "broken.sla");
    writeFileSync(broken, INDICATOR_CONTRACT.replace("type error rate", "type histogram"));
    const failed = sla(["export", "openslo", broken]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe("");
    expect(failed.stderr).toMatch(/broken\.sla:\d+:\d+/);
    expect(sla(["export", "openslo", join(dir, "missing.sla")]).code).toBe(2);
  });
});

describe("sla import openslo", () => {
  const dir = scratch();
  const contract = join(dir, "shop.sla");
  writeFileSync(contract, INDICATOR_CONTRACT);
  const yaml = join(dir, "shop.yaml");
  writeFileSync(yaml, sla(["export", "openslo", contract]).stdout);

  it("writes a contract that checks clean and exports the same documents", () => {
    const imported = join(dir, "imported.sla");
    const run = sla(["import", "openslo", yaml, "--out", imported]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const check = sla(["check", imported]);
    expect(check.stderr + check.stdout).toContain("0 errors, 0 warnings");
    expect(check.code).toBe(0);
    expect(sla(["export", "openslo", imported]).stdout).toBe(readFileSync(yaml, "utf8"));
  });

  it("lists what it cannot carry over on standard error, and names a YAML error's place", () => {
    const extra = join(dir, "alerts.yaml");
    writeFileSync(extra, "apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata: { name: page }\nspec: {}\n");
    const run = sla(["import", "openslo", yaml, extra]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `not carried over: ${extra}:1:1 (AlertPolicy page): an OpenSLO AlertPolicy has no place in a contract; skipped\n`,
    );
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "kind: SLO\nmetadata: [\n");
    const failed = sla(["import", "openslo", bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: `));
  });
});
