/** `sla fmt --diff`: a unified diff of what formatting would change, nothing written, exit 1 when any. */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../src/output/diff.ts";
import { scratch, sla } from "./run.ts";

const MESSY = "party   Vendor {role provider}\nparty Client {\n    role customer }\n";
const FORMATTED = "party Vendor { role provider }\n\nparty Client {\n  role customer\n}\n";

/** Applies a unified diff of one file the way patch does, checking every context and removed line. */
function applyDiff(before: string, diff: string): string {
  const old = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const lines = diff.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let cursor = 0;
  for (let i = 2; i < lines.length; ) {
    const header = /^@@ -(\d+),(\d+) \+\d+,\d+ @@\n$/.exec(lines[i++]);
    if (!header) throw new Error(`not a hunk header: ${lines[i - 1]}`);
    const start = Number(header[2]) === 0 ? Number(header[1]) : Number(header[1]) - 1;
    while (cursor < start) out.push(old[cursor++]);
    while (i < lines.length && !lines[i].startsWith("@@")) {
      let line = lines[i++].slice(1);
      const kind = lines[i - 1][0];
      if (lines[i]?.startsWith("\\ No newline at end of file")) {
        line = line.slice(0, -1);
        i++;
      }
      if (kind !== "+" && old[cursor++] !== line) throw new Error(`context does not match at ${cursor}`);
      if (kind !== "-") out.push(line);
    }
  }
  while (cursor < old.length) out.push(old[cursor++]);
  return out.join("");
}

describe("sla fmt --diff", () => {
  it("prints what would change, writes nothing and exits 1", () => {
    const dir = scratch();
    writeFileSync(join(dir, "messy.sla"), MESSY);
    const run = sla(["fmt", "--diff", "messy.sla"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "--- a/messy.sla",
        "+++ b/messy.sla",
        "@@ -1,3 +1,5 @@",
        "-party   Vendor {role provider}",
        "+party Vendor { role provider }",
        "+",
        " party Client {",
        "-    role customer }",
        "+  role customer",
        "+}",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(dir, "messy.sla"), "utf8")).toBe(MESSY);
  });

  it("gives a patch that git apply takes, leaving the formatted file", () => {
    const dir = scratch();
    writeFileSync(join(dir, "messy.sla"), MESSY);
    writeFileSync(join(dir, "crlf.sla"), "party X {\r\n role provider }");
    const run = sla(["fmt", "--diff", "."], { cwd: dir });
    expect(run.stdout).toContain("\\ No newline at end of file\n");
    const apply = spawnSync("git", ["apply", "--unsafe-paths", "-"], { cwd: dir, input: run.stdout, encoding: "utf8" });
    expect(apply.stderr).toBe("");
    expect(readFileSync(join(dir, "messy.sla"), "utf8")).toBe(FORMATTED);
    expect(readFileSync(join(dir, "crlf.sla"), "utf8")).toBe("party X {\r\n  role provider\r\n}\r\n");
    expect(sla(["fmt", "--diff", "."], { cwd: dir })).toMatchObject({ code: 0, stdout: "" });
  });

  it("puts each file's diff in the JSON output", () => {
    const dir = scratch();
    writeFileSync(join(dir, "messy.sla"), MESSY);
    writeFileSync(join(dir, "tidy.sla"), FORMATTED);
    const run = sla(["fmt", "--diff", "--format", "json", "."], { cwd: dir });
    expect(run.code).toBe(1);
    const { files } = JSON.parse(run.stdout);
    expect(files).toEqual([
      {
        file: "messy.sla",
        changed: true,
        diff: expect.stringMatching(/^--- a\/messy\.sla\n\+\+\+ b\/messy\.sla\n@@ /),
      },
      { file: "tidy.sla", changed: false, diff: "" },
    ]);
    expect(readFileSync(join(dir, "messy.sla"), "utf8")).toBe(MESSY);
  });

  it("diffs standard input", () => {
    const run = sla(["fmt", "--diff", "-"], { input: MESSY });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^--- a\/<stdin>\.sla\n\+\+\+ b\/<stdin>\.sla\n@@ /);
  });

  it("reports a file with syntax errors instead of diffing it", () => {
    const dir = scratch();
    writeFileSync(join(dir, "bad.sla"), "party X { role }\n");
    const run = sla(["fmt", "--diff", "bad.sla"], { cwd: dir });
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toContain("bad.sla:1:16 - error SLA1005");
  });
});

describe("unifiedDiff", () => {
  const text = fc
    .array(fc.constantFrom("a", "b", "c", "d\r", "", "  e"), { maxLength: 40 })
    .chain((lines) =>
      fc.boolean().map((finalNewline) => lines.join("\n") + (finalNewline && lines.length ? "\n" : "")),
    );

  it("is empty for equal texts, and applying it to the first text gives the second", () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = unifiedDiff("f.sla", before, after);
        if (before === after) return diff === "";
        return applyDiff(before, diff) === after;
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps three lines of context and joins nearby changes into one hunk", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join("");
    const after = before.replace("line 5\n", "five\n").replace("line 9\n", "nine\n").replace("line 19\n", "");
    expect(unifiedDiff("f", before, after)).toBe(
      [
        "--- a/f",
        "+++ b/f",
        "@@ -2,11 +2,11 @@",
        " line 2",
        " line 3",
        " line 4",
        "-line 5",
        "+five",
        " line 6",
        " line 7",
        " line 8",
        "-line 9",
        "+nine",
        " line 10",
        " line 11",
        " line 12",
        "@@ -16,5 +16,4 @@",
        " line 16",
        " line 17",
        " line 18",
        "-line 19",
        " line 20",
        "",
      ].join("\n"),
    );
  });

  it("stays within bounds when nearly every line differs", () => {
    const before = Array.from({ length: 5000 }, (_, i) => `a${i}\n`).join("");
    const after = Array.from({ length: 5000 }, (_, i) => `b${i}\n`).join("");
    expect(applyDiff(before, unifiedDiff("f", before, after))).toBe(after);
  });
});
