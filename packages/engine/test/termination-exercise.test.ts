/**
 * `exercise within` on a right to terminate: when the right is exercisable, the report gives the
 * instant it lapses unless exercised — the end of the window that gives it plus the period, counted
 * as an action's due time is (calendar days in the agreement's zone, business days on its calendar).
 */
import { describe, expect, it } from "vitest";
import { renderReportMarkdown } from "../src/index.ts";
import { availability, bundle, dur, one, outage, remedy } from "./helpers.ts";

const down = (day: string) => outage(`${day}T00:00:00Z`, `${day}T01:00:00Z`);
const lines = [down("2026-01-10"), down("2026-02-10"), down("2026-03-10")];

function contract(exerciseWithin?: string) {
  const term = remedy("Term", "Up", [], {
    termination: { breaches: 3, within: dur("6 months"), source: { file: "t", line: 1, column: 1 } },
    notice: dur("30 days"),
    ...(exerciseWithin ? { exerciseWithin: dur(exerciseWithin) } : {}),
  });
  return bundle({ timezone: "Europe/London", objectives: [availability("Up", "99.9")], remedies: [term] });
}

describe("a termination right's exercise period in the report", () => {
  it("gives the instant the right lapses: the end of the window that gives it plus the period, in the zone", async () => {
    const r = await one(contract("60 days"), lines, "2026-03");
    expect(r.terminationRights[0]).toMatchObject({
      breaches: 3,
      exercisable: true,
      exerciseBy: "2026-05-30T23:00:00Z",
    });
    // March ends at midnight on 1 April, London summer time (23:00 UTC); 60 days later is 31 May
    expect(renderReportMarkdown(r)).toContain(
      "**exercisable**, notice 30 days, to be exercised by 2026-05-31 00:00 +01:00",
    );
  });

  it("gives none while the right is not exercisable, nor without `exercise within`", async () => {
    expect((await one(contract("60 days"), lines, "2026-02")).terminationRights[0]).not.toHaveProperty("exerciseBy");
    const without = await one(contract(), lines, "2026-03");
    expect(without.terminationRights[0].exercisable).toBe(true);
    expect(without.terminationRights[0]).not.toHaveProperty("exerciseBy");
    expect(renderReportMarkdown(without)).not.toContain("exercised by");
  });
});
