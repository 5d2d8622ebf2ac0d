/**
 * `sla export prometheus`: the rules pass `promtool check rules`, and `promtool test rules` shows
 * the page alert firing on a fast burn and staying quiet on a slow one, on series written in
 * promtool's test format.
 */
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle, exportPrometheus } from "@sla/compiler";
import { INDICATOR_CONTRACT } from "../../packages/compiler/test/export/contract.ts";
import { checkSource, errorsOf } from "../../packages/compiler/test/helpers.ts";
import { promtool, promtoolMissing } from "./promtool.ts";

if (promtoolMissing) console.warn(`skipping the promtool tests: promtool is missing and ${promtoolMissing}`);

const program = checkSource({ "file:///work/shop.sla": INDICATOR_CONTRACT });
const rules = exportPrometheus(compileBundle(program))!;

/** One hour of requests a minute apart: `ok` good and `failed` 5xx requests per minute. */
function series(ok: number, failed: number): string {
  return `      - series: 'http_requests_total{job="checkout",code="200"}'
        values: '0+${ok}x120'
      - series: 'http_requests_total{job="checkout",code="500"}'
        values: '0+${failed}x120'`;
}

function alertTest(name: string, ok: number, failed: number, page: string): string {
  return `  - name: ${name}
    interval: 1m
    input_series:
${series(ok, failed)}
    alert_rule_test:
      - eval_time: 70m
        alertname: SLAErrorBudgetBurnPage
        exp_alerts:${page}`;
}

describe("sla export prometheus", () => {
  it("records the error ratio over every window and the period, and the budget left", () => {
    expect(errorsOf(program)).toEqual([]);
    for (const range of ["5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d", "28d"])
      expect(rules).toContain(`record: sla:error_ratio:rate${range}\n`);
    expect(rules).toContain('1 - (sla:error_ratio:rate30d{sla_objective="uptime"} / 0.001)');
    // 14.4 × 0.001, exact; 0.5% of errors allowed gives 0.072 and 0.005
    expect(rules).toContain('sla:error_ratio:rate1h{sla_objective="uptime"} > 0.0144');
    expect(rules).toContain('sla:error_ratio:rate1h{sla_objective="few-errors"} > 0.072');
    expect(rules).toContain('sla:error_ratio:rate3d{sla_objective="few-errors"} > 0.005');
  });

  it.skipIf(promtoolMissing)("passes promtool check rules", () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-prom-"));
    writeFileSync(join(dir, "rules.yaml"), rules);
    const checked = promtool(["check", "rules", "rules.yaml"], dir);
    expect(checked.output).toContain("SUCCESS");
    expect(checked.code, checked.output).toBe(0);
  });

  it.skipIf(promtoolMissing)("pages on a fast burn and not on a slow one (promtool test rules)", () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-prom-"));
    writeFileSync(join(dir, "rules.yaml"), rules);
    const fired = `
          - exp_labels:
              severity: page
              sla_objective: uptime
              sla_service: checkout
            exp_annotations:
              summary: Checkout uptime is burning its error budget fast
              description: Target at least 99.9% per calendar month (0.999 of events good); budget 0.001 over 30d.
          - exp_labels:
              severity: page
              sla_objective: few-errors
              sla_service: checkout
            exp_annotations:
              summary: Few failed requests is burning its error budget fast
              description: Target at most 0.5% per rolling 28 days (0.995 of events good); budget 0.005 over 28d.`;
    // 10 failed of 110 a minute: 9% errors, 90 times Uptime's budget and 18 times FewErrors';
    // 1 of 1000: Uptime's budget's own rate, burning it no faster than the month allows
    const tests = `rule_files:
  - rules.yaml
evaluation_interval: 1m
tests:
${alertTest("fast burn", 100, 10, fired)}
${alertTest("slow burn", 999, 1, " []")}
`;
    writeFileSync(join(dir, "tests.yaml"), tests);
    const run = promtool(["test", "rules", "tests.yaml"], dir);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("SUCCESS");
  });

  it.skipIf(promtoolMissing)("the fast-burn test fails when the page alert is expected quiet", () => {
    const dir = mkdtempSync(join(tmpdir(), "sla-prom-"));
    writeFileSync(join(dir, "rules.yaml"), rules);
    const tests = `rule_files:\n  - rules.yaml\nevaluation_interval: 1m\ntests:\n${alertTest("fast burn", 100, 10, " []")}\n`;
    writeFileSync(join(dir, "tests.yaml"), tests);
    expect(promtool(["test", "rules", "tests.yaml"], dir).code).not.toBe(0);
  });
});
