/**
 * Data-driven checker fixtures: `fixtures/<code>-<slug>.sla` and `fixtures/ok-<slug>.sla`. A line
 * that should carry a diagnostic has a marker comment: `// error SLA4001` — optionally with the
 * exact text the diagnostic's range must cover, `// error SLA4001 "100.5%"`. Several markers may
 * share a line. A fixture must produce exactly its markers: no more, no fewer.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type CheckedProgram, checkProgram, type Diagnostic, memoryHost } from "../../src/index.ts";

export const FIXTURE_DIR = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const FIXTURE_URI = "file:///fixtures/";

export interface Marker {
  line: number;
  severity: string;
  code: string;
  text?: string;
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith(".sla"))
    .sort();
}

let files: Record<string, string> | undefined;

/** Every fixture by URI, so that fixtures can import one another. */
export function fixtureFiles(): Record<string, string> {
  files ??= Object.fromEntries(
    fixtureNames().map((name) => [FIXTURE_URI + name, readFileSync(FIXTURE_DIR + name, "utf8")]),
  );
  return files;
}

export function markersOf(text: string): Marker[] {
  const markers: Marker[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/\b(error|warning|info|hint) (SLA\d{4})(?: "((?:[^"\\]|\\.)*)")?/g)) {
      if (!line.slice(0, m.index).includes("//") && !line.slice(0, m.index).includes("/*")) continue;
      markers.push({ line: i + 1, severity: m[1], code: m[2], text: m[3]?.replace(/\\(.)/g, "$1") });
    }
  });
  return markers;
}

export function checkFixture(name: string): CheckedProgram {
  return checkProgram(FIXTURE_URI + name, memoryHost(fixtureFiles()));
}

export function describeDiagnostic(d: Diagnostic, text: string): string {
  const covered = text.slice(d.range.start.offset, d.range.end.offset);
  return `${d.range.start.line}: ${d.severity} ${d.code} "${covered}" — ${d.message}`;
}
