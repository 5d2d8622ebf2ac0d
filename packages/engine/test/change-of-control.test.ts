/**
 * Change of control in the engine, beyond the hand-computed case (test/cases/change-of-control-*):
 * the statement instant follows --as-of, a right lapses when its window closes, a record about a
 * name that is not a party is covered by nothing, the report's Markdown lists the records, and
 * records without a provision are noted rather than dropped unsaid.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { build, run } from "../../../test/back-to-back/pipeline.ts";
import { renderReportMarkdown } from "../src/index.ts";

const CONTRACT = readFileSync(new URL("../../../test/cases/change-of-control.sla", import.meta.url), "utf8");
const PROVIDER = {
  type: "change of control",
  party: "Contoso",
  at: "2026-03-20T10:00:00Z",
  notified: "2026-04-01T08:30:00Z",
};

describe("change of control", () => {
  it("states what is open on the as-of date, before the month's end", async () => {
    // notice not yet given on 2026-03-25, and not yet due (3 April)
    const [report] = await run(build(CONTRACT).bundle, [PROVIDER], { from: "2026-03", asOf: "2026-03-25" });
    expect(report.changeOfControl).toMatchObject([
      { party: "Contoso", notice: "not yet due", notified: null, windowOpens: null, openRights: [] },
    ]);
    expect(report.changeOfControl?.[0].statement).toContain("is due by 2026-04-03T10:00:00+01:00");
  });

  it("closes the right at the end of its window", async () => {
    const [report] = await run(build(CONTRACT).bundle, [PROVIDER], { from: "2026-11" });
    expect(report.changeOfControl).toMatchObject([{ windowCloses: "2026-11-01T09:30:00Z", openRights: [] }]);
    expect(report.changeOfControl?.[0].statement).toContain("closed at 2026-11-01T09:30:00+00:00");
  });

  it("covers only the parties the provision names", async () => {
    const provider = CONTRACT.replace("of either party", "of provider");
    const records = [
      { ...PROVIDER, party: "Tailspin" },
      { ...PROVIDER, party: "Fabrikam" },
    ];
    const [report] = await run(build(provider).bundle, records, { from: "2026-04" });
    expect(report.changeOfControl).toMatchObject([
      { party: "Tailspin", role: "customer", covered: false, openRights: [] },
      { party: "Fabrikam", role: null, covered: false, openRights: [] },
    ]);
  });

  it("is a section of the service report", async () => {
    const [report] = await run(build(CONTRACT).bundle, [PROVIDER], { from: "2026-04" });
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain("## Change of control");
    expect(markdown).toContain("| Contoso | 2026-03-20T10:00:00+00:00 | 2026-04-03T10:00:00+01:00 | given in time |");
    expect(markdown).toContain("Tailspin may terminate or require renegotiation until 2026-11-01T09:30:00+00:00");
  });

  it("notes records that no provision judges", async () => {
    const without = CONTRACT.replace(/^\s*change of control.*$/m, "");
    const [report] = await run(build(without).bundle, [PROVIDER], { from: "2026-04" });
    expect("changeOfControl" in report).toBe(false);
    expect(report.notes.join("\n")).toContain("1 change of control record(s) in the data");
  });

  it("rejects a record without its party or with a notice before the change", async () => {
    const { bundle } = build(CONTRACT);
    await expect(run(bundle, [{ ...PROVIDER, party: undefined }], { from: "2026-04" })).rejects.toThrow(
      /party.*missing/,
    );
    await expect(run(bundle, [{ ...PROVIDER, notified: "2026-03-01T00:00:00Z" }], { from: "2026-04" })).rejects.toThrow(
      /notified is before at/,
    );
  });
});
