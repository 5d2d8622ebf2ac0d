import { describe, expect, it } from "vitest";
import type { BundleCredit } from "../src/bundle.ts";
import { availability, bonus, bundle, dur, limits, one, outage, remedy, run } from "./helpers.ts";

// April 2026 (UTC) has 43,200 minutes: 432 minutes down is exactly 99%, 2160 exactly 95%.
const down = (minutes: number, day = "2026-04-10") =>
  outage(`${day}T00:00:00Z`, new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000).toISOString());

const tiers = [
  { percent: "10", value: "99.9" },
  { percent: "25", value: "99.0" },
  { percent: "100", value: "95.0" },
];

describe("credits", () => {
  it("applies the single largest tier whose condition holds, never the sum", async () => {
    const b = bundle({ objectives: [availability("Up", "99.9")], remedies: [remedy("Cr", "Up", tiers)] });
    const r = await one(b, [down(600)], "2026-04"); // 98.61…%
    expect(r.credits).toHaveLength(1);
    expect(r.credits[0]).toMatchObject({
      percent: "25",
      amount: "250.00",
      tier: { condition: "below 99.0%", line: 10 },
    });
  });

  it("treats a tier threshold as strict: exactly 99% is not below 99%", async () => {
    const b = bundle({ objectives: [availability("Up", "99.9")], remedies: [remedy("Cr", "Up", tiers)] });
    expect((await one(b, [down(432)], "2026-04")).credits[0]).toMatchObject({ percent: "10" });
    expect((await one(b, [down(433)], "2026-04")).credits[0]).toMatchObject({ percent: "25" });
  });

  it("pays a band only between its bounds, both compared exactly, and nothing in a gap between bands", async () => {
    const band = (percent: string, below: string, atLeast: string): BundleCredit => ({
      ...remedy("x", "Up", [{ percent, value: below }]).credits[0],
      condition: {
        kind: "threshold",
        comparator: "below",
        value: { kind: "percentage", value: below, text: `${below}%` },
        bound: { comparator: "at least", value: { kind: "percentage", value: atLeast, text: `${atLeast}%` } },
      },
    });
    const r = remedy("Cr", "Up", []);
    r.credits = [band("10", "99.9", "99.5"), band("25", "99.0", "95.0")];
    const b = bundle({ objectives: [availability("Up", "99.9")], remedies: [r] });
    // 216 minutes down is exactly 99.5% (the first band's floor, included); 217 falls into the gap
    expect((await one(b, [down(216)], "2026-04")).credits[0]).toMatchObject({
      percent: "10",
      amount: "100.00",
      tier: { condition: "below 99.9% but at least 99.5%" },
    });
    expect((await one(b, [down(217)], "2026-04")).credits).toEqual([]);
    // exactly 99% is not below 99%: still the gap; one minute more is in the second band
    expect((await one(b, [down(432)], "2026-04")).credits).toEqual([]);
    expect((await one(b, [down(433)], "2026-04")).credits[0]).toMatchObject({ percent: "25", amount: "250.00" });
    // exactly 95% is the second band's floor, included; below it no band holds
    expect((await one(b, [down(2160)], "2026-04")).credits[0]).toMatchObject({ percent: "25" });
    expect((await one(b, [down(2161)], "2026-04")).credits).toEqual([]);
  });

  it("pays nothing while the objective is met", async () => {
    const b = bundle({ objectives: [availability("Up", "99.9")], remedies: [remedy("Cr", "Up", tiers)] });
    const r = await one(b, [], "2026-04");
    expect(r.credits).toEqual([]);
    expect(r.totalCredit).toEqual({ amount: "0.00", currency: "GBP" });
    expect(r.claimDeadline).toBeNull();
  });

  it.each([
    ["GBP", "1000.05", "100.01"], // 100.005 rounds half-up
    ["GBP", "1000.04", "100.00"], // 100.004 rounds down
    ["JPY", "12345", "1235"], // 1234.5, no minor unit
    ["KWD", "10.005", "1.001"], // 1.0005, three decimals
  ])("rounds percent × fee half-up to the minor unit of %s", async (currency, fee, amount) => {
    const b = bundle({
      currency,
      fee,
      objectives: [availability("Up", "99.9")],
      remedies: [remedy("Cr", "Up", tiers)],
    });
    const [c] = (await one(b, [down(60)], "2026-04")).credits;
    expect([c.amount, c.currency]).toEqual([amount, currency]);
  });

  it("multiplies a for-each-breach credit and lets the cap bind", async () => {
    const b = bundle({
      objectives: [limits("Lim", "10 minutes", null)],
      remedies: [remedy("Out", "Lim", [{ percent: "5", eachBreach: true }], { capPercent: "20" })],
    });
    const five = [1, 2, 3, 4, 5].map((d) => down(11, `2026-04-0${d}`));
    const [c] = (await one(b, five, "2026-04")).credits;
    expect(c).toMatchObject({ breaches: 5, percent: "20", amount: "200.00", capped: true });
    expect(c.arithmetic).toBe(
      "for each breach: 5% × 5 breaches = 25% of monthly fee GBP 1000.00 = GBP 250.00, capped at 20% of monthly fee per calendar month = GBP 200.00",
    );
    const [three] = (await one(b, five.slice(0, 3), "2026-04")).credits;
    expect(three).toMatchObject({ percent: "15", amount: "150.00", capped: false });
  });

  it("counts what earlier windows paid against a cap per calendar year, also for a single month", async () => {
    const cr = remedy("Cr", "Up", tiers, { capPercent: "30" });
    cr.cap!.window = { period: "calendar year", text: "per calendar year" };
    const b = bundle({ objectives: [availability("Up", "99.9")], remedies: [cr] });
    const lines = [down(600, "2026-01-10"), down(600, "2026-02-10")];
    const [jan, feb] = await run(b, lines, "2026-01", { to: "2026-02" });
    expect(jan.credits[0]).toMatchObject({ percent: "25", amount: "250.00" });
    expect(feb.credits[0]).toMatchObject({ percent: "5", amount: "50.00", capped: true, cap: { remaining: "50.00" } });
    expect((await one(b, lines, "2026-02")).credits[0]).toMatchObject({ amount: "50.00" });
  });

  it("puts the claim deadline at the window's end plus the claim period", async () => {
    const b = bundle({
      timezone: "Europe/London",
      objectives: [availability("Up", "99.9")],
      remedies: [remedy("Cr", "Up", tiers, { claimWithin: dur("30 days") })],
    });
    const r = await one(b, [down(60, "2026-03-10")], "2026-03");
    expect(r.credits[0].claimDeadline).toBe("2026-04-30T23:00:00Z");
    expect(r.claimDeadline).toBe("2026-04-30T23:00:00Z");
  });

  it("gives a termination right at the third breached window within six months", async () => {
    const term = remedy("Term", "Up", [], {
      termination: { breaches: 3, within: dur("6 months"), source: { file: "t", line: 1, column: 1 } },
    });
    const b = bundle({ objectives: [availability("Up", "99.9")], remedies: [term] });
    const lines = [down(60, "2026-01-10"), down(60, "2026-03-10"), down(60, "2026-06-10"), down(60, "2026-08-10")];
    const reports = await run(b, lines, "2026-01", { to: "2026-08" });
    expect(
      reports.map(
        (r) => `${r.period}:${r.terminationRights[0].breaches}${r.terminationRights[0].exercisable ? "!" : ""}`,
      ),
    ).toEqual([
      "2026-01:1",
      "2026-02:1",
      "2026-03:2",
      "2026-04:2",
      "2026-05:2",
      "2026-06:3!",
      "2026-07:2", // January has left the six months
      "2026-08:3!",
    ]);
    // The same answer for a single month, looking back through the same events.
    expect((await one(b, lines, "2026-06")).terminationRights[0]).toMatchObject({ breaches: 3, exercisable: true });
  });
});

