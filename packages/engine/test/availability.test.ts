import { describe, expect, it } from "vitest";
import {
  availability,
  bundle,
  calendar,
  customer,
  forceMajeure,
  limits,
  maintenance,
  objectiveOf,
  one,
  outage,
} from "./helpers.ts";

// April 2026 in UTC: 30 days = 2,592,000 s; 99.9% allows exactly 2,592 s (43m 12s).
describe("availability", () => {
  const b = bundle({ objectives: [availability("Up", "99.9")] });

  it("is met at exactly the target: 99.9% is not below 99.9%", async () => {
    const r = await one(b, [outage("2026-04-10T00:00:00Z", "2026-04-10T00:43:12Z")], "2026-04");
    expect(objectiveOf(r, "Up")).toMatchObject({ value: "99.9", met: true, breaches: 0 });
  });

  it("is breached one millisecond past the budget", async () => {
    const r = await one(b, [outage("2026-04-10T00:00:00Z", "2026-04-10T00:43:12.001Z")], "2026-04");
    expect(objectiveOf(r, "Up")).toMatchObject({ met: false, breaches: 1 });
    expect(objectiveOf(r, "Up").value).toBe("99.89999996141975308641975309");
  });

  it("counts only the part of an outage inside the window, and judges the incident where it began", async () => {
    const b2 = bundle({ objectives: [availability("Up", "99.9"), limits("Lim", "45 minutes", null)] });
    const lines = [outage("2026-03-31T23:30:00Z", "2026-04-01T00:30:00Z")];
    const march = await one(b2, lines, "2026-03");
    const april = await one(b2, lines, "2026-04");
    expect(objectiveOf(march, "Up").downtime?.seconds).toBe("1800");
    expect(objectiveOf(april, "Up").downtime?.seconds).toBe("1800");
    expect(objectiveOf(march, "Lim").breaches).toBe(1);
    expect(objectiveOf(april, "Lim").breaches).toBe(0);
    const inc = objectiveOf(april, "Lim").counted[0];
    expect(inc.kind === "incident" && [inc.incidentDowntime.seconds, inc.began, inc.exceedsPerIncidentLimit]).toEqual([
      "3600",
      "2026-03",
      true,
    ]);
  });

  it("merges overlapping and touching outages into one incident", async () => {
    const b2 = bundle({ objectives: [limits("Lim", "30 minutes", null)] });
    const lines = [
      outage("2026-04-01T10:00:00Z", "2026-04-01T10:20:00Z"),
      outage("2026-04-01T10:20:00Z", "2026-04-01T10:40:00Z"), // touches the first
      outage("2026-04-01T10:30:00Z", "2026-04-01T10:35:00Z"), // inside the second
      outage("2026-04-01T12:00:00Z", "2026-04-01T12:10:00Z"), // separate
    ];
    const lim = objectiveOf(await one(b2, lines, "2026-04"), "Lim");
    expect(lim.counted.map((c) => c.kind === "incident" && [c.start, c.end, c.records.length])).toEqual([
      ["2026-04-01T10:00:00Z", "2026-04-01T10:40:00Z", 3],
      ["2026-04-01T12:00:00Z", "2026-04-01T12:10:00Z", 1],
    ]);
    expect(lim.breaches).toBe(1);
    expect(lim.downtime?.seconds).toBe("3000");
  });

  it("breaches a total-outage limit once per window, only when strictly exceeded", async () => {
    const b2 = bundle({ objectives: [limits("Lim", null, "40 minutes")] });
    const exact = [
      outage("2026-04-01T10:00:00Z", "2026-04-01T10:20:00Z"),
      outage("2026-04-02T10:00:00Z", "2026-04-02T10:20:00Z"),
    ];
    expect(objectiveOf(await one(b2, exact, "2026-04"), "Lim").breaches).toBe(0);
    const over = [...exact, outage("2026-04-03T10:00:00Z", "2026-04-03T10:00:01Z")];
    const lim = objectiveOf(await one(b2, over, "2026-04"), "Lim");
    expect(lim.breaches).toBe(1);
    expect(lim.breachDetails[0]).toMatchObject({ kind: "total outage", at: "2026-04-03T10:00:00Z" });
  });

  describe("exclusions", () => {
    const ex = [maintenance("5 days", "4 hours"), customer, forceMajeure];
    const b2 = bundle({ objectives: [availability("Up", "99.9", { exclusions: ex })] });

    it("excludes maintenance up to the allowance in order of start; the rest is downtime", async () => {
      const lines = [
        outage("2026-04-20T00:00:00Z", "2026-04-20T02:00:00Z", "maintenance", "2026-04-01T00:00:00Z"),
        outage("2026-04-10T00:00:00Z", "2026-04-10T03:00:00Z", "maintenance", "2026-04-01T00:00:00Z"),
      ];
      const up = objectiveOf(await one(b2, lines, "2026-04"), "Up");
      // 10th: 3 h excluded (1 h left); 20th: 00:00–01:00 excluded, 01:00–02:00 over the allowance.
      expect(up.downtime?.seconds).toBe("3600");
      expect(up.counted.map((c) => c.kind === "incident" && [c.start, c.end, c.records[0].note])).toEqual([
        [
          "2026-04-20T01:00:00Z",
          "2026-04-20T02:00:00Z",
          "maintenance over the allowance of 4 hours per calendar month",
        ],
      ]);
      expect(up.excluded.map((e) => e.kind === "outage" && [e.start, e.end])).toEqual([
        ["2026-04-10T00:00:00Z", "2026-04-10T03:00:00Z"],
        ["2026-04-20T00:00:00Z", "2026-04-20T01:00:00Z"],
      ]);
    });

    it("counts maintenance announced with less than the notice, and accepts exactly the notice", async () => {
      const late = outage("2026-04-10T00:00:00Z", "2026-04-10T01:00:00Z", "maintenance", "2026-04-05T00:00:01Z");
      const onTime = outage("2026-04-20T00:00:00Z", "2026-04-20T01:00:00Z", "maintenance", "2026-04-15T00:00:00Z");
      const unannounced = outage("2026-04-25T00:00:00Z", "2026-04-25T00:10:00Z", "maintenance");
      const up = objectiveOf(await one(b2, [late, onTime, unannounced], "2026-04"), "Up");
      expect(up.downtime?.seconds).toBe("4200");
      expect(up.counted.map((c) => c.kind === "incident" && c.records[0].note)).toEqual([
        "maintenance announced late: 2026-04-05T00:00:01Z, 4d 23h 59m 59s before its start (notice 5 days required)",
        "maintenance without a recorded announcement (notice 5 days required)",
      ]);
    });

    it("uses up the allowance per allowance window, and none of it on time already down for another reason", async () => {
      const lines = [
        outage("2026-04-10T00:00:00Z", "2026-04-10T05:00:00Z", "maintenance", "2026-04-01T00:00:00Z"),
        outage("2026-04-10T00:00:00Z", "2026-04-10T02:00:00Z", "unplanned"),
        outage("2026-05-01T00:00:00Z", "2026-05-01T01:00:00Z", "maintenance", "2026-04-01T00:00:00Z"),
      ];
      const april = objectiveOf(await one(b2, lines, "2026-04"), "Up");
      // 00–02 unplanned counts; 02–05 is maintenance within the allowance (3 h of 4 h used).
      expect(april.downtime?.seconds).toBe("7200");
      const may = objectiveOf(await one(b2, lines, "2026-05"), "Up");
      expect(may.downtime?.seconds).toBe("0");
    });

    it("keeps a separate allowance for each maintenance exclusion", async () => {
      // 1 h with 5 days' notice, and 2 h with 1 day's notice.
      const ex = [maintenance("5 days", "1 hour"), maintenance("1 day", "2 hours")];
      const b3 = bundle({ objectives: [availability("Up", "99.9", { exclusions: ex })] });
      const lines = [
        // 2 days' notice: only the second rule applies, and this uses all of its 2 hours.
        outage("2026-04-10T00:00:00Z", "2026-04-10T02:00:00Z", "maintenance", "2026-04-08T00:00:00Z"),
        // Both rules apply, but only the first one's hour is left.
        outage("2026-04-20T00:00:00Z", "2026-04-20T03:00:00Z", "maintenance", "2026-04-01T00:00:00Z"),
      ];
      const up = objectiveOf(await one(b3, lines, "2026-04"), "Up");
      expect(up.counted.map((c) => c.kind === "incident" && [c.start, c.end])).toEqual([
        ["2026-04-20T01:00:00Z", "2026-04-20T03:00:00Z"],
      ]);
    });

    it("removes customer-caused and force-majeure outages only when excluded", async () => {
      const lines = [
        outage("2026-04-10T00:00:00Z", "2026-04-10T01:00:00Z", "customer"),
        outage("2026-04-11T00:00:00Z", "2026-04-11T01:00:00Z", "force majeure"),
      ];
      expect(objectiveOf(await one(b2, lines, "2026-04"), "Up").downtime?.seconds).toBe("0");
      const plain = bundle({ objectives: [availability("Up", "99.9")] });
      const up = objectiveOf(await one(plain, lines, "2026-04"), "Up");
      expect(up.downtime?.seconds).toBe("7200");
      expect(up.counted[0].kind === "incident" && up.counted[0].records[0].note).toBe(
        "customer caused, but this objective does not exclude it",
      );
    });

    it("lets an unplanned outage overlapping an excluded one count in full", async () => {
      const lines = [
        outage("2026-04-10T00:00:00Z", "2026-04-10T01:00:00Z", "customer"),
        outage("2026-04-10T00:30:00Z", "2026-04-10T01:30:00Z"),
      ];
      const up = objectiveOf(await one(b2, lines, "2026-04"), "Up");
      expect(up.downtime?.seconds).toBe("3600");
      expect(up.excluded.map((e) => e.kind === "outage" && [e.start, e.end])).toEqual([
        ["2026-04-10T00:00:00Z", "2026-04-10T00:30:00Z"],
      ]);
    });
  });

  it("schedules only the calendar's hours for a business-hours service, and one outage over a weekend is one incident", async () => {
    const b2 = bundle({
      timezone: "Europe/London",
      calendars: [calendar("Office", "Europe/London")],
      hours: { kind: "calendar", calendar: "Office" },
      objectives: [availability("Up", "99"), limits("Lim", "3 hours", null)],
    });
    // Friday 2026-04-10 17:00 BST to Monday 2026-04-13 09:00 BST: 1 h Friday + 1 h Monday.
    const r = await one(b2, [outage("2026-04-10T16:00:00Z", "2026-04-13T08:00:00Z")], "2026-04");
    const up = objectiveOf(r, "Up");
    expect(up.scheduled?.hours).toBe("220"); // 22 working days × 10 h
    expect(up.downtime?.seconds).toBe("7200");
    expect(objectiveOf(r, "Lim").counted).toHaveLength(1);
    expect(objectiveOf(r, "Lim").breaches).toBe(0);
  });

  it("treats a window with no scheduled time as met without a value", async () => {
    const b2 = bundle({
      calendars: [calendar("Never", "UTC", "08:00", "18:00", [])],
      hours: { kind: "calendar", calendar: "Never" },
      objectives: [availability("Up", "99")],
    });
    b2.calendars[0].hours = [{ days: ["saturday"], from: "08:00", to: "09:00" }];
    b2.calendars[0].holidays = ["2026-04-04", "2026-04-11", "2026-04-18", "2026-04-25"];
    const up = objectiveOf(await one(b2, [], "2026-04"), "Up");
    expect(up).toMatchObject({ met: true, value: null });
    expect(up.notes[0]).toMatch(/No scheduled time/);
  });
});
