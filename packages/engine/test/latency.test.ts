import { describe, expect, it } from "vitest";
import { bundle, calendar, latency, measurement, objectiveOf, one } from "./helpers.ts";

const values = (xs: number[], day = "2026-04-01") =>
  xs.map((v, i) => measurement(`${day}T${String(i % 24).padStart(2, "0")}:00:00Z`, v));

describe("measured objectives", () => {
  it.each([
    ["90", [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 9, "90"],
    ["95", [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 10, "100"],
    ["50", [40, 10, 30, 20], 2, "20"],
    ["50", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, "5"],
    ["100", [3, 1, 2], 3, "3"],
    ["1", [3, 1, 2], 1, "1"],
  ])("takes the nearest-rank P%s percentile", async (p, xs, rank, value) => {
    const b = bundle({ percentile: p, objectives: [latency("L", "1000")] });
    const o = objectiveOf(await one(b, values(xs), "2026-04"), "L");
    expect([o.measurements?.rank, o.value]).toEqual([rank, value]);
  });

  it("is met at exactly the target and breached just above it", async () => {
    const b = bundle({ percentile: "50", objectives: [latency("L", "300")] });
    expect(objectiveOf(await one(b, values([300]), "2026-04"), "L")).toMatchObject({ met: true, value: "300" });
    expect(objectiveOf(await one(b, values([300.5]), "2026-04"), "L")).toMatchObject({
      met: false,
      value: "300.5",
      breaches: 1,
    });
  });

  it("names the line of the measurement it picked", async () => {
    const b = bundle({ percentile: "95", objectives: [latency("L", "1000")] });
    const o = objectiveOf(await one(b, values([5, 900, 7]), "2026-04"), "L");
    expect(o.counted[0]).toMatchObject({
      kind: "measurement",
      line: 2,
      value: "900",
      role: "rank 3 of 3 (95th percentile, nearest rank)",
    });
  });

  it("uses the exact mean without a percentile", async () => {
    const b = bundle({ percentile: null, objectives: [latency("L", "1.5")] });
    expect(objectiveOf(await one(b, values([1, 2]), "2026-04"), "L")).toMatchObject({ value: "1.5", met: true });
    expect(objectiveOf(await one(b, values([1, 1, 2]), "2026-04"), "L").value).toBe("1.333333333333333333333333333");
  });

  it("ignores other metrics and other months, and measurements outside service hours", async () => {
    const b = bundle({
      calendars: [calendar("Office", "UTC")],
      hours: { kind: "calendar", calendar: "Office" },
      percentile: "50",
      objectives: [latency("L", "1000")],
    });
    const lines = [
      measurement("2026-04-01T09:00:00Z", 100), // Wednesday, in hours
      measurement("2026-04-01T20:00:00Z", 999), // out of hours
      measurement("2026-04-01T09:00:00Z", 5000, "Other"),
      measurement("2026-05-01T09:00:00Z", 5000),
    ];
    const r = await one(b, lines, "2026-04");
    const o = objectiveOf(r, "L");
    expect(o).toMatchObject({ value: "100", measurements: { count: 1 } });
    expect(o.excluded).toEqual([{ kind: "measurements", count: 1, reason: "outside service hours" }]);
    expect(r.data).toMatchObject({ records: 4, used: 2, ignored: 2 });
  });

  it("is met with no value without measurements", async () => {
    const b = bundle({ objectives: [latency("L", "300")] });
    expect(objectiveOf(await one(b, [], "2026-04"), "L")).toMatchObject({ met: true, value: null });
  });
});
