import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../src/bundle.ts";
import {
  CSV_COLUMNS,
  csvEvents,
  EventDataError,
  type EventItem,
  evaluate,
  ndjsonEvents,
  splitLines,
} from "../src/index.ts";
import { availability, bundle, one, outage, run } from "./helpers.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const hosting = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
const ndjson = fixture("hosting-2026-03.ndjson").trim().split("\n");

async function all(items: AsyncIterable<EventItem>): Promise<EventItem[]> {
  const out: EventItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

function toCsv(lines: string[]): string[] {
  const cell = (v: unknown) =>
    v === undefined || v === null ? "" : /[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return [CSV_COLUMNS.join(","), ...lines.map((l) => CSV_COLUMNS.map((c) => cell(JSON.parse(l)[c])).join(","))];
}

describe("NDJSON and CSV", () => {
  it("give the same report for the same records", async () => {
    // A blank first line keeps NDJSON line numbers level with CSV's header row.
    const [fromJson] = await evaluate(hosting, ndjsonEvents(["", ...ndjson]), { from: "2026-03" });
    const [fromCsv] = await evaluate(hosting, csvEvents(toCsv(ndjson)), { from: "2026-03" });
    expect(fromCsv).toEqual(fromJson);
    expect(fromCsv.objectives.find((o) => o.name === "Uptime")?.value).toBe("99.59623149394347240915208614");
  });

  it("read CSV columns in any order, with quotes, CRLF and unknown columns", async () => {
    const csv = [
      "cause,end,start,service,type,note",
      'unplanned,2026-03-04T11:00:00Z,2026-03-04T10:00:00Z,"Hosting, EU",outage,"said ""hi"""',
      "customer,2026-03-05T11:00:00Z,2026-03-05T10:00:00Z,Hosting,outage,\r",
    ];
    const items = await all(csvEvents(csv));
    expect(items.map((i) => i.type === "outage" && [i.line, i.service, i.cause])).toEqual([
      [2, "Hosting, EU", "unplanned"],
      [3, "Hosting", "customer"],
    ]);
  });

  it("split chunks into lines at any boundary", async () => {
    const chunks = ['{"a":1}\r\n{"b"', ':2}\n\n{"c":3', "}"];
    const lines: string[] = [];
    for await (const l of splitLines(chunks)) lines.push(l);
    expect(lines).toEqual(['{"a":1}', '{"b":2}', "", '{"c":3}']);
  });
});

describe("bad data", () => {
  const b = bundle({ objectives: [availability("Up", "99.9")] });
  const good = outage("2026-04-01T00:00:00Z", "2026-04-01T00:10:00Z");

  it.each([
    ['{"type":"outage","service":"Svc","start":"2026-04-01T00:00:00Z","cause":"unplanned"}', "end", "missing"],
    [
      '{"type":"outage","service":"Svc","start":"2026-04-01T01:00:00Z","end":"2026-04-01T00:00:00Z","cause":"unplanned"}',
      "end",
      "end is before start",
    ],
    [
      '{"type":"outage","service":"Svc","start":"2026-04-01T00:00:00Z","end":"2026-04-01T01:00:00Z","cause":"gremlins"}',
      "cause",
      "unknown cause",
    ],
    [
      '{"type":"outage","service":"Svc","start":"2026-04-31T00:00:00Z","end":"2026-05-01T01:00:00Z","cause":"unplanned"}',
      "start",
      "unparseable time",
    ],
    [
      '{"type":"outage","service":"Svc","start":"2026-04-01 00:00","end":"2026-04-01T01:00:00Z","cause":"unplanned"}',
      "start",
      "unparseable time",
    ],
    ['{"type":"ticket","service":"Svc","severity":"high","opened":"2026-04-01T00:00:00Z"}', "severity", "whole number"],
    [
      '{"type":"ticket","service":"Svc","severity":1,"opened":"2026-04-01T00:00:00Z","responded":"2026-03-31T00:00:00Z"}',
      "responded",
      "before opened",
    ],
    ['{"type":"measurement","metric":"Latency","at":"2026-04-01T00:00:00Z","value":"fast"}', "value", "number"],
    ['{"type":"deployment"}', "type", "unknown record type"],
    ['{"service":"Svc"}', "type", "missing"],
    ["[1,2]", null, "not a JSON object"],
    ['{"type":"outage",', null, "bad JSON"],
  ])("stops at %s naming line 2 and the field", async (line, field, reason) => {
    const err = await run(b, [good, line, good], "2026-04").catch((e) => e);
    expect(err).toBeInstanceOf(EventDataError);
    expect(err).toMatchObject({ line: 2, field });
    expect(err.message).toContain(reason);
    expect(err.message).toMatch(/^line 2/);
  });

  it("names the line of a bad CSV record too", async () => {
    const csv = ["type,service,start,end,cause", "outage,Svc,2026-04-01T00:00:00Z,,unplanned"];
    const err = await evaluate(b, csvEvents(csv), { from: "2026-04" }).catch((e) => e);
    expect(err).toMatchObject({ line: 2, field: "end", message: 'line 2, field "end": missing' });
  });

  it("skips invalid lines with skipInvalid, and says how many and why", async () => {
    const bad = ['{"type":"outage"', ...Array.from({ length: 6 }, () => '{"type":"nope"}')];
    const [r] = await run(b, [good, ...bad, good], "2026-04", { skipInvalid: true });
    expect(r.data).toMatchObject({ lines: 9, records: 2, skipped: 7 });
    expect(r.data.skippedReasons).toHaveLength(5);
    expect(r.data.skippedReasons[0]).toMatch(/^line 2: bad JSON/);
    expect(r.data.skippedReasons[1]).toBe(
      'line 3, field "type": unknown record type "nope" (expected outage, ticket, measurement, requests, outcome, change of control or charge)',
    );
    expect(r.objectives[0].downtime?.seconds).toBe("600");
  });

  it("ignores records of other services, metrics and periods without calling them errors", async () => {
    const lines = [
      good,
      outage("2026-04-02T00:00:00Z", "2026-04-02T01:00:00Z", "unplanned", undefined, "Other"),
      outage("2025-01-01T00:00:00Z", "2025-01-01T01:00:00Z"),
    ];
    const r = await one(b, lines, "2026-04");
    expect(r.data).toMatchObject({ records: 3, used: 1, ignored: 2, skipped: 0 });
  });

  it("rejects __proto__ and constructor keys without touching any prototype", async () => {
    const poisoned = [
      '{"type":"outage","service":"Svc","start":"2026-04-01T00:00:00Z","end":"2026-04-01T01:00:00Z","cause":"unplanned","__proto__":{"polluted":true}}',
      '{"type":"outage","service":"Svc","start":"2026-04-01T00:00:00Z","end":"2026-04-01T01:00:00Z","cause":"unplanned","constructor":{"prototype":{"polluted":true}}}',
    ];
    const err = await run(b, poisoned, "2026-04").catch((e) => e);
    expect(err).toMatchObject({ line: 1, field: "__proto__" });
    const [r] = await run(b, poisoned, "2026-04", { skipInvalid: true });
    expect(r.data).toMatchObject({ skipped: 2, records: 0 });
    expect(r.data.skippedReasons[1]).toBe('line 2, field "constructor": key not allowed in a record');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("ignores a __proto__ column in CSV", async () => {
    const csv = [
      "type,__proto__,service,start,end,cause",
      "outage,x,Svc,2026-04-01T00:00:00Z,2026-04-01T01:00:00Z,unplanned",
    ];
    const [r] = await evaluate(b, csvEvents(csv), { from: "2026-04" });
    expect(r.objectives[0].downtime?.seconds).toBe("3600");
    expect((Object.prototype as Record<string, unknown>).x).toBeUndefined();
  });

  it("stops on a CSV file without a type column even with skipInvalid", async () => {
    const err = await evaluate(b, csvEvents(["service,start", "Svc,2026-04-01T00:00:00Z"]), {
      from: "2026-04",
      skipInvalid: true,
    }).catch((e) => e);
    expect(err).toMatchObject({ line: 1, field: "type" });
  });
});

describe("bundle problems", () => {
  it("refuses something that is not an sla-rules/1 bundle", async () => {
    const { BundleProblemError } = await import("../src/index.ts");
    const err = await evaluate({ format: "other" } as unknown as RuleBundle, [], { from: "2026-03" }).catch((e) => e);
    expect(err).toBeInstanceOf(BundleProblemError);
  });
});
