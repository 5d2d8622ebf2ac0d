import { describe, expect, it } from "vitest";
import { formatDuration, formatInstant, parseInstant } from "../src/time.ts";

describe("RFC 3339", () => {
  it.each([
    ["2026-03-04T10:00:00Z", "2026-03-04T10:00:00Z"],
    ["2026-03-04t10:00:00z", "2026-03-04T10:00:00Z"],
    ["2026-03-04T11:00:00+01:00", "2026-03-04T10:00:00Z"],
    ["2026-03-04T05:30:00-04:30", "2026-03-04T10:00:00Z"],
    ["2026-03-04T10:00:00.1234Z", "2026-03-04T10:00:00.123Z"],
    ["2028-02-29T00:00:00Z", "2028-02-29T00:00:00Z"],
    ["0099-01-01T00:00:00Z", "0099-01-01T00:00:00Z"],
  ])("reads %s", (text, iso) => {
    const t = parseInstant(text);
    expect(t).toBe(Date.parse(iso));
    expect(formatInstant(t!)).toBe(iso);
  });

  it.each([
    "2026-02-29T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-03-04T24:00:00Z",
    "2026-03-04T10:00:00",
    "2026-03-04",
    "2026-03-04T10:00Z",
    "x",
    "",
  ])("rejects %s", (text) => expect(parseInstant(text)).toBeNull());

  it("formats durations for people", () => {
    expect([0, 1000, 60_000, 3_600_000, 2_592_000, 90 * 60_000, 86_400_000 + 3_600_000].map(formatDuration)).toEqual([
      "0s",
      "1s",
      "1m",
      "1h",
      "43m 12s",
      "1h 30m",
      "1d 1h",
    ]);
  });
});