describe("incentives", () => {
  const b = bundle({
    effective: "2026-01-01",
    objectives: [availability("Up", "99.9")],
    incentives: [bonus("Bonus", "Up", "5", "99.99", 3)],
  });
  const tiny = (day: string) => outage(`${day}T00:00:00Z`, `${day}T00:00:01Z`);

  it("pays a bonus after three consecutive months above the threshold", async () => {
    const lines = [tiny("2026-01-05"), tiny("2026-02-05"), tiny("2026-03-05")];
    const [jan, feb, mar] = await run(b, lines, "2026-01", { to: "2026-03" });
    expect(jan.bonuses).toEqual([]);
    expect(feb.bonuses).toEqual([]);
    expect(mar.bonuses[0]).toMatchObject({
      incentive: "Bonus",
      percent: "5",
      amount: "50.00",
      windows: [{ label: "2026-01" }, { label: "2026-02" }, { label: "2026-03" }],
    });
    expect(mar.totalBonus).toEqual({ amount: "50.00", currency: "GBP" });
    expect((await one(b, lines, "2026-03")).bonuses).toHaveLength(1);
  });

  it("does not let months without observed data complete a streak", async () => {
    const r = await one(b, [tiny("2026-03-05")], "2026-03");
    expect(r.bonuses).toEqual([]);
    expect(r.bonusChecks[0].windows.map((w) => w.note)).toEqual([
      "no observed data for this window",
      "no observed data for this window",
      null,
    ]);
  });

  it("breaks the streak on a month at or below the threshold", async () => {
    // 4m 1.92s is exactly 0.01% of February's 28 days: 99.99% is not above 99.99%.
    const lines = [tiny("2026-01-05"), outage("2026-02-05T00:00:00Z", "2026-02-05T00:04:01.920Z"), tiny("2026-03-05")];
    const r = await one(b, lines, "2026-03");
    expect(r.bonusChecks[0].windows.map((w) => [w.value, w.holds])).toEqual([
      ["99.99996266427718040621266428", true],
      ["99.99", false],
      ["99.99996266427718040621266428", true],
    ]);
  });
});
