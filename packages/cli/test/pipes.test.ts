/**
 * A reader that closes the pipe early (`sla explain | head -1`) must end `sla` quietly: no EPIPE
 * stack trace, the command's own exit status. `| true` closes the pipe before `sla` has started,
 * so every write fails (deterministic); `| head -1` closes it part-way through (the race users
 * meet), so those cases run several times.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFORMANCE, REPO, SLA, scratch } from "./run.ts";

const RUNS = 3;

/** Many diagnostics, so the output is far bigger than a pipe's buffer. */
function manyErrors(): string {
  const file = join(scratch(), "many.sla");
  writeFileSync(file, "party P { role provider }\n".concat("party { role }\n".repeat(1500)));
  return file;
}

function piped(args: string[], reader: string): { status: number; stderr: string; stdout: string } {
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const result = spawnSync(
    "bash",
    ["-c", `"${process.execPath}" "${SLA}" ${quoted} | ${reader}; exit "\${PIPESTATUS[0]}"`],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" }, timeout: 60_000 },
  );
  return { status: result.status ?? -1, stderr: result.stderr, stdout: result.stdout };
}

describe("a closed pipe ends sla quietly", () => {
  const big = manyErrors();
  const cases: [string, string[], number][] = [
    ["explain (list)", ["explain"], 0],
    ["explain CODE", ["explain", "SLA2002"], 0],
    ["schema", ["schema"], 0],
    ["help", ["help", "check"], 0],
    ["--version", ["--version"], 0],
    ["check (clean)", ["check", "examples"], 0],
    ["check (errors, text)", ["check", big], 1],
    ["check (errors, json)", ["check", big, "--format", "json"], 1],
    ["check (errors, sarif)", ["check", big, "--format", "sarif"], 1],
    ["check (errors, github)", ["check", big, "--format", "github"], 1],
    ["fmt --check", ["fmt", "--check", "examples"], 0],
    ["build", ["build", "examples/cloud-hosting.sla", "--out", join(scratch(), "out")], 0],
    ["init", ["init", join(scratch(), "demo")], 0],
    ["fmt --diff", ["fmt", "--diff", join(REPO, "packages/cli/test/fixtures/unformatted.sla")], 1],
    [
      "evaluate",
      [
        "evaluate",
        join(CONFORMANCE, "hosting.sla"),
        "--events",
        join(CONFORMANCE, "evaluation/hosting-2026-03.ndjson"),
        "--period",
        "2026-01",
        "--to",
        "2026-12",
      ],
      0,
    ],
  ];

  it.each(cases)("%s | true", (_name, args, status) => {
    const run = piped(args, "true");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(status);
  });

  // the race needs more output than a pipe's buffer holds before `head` exits
  const long = cases.filter(([name]) => /explain \(list\)|schema|errors|evaluate/.test(name));

  it.each(long)("%s | head -1, several times", (_name, args, status) => {
    for (let i = 0; i < RUNS; i++) {
      const run = piped(args, "head -1");
      expect(run.stderr).toBe("");
      expect(run.stdout.split("\n").length).toBe(2);
      expect(run.status).toBe(status);
    }
  });
});
