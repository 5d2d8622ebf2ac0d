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
      [ticket(1, "2026-03-02T09:00:00Z", "2026-03-02T14:00:00Z"), ticket(2, "2026-03-03T09:00:00Z", "2026-03-03T09:30:00Z")],
      { from: "2026-03" },
    );
    const o = report.objectives[0];
    expect(o).toMatchObject({ kind: "support", met: false, value: "50", breaches: 1 });
    expect(o.notes.join(" ")).not.toMatch(/no rule/);
    expect(report.totalCredit).toEqual({ amount: "100.00", currency: "GBP" });
  });
});
