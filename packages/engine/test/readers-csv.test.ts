import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvEvents, EventDataError, type EventItem, MAX_LINE_LENGTH, ndjsonEvents } from "../src/index.ts";
import { CSV_PRESETS, parseColumnMap } from "../src/readers/presets.ts";

const exportFile = (name: string) =>
  readFileSync(new URL(`./fixtures/exports/${name}`, import.meta.url), "utf8").split("\n");

async function all(items: AsyncIterable<EventItem>): Promise<EventItem[]> {
  const out: EventItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

describe("CSV through csv-parse", () => {
  it("reads quoted cells over several lines and numbers each record by the line it starts on", async () => {
    const csv = [
      "type,service,start,end,cause,note",
      'outage,Svc,2026-04-01T00:00:00Z,2026-04-01T01:00:00Z,unplanned,"first line',
      "second line",
      'third, with ""quotes"""',
      "outage,Svc,2026-04-02T00:00:00Z,2026-04-02T01:00:00Z,unplanned,",
      "",
      "outage,Svc,2026-04-03T00:00:00Z,,unplanned,",
    ];
    const items = await all(csvEvents(csv));
    expect(items.map((i) => [i.type, i.line])).toEqual([
      ["outage", 2],
      ["outage", 5],
      ["invalid", 7],
    ]);
    expect(items[2]).toMatchObject({ field: "end", reason: "missing" });
  });

  it("takes another delimiter", async () => {
    const csv = [
      "type;service;start;end;cause",
      'outage;"Hosting; EU";2026-04-01T00:00:00Z;2026-04-01T01:00:00Z;unplanned',
    ];
    const [item] = await all(csvEvents(csv, { delimiter: ";" }));
    expect(item).toMatchObject({ type: "outage", service: "Hosting; EU", line: 2 });
    const tabs = [
      "type\tservice\tstart\tend\tcause",
      "outage\tSvc\t2026-04-01T00:00:00Z\t2026-04-01T01:00:00Z\tunplanned",
    ];
    expect((await all(csvEvents(tabs, { delimiter: "\t" })))[0]).toMatchObject({ type: "outage", service: "Svc" });
  });

  it("reports an unterminated quote and a wrong cell count as invalid lines", async () => {
    const csv = ["type,service", "outage,Svc,extra", 'outage,"Svc'];
    const items = await all(csvEvents(csv));
    expect(items).toEqual([
      { type: "invalid", line: 2, field: null, reason: "bad CSV: 3 cells, the header has 2" },
      { type: "invalid", line: 3, field: null, reason: "bad CSV: unterminated quoted cell" },
    ]);
  });

  it("keeps the line limit for a record that spans lines (an unclosed quote cannot swallow the file)", async () => {
    const lines = ["type,service", 'outage,"open', ...Array.from({ length: 1100 }, () => "z".repeat(1000)), "end"];
    const error = await all(csvEvents(lines)).catch((e) => e);
    expect(error).toBeInstanceOf(EventDataError);
    expect(error.reason).toBe(`a record is longer than ${MAX_LINE_LENGTH} characters (an unclosed quote?)`);
    // the line where the record passed the limit
    expect(error.line).toBeGreaterThan(1000);
    expect(error.line).toBeLessThan(1100);
  });
});

describe("column mapping", () => {
  const csv = ["Kind,Created,Resolved,System,Why", "outage,2026-04-01T00:00:00Z,2026-04-01T00:10:00Z,Svc,unplanned"];

  it("reads fields from the columns the map names", async () => {
    const map = parseColumnMap("type=Kind, start=created,end=Resolved,service=System,cause=Why", [
      "type",
      "start",
      "end",
      "service",
      "cause",
    ]);
    if (typeof map === "string") throw new Error(map);
    const [item] = await all(csvEvents(csv, { map }));
    expect(item).toMatchObject({ type: "outage", service: "Svc", start: Date.parse("2026-04-01T00:00:00Z") });
  });

  it("stops on the header line when a mapped column is not there", async () => {
    const error = await all(csvEvents(csv, { map: { type: "Kind", start: "Opened" } })).catch((e) => e);
    expect(error).toMatchObject({
      line: 1,
      field: "start",
      reason: 'the header row has no column "Opened" (for start)',
    });
  });

  it("explains a map that is not FIELD=COLUMN", () => {
    const fields = ["start", "end"];
    expect(parseColumnMap("start", fields)).toBe('"start" is not FIELD=COLUMN');
    expect(parseColumnMap("begin=Created", fields)).toBe('"begin" is not a field (fields: start, end)');
    expect(parseColumnMap("start=A,start=B", fields)).toBe('"start" is mapped twice');
  });
});

describe("presets for other tools' exports", () => {
  it("PagerDuty-style incidents: outages of service_name from created_on to resolved_on, local times in the zone", async () => {
    const items = await all(
      csvEvents(exportFile("pagerduty-incidents.csv"), { preset: "pagerduty", timeZone: "Europe/Berlin" }),
    );
    expect(items.map((i) => i.type === "outage" && [i.line, i.service, iso(i.start), iso(i.end), i.cause])).toEqual([
      [2, "Hosting", "2026-04-03T10:00:00.000Z", "2026-04-03T10:30:00.000Z", "unplanned"],
      [4, "Hosting", "2026-04-10T06:00:00.000Z", "2026-04-10T06:15:00.000Z", "unplanned"],
    ]);
  });

  it("Statuspage-style incident history: from started_at to resolved_at", async () => {
    const [item] = await all(csvEvents(exportFile("statuspage-incidents.csv"), { preset: "statuspage" }));
    expect(item.type === "outage" && [item.service, iso(item.start), iso(item.end)]).toEqual([
      "Hosting",
      "2026-04-05T12:00:00.000Z",
      "2026-04-05T12:45:00.000Z",
    ]);
  });

  it("Jira-style tickets: priorities as severities, its own time format read in the zone", async () => {
    const items = await all(csvEvents(exportFile("jira-tickets.csv"), { preset: "jira", timeZone: "Europe/London" }));
    expect(items).toEqual([
      {
        type: "ticket",
        line: 2,
        service: "Svc",
        severity: 1,
        opened: Date.parse("2026-04-01T08:00:00Z"),
        responded: null,
        resolved: Date.parse("2026-04-01T10:30:00Z"),
      },
      {
        type: "ticket",
        line: 3,
        service: "Svc",
        severity: 3,
        opened: Date.parse("2026-04-02T14:15:00Z"),
        responded: null,
        resolved: null,
      },
    ]);
  });

  it("lets the map override a preset's column, and refuses an unknown preset", async () => {
    const csv = ["service_name,Started,resolved_on", "Hosting,2026-04-01T00:00:00Z,2026-04-01T00:10:00Z"];
    const [item] = await all(csvEvents(csv, { preset: "pagerduty", map: { start: "Started" } }));
    expect(item).toMatchObject({ type: "outage", service: "Hosting", start: Date.parse("2026-04-01T00:00:00Z") });
    await expect(all(csvEvents(csv, { preset: "opsgenie" }))).rejects.toThrow(
      `unknown CSV preset "opsgenie" (presets: ${Object.keys(CSV_PRESETS).join(", ")})`,
    );
  });
});

describe("local times without an offset", () => {
  const row = (start: string, end: string) => `outage,Svc,${start},${end},unplanned`;
  const header = "type,service,start,end,cause";

  it("are read in the agreement's time zone, in CSV and NDJSON", async () => {
    const [c] = await all(
      csvEvents([header, row("2026-03-04 10:00", "2026-03-04T10:30:15.5")], { timeZone: "Europe/Berlin" }),
    );
    expect(c.type === "outage" && [iso(c.start), iso(c.end)]).toEqual([
      "2026-03-04T09:00:00.000Z",
      "2026-03-04T09:30:15.500Z",
    ]);
    const line =
      '{"type":"outage","service":"Svc","start":"2026-07-04 10:00","end":"2026-07-04T12:00:00+02:00","cause":"unplanned"}';
    const [n] = await all(ndjsonEvents([line], { timeZone: "Europe/Berlin" }));
    expect(n.type === "outage" && [iso(n.start), iso(n.end)]).toEqual([
      "2026-07-04T08:00:00.000Z",
      "2026-07-04T10:00:00.000Z",
    ]);
  });

  it("are errors without a zone, as before", async () => {
    const [c] = await all(csvEvents([header, row("2026-03-04 10:00", "2026-03-04 11:00")]));
    expect(c).toMatchObject({ type: "invalid", line: 2, field: "start" });
    expect((c as { reason: string }).reason).toMatch(/^unparseable time "2026-03-04 10:00"/);
  });

  it("name the line of a time the clocks skip or show twice, without guessing", async () => {
    const items = await all(
      csvEvents(
        [
          header,
          row("2026-03-29 01:59", "2026-03-29 03:00"),
          row("2026-03-29 02:30", "2026-03-29 03:30"),
          row("2026-10-25 01:00", "2026-10-25 02:30"),
          row("2026-10-25 03:00", "2026-10-25 03:30"),
        ],
        { timeZone: "Europe/Berlin" },
      ),
    );
    expect(items[0].type === "outage" && [iso(items[0].start), iso(items[0].end)]).toEqual([
      "2026-03-29T00:59:00.000Z",
      "2026-03-29T01:00:00.000Z",
    ]);
    expect(items[1]).toEqual({
      type: "invalid",
      line: 3,
      field: "start",
      reason: '"2026-03-29 02:30" does not exist in Europe/Berlin (the clocks skip it); give the time with its offset',
    });
    expect(items[2]).toEqual({
      type: "invalid",
      line: 4,
      field: "end",
      reason: '"2026-10-25 02:30" happens twice in Europe/Berlin (the clocks go back); give the time with its offset',
    });
    expect(items[3].type === "outage" && iso(items[3].start)).toBe("2026-10-25T02:00:00.000Z");
  });

  it("in a zone west of UTC and across the southern hemisphere's change too", async () => {
    const items = await all(
      csvEvents([header, row("2026-03-08 02:15", "2026-03-08 04:00")], { timeZone: "America/New_York" }),
    );
    expect(items[0]).toMatchObject({ type: "invalid", field: "start" });
    const sydney = await all(
      csvEvents([header, row("2026-04-05 02:30", "2026-04-05 04:00")], { timeZone: "Australia/Sydney" }),
    );
    expect((sydney[0] as { reason: string }).reason).toContain("happens twice in Australia/Sydney");
  });
});
