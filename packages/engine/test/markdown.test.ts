import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RuleBundle } from "../src/bundle.ts";
import { evaluate, ndjsonEvents, renderReportMarkdown } from "../src/index.ts";
import { md } from "../src/markdown-escape.ts";
import { availability, bundle, one, outage, remedy } from "./helpers.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("Markdown report", () => {
  it("explains each objective, incident, exclusion and credit of the conformance case", async () => {
    const hosting = JSON.parse(fixture("hosting.bundle.json")) as RuleBundle;
    const [r] = await evaluate(hosting, ndjsonEvents(fixture("hosting-2026-03.ndjson").split("\n")), {
      from: "2026-03",
    });
    const text = renderReportMarkdown(r);
    expect(text).toContain("# Service report: Managed Hosting Service Level Agreement, March 2026");
    expect(text).toContain("743 hours");
    // four decimals for people, never rounded across the target; the JSON keeps every digit
    expect(text).toContain("| Uptime | at least 99.9% | 99.5962…% | no | 1 |");
    expect(text).toContain("maintenance announced late");
    expect(text).toContain("customer caused: excluded");
    expect(text).toContain("for each breach: 5% × 3 breaches = 15% of monthly fee GBP 12000.00 = GBP 1800.00");
    expect(text).toContain("Total credit: GBP 3,000.00");
    expect(text).toContain("| 15% | GBP 1,800.00 |");
    expect(text).toContain("Claim deadline: 2026-05-01 00:00 +01:00");
    expect(text).toContain("rank 19 of 20");
  });

  it("escapes contract text so it cannot inject HTML or Markdown", async () => {
    const evil = "<script>alert(1)</script> [click](javascript:alert(1)) | *x* `y`\n# heading https://evil.example";
    const b = bundle({
      title: evil,
      objectives: [availability("Up", "99.9", { title: evil })],
      remedies: [remedy("Cr", "Up", [{ percent: "10", value: "99.9" }])],
    });
    const text = renderReportMarkdown(
      await one(b, [outage("2026-04-01T00:00:00Z", "2026-04-01T02:00:00Z")], "2026-04"),
    );
    expect(text).not.toContain("<script>");
    expect(text).toContain("&lt;script&gt;");
    expect(text).not.toMatch(/[^\\]\[click\]/);
    expect(text).not.toContain("\n# heading");
    expect(text).not.toContain("https://evil");
    for (const row of text.split("\n").filter((l) => l.startsWith("| Up")))
      expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });

  it("shows a result just below an 'at least' target rounded down, so it never reads as met", async () => {
    // 30 days minus 2.593 s of downtime is 99.99989996…%: half-up would show 99.9999%, the target
    const b = bundle({ objectives: [availability("Up", "99.9999")] });
    const report = await one(b, [outage("2026-04-10T00:00:00.000Z", "2026-04-10T00:00:02.593Z")], "2026-04");
    expect(report.objectives[0].value).toMatch(/^99\.99989996/);
    expect(report.objectives[0].met).toBe(false);
    expect(renderReportMarkdown(report)).toContain("| Up | at least 99.9999% | 99.9998…% | no | 1 |");
  });

  it("escapes every Markdown-significant character", () => {
    expect(md("a_b*c[d]e|f`g~h#i!j\\k<l>&amp;")).toBe("a\\_b\\*c\\[d\\]e\\|f\\`g\\~h\\#i\\!j\\\\k&lt;l&gt;&amp;amp;");
    expect(md("line\nbreak")).toBe("line break");
  });
});
