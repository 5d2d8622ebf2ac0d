/**
 * The shared conformance cases, judged as ../shared/spec/run-conformance.mjs judges them, but
 * through checkProgram directly: a `clean` case has no error and no warning; an error case has an
 * error on its line and no error on any other line; a warning case has its warning and no error.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkProgram, type SourceHost } from "../../src/index.ts";

const CASES = fileURLToPath(new URL("../../../../../shared/spec/conformance/", import.meta.url));

function slaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? slaFiles(path) : path.endsWith(".sla") ? [path] : [];
  });
}

const diskHost: SourceHost = {
  readFile(uri) {
    try {
      return readFileSync(fileURLToPath(uri), "utf8");
    } catch {
      return undefined;
    }
  },
};

const files = existsSync(CASES) ? slaFiles(CASES).sort() : [];

describe.skipIf(files.length === 0)("conformance cases", () => {
  it.each(files.map((f) => [relative(CASES, f), f]))("%s", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const expects: { clean?: true; severity?: string; lines: number[] }[] = [
      ...text.matchAll(/^\/\/ expect: (clean|(error|warning) line (\d+(?: or \d+)*))/gm),
    ].map((m) =>
      m[1] === "clean" ? { clean: true, lines: [] } : { severity: m[2], lines: m[3].split(" or ").map(Number) },
    );
    expect(expects.length).toBeGreaterThan(0);
    const uri = pathToFileURL(file).href;
    const diagnostics = checkProgram(uri, diskHost).diagnostics.map((d) => ({
      severity: d.severity,
      line: d.range.start.line,
      text: `${d.severity} line ${d.range.start.line} ${d.code}: ${d.message}${d.uri === uri ? "" : ` (in ${d.uri})`}`,
      here: d.uri === uri,
    }));
    if (expects.some((x) => x.clean)) {
      expect(diagnostics.filter((d) => d.severity === "error" || d.severity === "warning").map((d) => d.text)).toEqual(
        [],
      );
      return;
    }
    const wanted = expects.flatMap((x) => (x.severity === "error" ? x.lines : []));
    for (const x of expects) {
      if (x.clean) continue;
      expect(
        diagnostics.some((d) => d.here && d.severity === x.severity && x.lines.includes(d.line)),
        `a ${x.severity} on line ${x.lines.join(" or ")}; got ${diagnostics.map((d) => d.text).join("; ")}`,
      ).toBe(true);
    }
    const stray = diagnostics.filter((d) => d.severity === "error" && !(d.here && wanted.includes(d.line)));
    expect(stray.map((d) => d.text)).toEqual([]);
  });
});
