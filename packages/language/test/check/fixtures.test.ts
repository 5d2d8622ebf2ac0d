import { describe, expect, it } from "vitest";
import { checkFixture, describeDiagnostic, FIXTURE_URI, fixtureFiles, fixtureNames, markersOf } from "./fixtures.ts";

function key(line: number, severity: string, code: string): string {
  return `${line}: ${severity} ${code}`;
}

describe("checker fixtures", () => {
  it("has fixtures", () => {
    expect(fixtureNames().length).toBeGreaterThan(40);
  });

  it.each(fixtureNames())("%s", (name) => {
    const uri = FIXTURE_URI + name;
    const text = fixtureFiles()[uri];
    const markers = markersOf(text);
    const diagnostics = checkFixture(name).diagnostics.filter((d) => d.uri === uri);

    if (name.startsWith("ok-")) {
      expect(markers).toEqual([]);
      expect(diagnostics.map((d) => describeDiagnostic(d, text))).toEqual([]);
      return;
    }
    const code = /^(SLA\d{4})-/.exec(name)?.[1];
    expect(code, "a fixture is named <code>-<slug>.sla or ok-<slug>.sla").toBeDefined();
    expect(markers.map((m) => m.code)).toContain(code);

    const want = markers.map((m) => key(m.line, m.severity, m.code)).sort();
    const got = diagnostics.map((d) => key(d.range.start.line, d.severity, d.code)).sort();
    expect(got, diagnostics.map((d) => describeDiagnostic(d, text)).join("\n")).toEqual(want);

    // Where a marker gives the text, a diagnostic of that code on that line covers exactly that text.
    for (const m of markers) {
      if (m.text === undefined) continue;
      const covered = diagnostics
        .filter((d) => d.code === m.code && d.range.start.line === m.line)
        .map((d) => text.slice(d.range.start.offset, d.range.end.offset));
      expect(covered, `${m.code} on line ${m.line}`).toContain(m.text);
    }
  });
});
