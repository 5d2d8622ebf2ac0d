import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLA, scratch, sla } from "./run.ts";

function manyContracts(): string {
  const dir = scratch();
  mkdirSync(join(dir, "many"));
  for (let i = 0; i < 60; i++) writeFileSync(join(dir, "many", `p${i}.sla`), `party P${i} { role provider }\n`);
  return dir;
}

describe("progress", () => {
  it.skipIf(!existsSync("/usr/bin/script"))("is drawn on a terminal for long work, and cleared", () => {
    const dir = manyContracts();
    const env = { ...process.env };
    delete env.CI;
    // `script` gives the command a pseudo-terminal, as a person's shell would
    const run = spawnSync("/usr/bin/script", ["-qec", `${process.execPath} ${SLA} check many`, "/dev/null"], {
      cwd: dir,
      env: { ...env, NO_COLOR: "1" },
      encoding: "utf8",
    });
    expect(run.stdout).toContain("Checking [");
    expect(run.stdout).toContain("60/60");
    expect(run.stdout).toContain("\r\u001b[2K");
    expect(run.stdout).toContain("0 errors, 0 warnings in 60 files");
  });

  it("is never written to a pipe or a CI log", () => {
    const dir = manyContracts();
    const run = sla(["check", "many"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("0 errors, 0 warnings in 60 files\n");
  });
});
