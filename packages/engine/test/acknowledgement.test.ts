import { describe, expect, it } from "vitest";
import { csvEvents, type EventItem, ndjsonEvents } from "../src/index.ts";
import { bundle, calendar, objectiveOf, one, support } from "./helpers.ts";
import { bothEngines } from "./sql/back-to-back.ts";

async function all(source: AsyncIterable<EventItem>): Promise<EventItem[]> {
  const out: EventItem[] = [];
  for await (const item of source) out.push(item);
  return out;
}

const fromAcknowledgement = () => {
  const o = support("Sev1", 1, null, ["4 hours", "Office"]);
  o.support!.resolution!.start = "acknowledgement";
  return bundle({ objectives: [o], calendars: [calendar("Office", "UTC", "09:00", "17:00")] });
};
const ticket = (fields: Record<string, string>) =>
  JSON.stringify({ type: "ticket", service: "Svc", severity: 1, ...fields });

describe("a resolution clock that starts at acknowledgement", () => {
  it("reads acknowledged from NDJSON and CSV, and refuses one before the ticket was opened", async () => {
    const [fromJson] = await all(
      ndjsonEvents([ticket({ opened: "2026-03-02T08:00:00Z", acknowledged: "2026-03-02T09:30:00Z" })]),
    );
    expect(fromJson).toMatchObject({ type: "ticket", acknowledged: Date.parse("2026-03-02T09:30:00Z") });
    const csv = ["type,service,severity,opened,acknowledged", "ticket,Svc,1,2026-03-02T08:00:00Z,2026-03-02T09:30:00Z"];
    const [fromCsv] = await all(csvEvents(csv));
    expect(fromCsv).toMatchObject({ type: "ticket", acknowledged: Date.parse("2026-03-02T09:30:00Z") });
    const [before] = await all(
      ndjsonEvents([ticket({ opened: "2026-03-02T08:00:00Z", acknowledged: "2026-03-02T07:59:59Z" })]),
    );
    expect(before).toMatchObject({ type: "invalid", field: "acknowledged", reason: "acknowledged is before opened" });
  });

  it("counts working time from acknowledgement, and holds a ticket without one late", async () => {
    const report = await one(
      fromAcknowledgement(),
      [
        ticket({
          opened: "2026-03-02T08:00:00Z",
          acknowledged: "2026-03-02T09:30:00Z",
          resolved: "2026-03-02T13:30:00Z",
        }),
        ticket({
          opened: "2026-03-02T08:00:00Z",
          acknowledged: "2026-03-02T09:30:00Z",
          resolved: "2026-03-02T13:30:01Z",
        }),
        ticket({ opened: "2026-03-03T10:00:00Z", resolved: "2026-03-03T10:01:00Z" }),
      ],
      "2026-03",
    );
    const o = objectiveOf(report, "Sev1");
    const checks = o.counted.map((t) => (t.kind === "ticket" ? [t.acknowledged, t.resolution?.met] : null));
    expect(checks).toEqual([
      ["2026-03-02T09:30:00Z", true],
      ["2026-03-02T09:30:00Z", false],
      [null, false],
    ]);
  });

  it("gives the same report from the SQL engine, and refuses an acknowledgement before opening there too", async () => {
    const lines = [
      ticket({
        opened: "2026-03-02T08:00:00Z",
        acknowledged: "2026-03-02T09:30:00Z",
        resolved: "2026-03-02T13:30:00Z",
      }),
      ticket({
        opened: "2026-03-02T08:00:00Z",
        acknowledged: "2026-03-02T09:30:00Z",
        resolved: "2026-03-02T13:30:01Z",
      }),
      ticket({ opened: "2026-03-03T10:00:00Z", resolved: "2026-03-03T10:01:00Z" }),
    ];
    const same = await bothEngines(fromAcknowledgement(), lines.join("\n"), { from: "2026-03" });
    expect(same.streaming).toContain('"acknowledged":"2026-03-02T09:30:00Z"');
    expect(same.duckdb).toBe(same.streaming);
    const early = ticket({ opened: "2026-03-02T08:00:00Z", acknowledged: "2026-03-02T07:59:59Z" });
    const refused = await bothEngines(fromAcknowledgement(), [...lines, early].join("\n"), { from: "2026-03" });
    expect(refused.streaming).toMatch(/^error EventDataError: line 4, field "acknowledged"/);
    expect(refused.duckdb).toBe(refused.streaming);
  });
});
