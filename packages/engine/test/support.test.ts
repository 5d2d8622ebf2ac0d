import { describe, expect, it } from "vitest";
import { bundle, calendar, objectiveOf, one, support, ticket } from "./helpers.ts";

describe("support objectives", () => {
  // Office hours in London; Monday 2026-04-06 is a holiday. Friday 2026-04-03 17:30 BST = 16:30Z.
  const office = calendar("Office", "Europe/London", "08:00", "18:00", ["2026-04-06"]);
  const b = bundle({
    timezone: "Europe/London",
    calendars: [office],
    businessCalendar: "Office",
    objectives: [support("Sev2", 2, ["2 business hours", "Office"], ["1 business day", "Office"], "90")],
  });

  it("counts business hours across a weekend and a holiday for a ticket opened on a Friday evening", async () => {
    // 30 min on Friday, nothing on the weekend or Monday, 1 h 30 min on Tuesday: due Tue 09:30 BST.
    const onTime = ticket(2, "2026-04-03T16:30:00Z", "2026-04-07T08:30:00Z", "2026-04-07T16:30:00Z");
    const s = objectiveOf(await one(b, [onTime], "2026-04"), "Sev2");
    const t = s.counted[0];
    expect(t.kind === "ticket" && [t.response?.elapsed?.seconds, t.response?.deadline, t.response?.met]).toEqual([
      "7200",
      "2026-04-07T08:30:00Z",
      true,
    ]);
    // One business day after Friday 17:30 is Tuesday 17:30 (Monday is a holiday).
    expect(t.kind === "ticket" && [t.resolution?.deadline, t.resolution?.met]).toEqual(["2026-04-07T16:30:00Z", true]);
    expect(s).toMatchObject({ met: true, value: "100" });
  });

  it("misses by a minute", async () => {
    const late = ticket(2, "2026-04-03T16:30:00Z", "2026-04-07T08:31:00Z", "2026-04-07T16:30:00Z");
    const lateFix = ticket(2, "2026-04-03T16:30:00Z", "2026-04-07T08:00:00Z", "2026-04-07T16:31:00Z");
    const s = objectiveOf(await one(b, [late, lateFix], "2026-04"), "Sev2");
    expect(s.counted.map((t) => t.kind === "ticket" && [t.response?.met, t.resolution?.met, t.met])).toEqual([
      [false, true, false],
      [true, false, false],
    ]);
    expect(s).toMatchObject({ met: false, value: "0", breaches: 1 });
  });

  it("does not count a response in the non-working gap after the last business hour as late", async () => {
    // Opened Thursday 16:00 BST: 2 business hours run out at 18:00; a reply at 20:00 used 2 h exactly.
    const t = ticket(2, "2026-04-02T15:00:00Z", "2026-04-02T19:00:00Z", "2026-04-03T09:00:00Z");
    const s = objectiveOf(await one(b, [t], "2026-04"), "Sev2");
    expect(s.counted[0].kind === "ticket" && s.counted[0].response?.met).toBe(true);
  });

  it("uses plain elapsed time during 24x7, met at exactly the target", async () => {
    const b2 = bundle({ objectives: [support("Sev1", 1, ["15 minutes", null], ["4 hours", null], "50")] });
    const lines = [
      ticket(1, "2026-04-04T22:00:00Z", "2026-04-04T22:15:00Z", "2026-04-05T02:00:00Z"),
      ticket(1, "2026-04-04T22:00:00Z", "2026-04-04T22:15:01Z", "2026-04-05T02:00:00Z"),
      ticket(1, "2026-04-10T10:00:00Z", null, null),
    ];
    const s = objectiveOf(await one(b2, lines, "2026-04"), "Sev1");
    expect(s.counted.map((t) => t.kind === "ticket" && t.met)).toEqual([true, false, false]);
    expect(s.counted[2].kind === "ticket" && s.counted[2].response?.note).toBe("no response recorded");
    expect(s.value).toBe("33.33333333333333333333333333");
    expect(s.met).toBe(false);
  });

  it("counts tickets by the window they were opened in, and only the objective's severity", async () => {
    const b2 = bundle({ objectives: [support("Sev1", 1, ["1 hour", null], null, "90")] });
    const lines = [
      ticket(1, "2026-03-31T23:30:00Z", "2026-04-01T00:10:00Z", null),
      ticket(2, "2026-03-10T00:00:00Z", "2026-03-10T05:00:00Z", null),
    ];
    expect(objectiveOf(await one(b2, lines, "2026-03"), "Sev1").tickets).toMatchObject({ total: 1, met: 1 });
    expect(objectiveOf(await one(b2, lines, "2026-04"), "Sev1").tickets).toMatchObject({ total: 0 });
  });

  it("is met with no value when no tickets were opened", async () => {
    const s = objectiveOf(await one(b, [], "2026-04"), "Sev2");
    expect(s).toMatchObject({ met: true, value: null, breaches: 0 });
    expect(s.notes[0]).toMatch(/No severity 2 tickets/);
  });

  it("counts minutes during a calendar as working time", async () => {
    const b2 = bundle({
      timezone: "Europe/London",
      calendars: [office],
      objectives: [support("S", 3, ["30 minutes", "Office"], null, "90")],
    });
    // Opened Friday 17:50 BST; 10 minutes on Friday, 20 on Tuesday: due Tue 08:20 BST.
    const s = objectiveOf(
      await one(b2, [ticket(3, "2026-04-03T16:50:00Z", "2026-04-07T07:20:00Z", null)], "2026-04"),
      "S",
    );
    const t = s.counted[0];
    expect(t.kind === "ticket" && [t.response?.deadline, t.response?.elapsed?.text, t.met]).toEqual([
      "2026-04-07T07:20:00Z",
      "30m",
      true,
    ]);
  });

  it("keeps the time of day for business days across a DST change", async () => {
    // Opened Friday 2026-03-27 10:00 GMT; clocks go forward on Sunday; 1 business day later is Monday 10:00 BST.
    const b2 = bundle({
      timezone: "Europe/London",
      calendars: [office],
      objectives: [support("S", 3, null, ["1 business day", "Office"], "90")],
    });
    const s = objectiveOf(
      await one(b2, [ticket(3, "2026-03-27T10:00:00Z", null, "2026-03-30T09:00:00Z")], "2026-03"),
      "S",
    );
    expect(s.counted[0].kind === "ticket" && [s.counted[0].resolution?.deadline, s.counted[0].met]).toEqual([
      "2026-03-30T09:00:00Z",
      true,
    ]);
  });
});
