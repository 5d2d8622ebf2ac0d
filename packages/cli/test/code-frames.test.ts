/**
 * Issue 19, fault 5: the text output split the whole file once per diagnostic, so many
 * diagnostics in one big file took quadratic time (20,000 took 30 s). Sized so that path would
 * run for minutes and blow the test timeout; the line index makes it a few seconds.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratch, sla } from "./run.ts";

describe("code frames from a line index", () => {
  it("prints 30,000 syntax errors with their code frames in linear time", () => {
    const dir = scratch();
    const count = 30_000;
    const line = "@ // a line long enough that splitting the whole file again is slow";
    writeFileSync(join(dir, "many.sla"), `party P { role provider }\n${`${line}\n`.repeat(count)}`);
    const run = sla(["check", "many.sla"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout.endsWith(`${count} errors, 0 warnings in 1 file\n`)).toBe(true);
    const last = count + 1;
    expect(run.stdout).toContain(
      `many.sla:${last}:1 - error SLA1001: Unexpected character '@'.\n\n${last} | ${line}\n`,
    );
  });

  it("shows the right line whatever the line endings", () => {
    const dir = scratch();
    writeFileSync(join(dir, "mixed.sla"), "party P { role provider }\r\n\r@\rparty Q {\n role nobody }\r\n");
    const run = sla(["check", "mixed.sla"], { cwd: dir });
    expect(run.stdout).toContain("3 | @\n  | ^\n");
    expect(run.stdout).toMatch(/mixed\.sla:5:7 - error SLA\d+[^\n]*\n\n5 \| {2}role nobody }\n {2}\| {7}\^/);
  });
});
