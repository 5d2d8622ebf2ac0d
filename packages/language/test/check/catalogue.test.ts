/**
 * The catalogue, the documentation and the tests stay in step: every code is documented in
 * docs/diagnostics.md under `## CODE: Title` with its severity and an example that really produces
 * it; every documented code exists; and every code is produced by some fixture.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import "../../src/check/codes.ts";
import {
  allDiagnosticDefinitions,
  checkLoadedProgram,
  checkProgram,
  loadProgram,
  memoryHost,
  parse,
} from "../../src/index.ts";
import { checkFixture, FIXTURE_URI, fixtureFiles, fixtureNames, markersOf } from "./fixtures.ts";

const DOC = fileURLToPath(new URL("../../../../docs/diagnostics.md", import.meta.url));
const doc = readFileSync(DOC, "utf8");

interface Section {
  code: string;
  title: string;
  body: string;
}

const sections: Section[] = [...doc.matchAll(/^## (SLA\d{4}): (.+)$/gm)].map((m, i, all) => ({
  code: m[1],
  title: m[2].trim(),
  body: doc.slice(m.index! + m[0].length, i + 1 < all.length ? all[i + 1].index : doc.length),
}));

const definitions = allDiagnosticDefinitions();

describe("docs/diagnostics.md", () => {
  it("documents every code of the catalogue, with its title", () => {
    const documented = new Map(sections.map((s) => [s.code, s.title]));
    const missing = definitions
      .filter((d) => documented.get(d.code) !== d.title)
      .map((d) => `## ${d.code}: ${d.title}`);
    expect(missing).toEqual([]);
  });

  it("documents no code that does not exist, and each code once", () => {
    const codes = new Set(definitions.map((d) => d.code));
    expect(sections.map((s) => s.code).filter((c) => !codes.has(c))).toEqual([]);
    expect(new Set(sections.map((s) => s.code)).size).toBe(sections.length);
  });

  it("lists the codes in order", () => {
    const codes = sections.map((s) => s.code);
    expect(codes).toEqual([...codes].sort());
  });

  // Internal errors (SLA9xxx) are the checker's faults: no contract produces them, and their
  // sections ask for a report instead (they are produced by a throwing rule below).
  it.each(sections.filter((s) => s.code.startsWith("SLA9")).map((s) => [s.code, s] as const))(
    "%s states its severity and asks for a report",
    (code, section) => {
      const definition = definitions.find((d) => d.code === code);
      expect(section.body).toContain(`**Severity:** ${definition?.severity}`);
      expect(section.body).toContain("**Fix:** please report it");
    },
  );

  it.each(sections.filter((s) => !s.code.startsWith("SLA9")).map((s) => [s.code, s] as const))(
    "%s states its severity and has a wrong example that produces it",
    (code, section) => {
      const definition = definitions.find((d) => d.code === code);
      expect(section.body).toContain(`**Severity:** ${definition?.severity}`);
      expect(section.body).toContain("**Fix:**");
      const example = /```sla\n([\s\S]*?)```/.exec(section.body)?.[1];
      expect(example, "a ```sla example").toBeDefined();

      // `// file: NAME` lines split an example into several files; the first is checked.
      const files: Record<string, string> = {};
      let root = "file:///docs/example.sla";
      const parts = example!.split(/^\/\/ file: (.+)\n/m);
      if (parts.length > 1) {
        root = `file:///docs/${parts[1]}`;
        for (let i = 1; i < parts.length; i += 2) files[`file:///docs/${parts[i]}`] = parts[i + 1];
      } else files[root] = example!;
      const produced = checkProgram(root, memoryHost(files)).diagnostics.map((d) => d.code);
      expect(produced).toContain(code);
    },
  );
});

describe("every code is produced by a test input", () => {
  const produced = new Set<string>();
  for (const name of fixtureNames()) for (const d of checkFixture(name).diagnostics) produced.add(d.code);
  for (const text of [
    "party P { role provider } #",
    'party P "P',
    'clause C { text """',
    "/* open",
    "party P { role }",
  ]) {
    for (const d of parse(text).diagnostics) produced.add(d.code);
  }
  // a folder named like a contract cannot be a fixture file, so its import is built here
  const folder = memoryHost({ "file:///f/main.sla": 'import "lib.sla"\n', "file:///f/lib.sla/a.sla": "" });
  for (const d of checkProgram("file:///f/main.sla", folder).diagnostics) produced.add(d.code);
  // an internal error comes only from a rule that throws
  const failing = [
    {
      name: "failingRule",
      check: () => {
        throw new Error("boom");
      },
    },
  ];
  const loaded = loadProgram("file:///f/x.sla", memoryHost({ "file:///f/x.sla": "" }));
  for (const d of checkLoadedProgram(loaded, failing).diagnostics) produced.add(d.code);

  it.each(definitions.map((d) => [d.code, d.title]))("%s (%s)", (code) => {
    expect(produced.has(code), `no fixture produces ${code}`).toBe(true);
  });

  it("names only existing codes in fixture markers", () => {
    const codes = new Set(definitions.map((d) => d.code));
    const unknown = fixtureNames().flatMap((name) =>
      markersOf(fixtureFiles()[FIXTURE_URI + name])
        .map((m) => m.code)
        .filter((c) => !codes.has(c)),
    );
    expect(unknown).toEqual([]);
  });
});
