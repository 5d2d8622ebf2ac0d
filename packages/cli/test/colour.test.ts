/**
 * When `sla` colours its output. First answer wins: `--color` / `--no-color`, then `FORCE_COLOR`
 * (chalk and eslint's reading: 0 or false off; empty, 1, 2, 3 or true on), then `NO_COLOR`, then
 * whether the stream is a terminal.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useColour } from "../src/output/style.ts";
import { SLA, scratch } from "./run.ts";

const ESCAPE = "\u001b[";
const BROKEN = "party P { role provider }\nobjective O { metric Missing }\n";

/** The environment without any of the variables under test. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !["FORCE_COLOR", "NO_COLOR", "CI", "TERM"].includes(key)) env[key] = value;
  return { ...env, ...extra };
}

function run(args: string[], env: Record<string, string> = {}, terminal = false) {
  const dir = scratch();
  writeFileSync(join(dir, "broken.sla"), BROKEN);
  const command = terminal
    ? spawnSync("/usr/bin/script", ["-qec", [process.execPath, SLA, ...args].join(" "), "/dev/null"], {
        cwd: dir,
        env: cleanEnv({ TERM: "xterm", ...env }),
        encoding: "utf8",
      })
    : spawnSync(process.execPath, [SLA, ...args], { cwd: dir, env: cleanEnv(env), encoding: "utf8" });
  return { stdout: command.stdout, stderr: command.stderr, code: command.status };
}

describe("the order of precedence", () => {
  const pipe = { isTTY: false };
  const terminal = { isTTY: true };
  it.each([
    ["a terminal", terminal, undefined, {}, true],
    ["a pipe", pipe, undefined, {}, false],
    ["NO_COLOR on a terminal", terminal, undefined, { NO_COLOR: "1" }, false],
    ["an empty NO_COLOR", terminal, undefined, { NO_COLOR: "" }, true],
    ["FORCE_COLOR=1 in a pipe", pipe, undefined, { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=3 in a pipe", pipe, undefined, { FORCE_COLOR: "3" }, true],
    ["an empty FORCE_COLOR", pipe, undefined, { FORCE_COLOR: "" }, true],
    ["FORCE_COLOR=true", pipe, undefined, { FORCE_COLOR: "true" }, true],
    ["FORCE_COLOR=0 on a terminal", terminal, undefined, { FORCE_COLOR: "0" }, false],
    ["FORCE_COLOR=false on a terminal", terminal, undefined, { FORCE_COLOR: "false" }, false],
    ["FORCE_COLOR over NO_COLOR", pipe, undefined, { FORCE_COLOR: "1", NO_COLOR: "1" }, true],
    ["an unknown FORCE_COLOR leaves it to the rest", terminal, undefined, { FORCE_COLOR: "lots" }, true],
    ["--color over FORCE_COLOR=0", pipe, true, { FORCE_COLOR: "0" }, true],
    ["--color over NO_COLOR", pipe, true, { NO_COLOR: "1" }, true],
    ["--no-color over FORCE_COLOR", terminal, false, { FORCE_COLOR: "1" }, false],
  ] as const)("%s", (_name, stream, choice, env, expected) => {
    expect(useColour(stream, choice, env)).toBe(expected);
  });
});

describe("sla check colours", () => {
  it("not in a pipe", () => {
    const { stdout } = run(["check", "broken.sla"]);
    expect(stdout).toContain("broken.sla:2:");
    expect(stdout).not.toContain(ESCAPE);
  });

  it("in a pipe with FORCE_COLOR, unless it is 0", () => {
    expect(run(["check", "broken.sla"], { FORCE_COLOR: "1" }).stdout).toContain(`${ESCAPE}31merror`);
    expect(run(["check", "broken.sla"], { FORCE_COLOR: "0" }).stdout).not.toContain(ESCAPE);
  });

  it("with --color whatever the environment, never with --no-color", () => {
    expect(run(["check", "--color", "broken.sla"], { FORCE_COLOR: "0", NO_COLOR: "1" }).stdout).toContain(ESCAPE);
    expect(run(["check", "--no-color", "broken.sla"], { FORCE_COLOR: "1" }).stdout).not.toContain(ESCAPE);
  });

  it("FORCE_COLOR wins over NO_COLOR", () => {
    expect(run(["check", "broken.sla"], { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).toContain(ESCAPE);
  });

  it.skipIf(!existsSync("/usr/bin/script"))("on a terminal, unless NO_COLOR or FORCE_COLOR=0 says not", () => {
    expect(run(["check", "broken.sla"], {}, true).stdout).toContain(`${ESCAPE}31merror`);
    expect(run(["check", "broken.sla"], { NO_COLOR: "1" }, true).stdout).not.toContain(ESCAPE);
    expect(run(["check", "broken.sla"], { FORCE_COLOR: "0" }, true).stdout).not.toContain(ESCAPE);
    expect(run(["check", "--color", "broken.sla"], { NO_COLOR: "1" }, true).stdout).toContain(ESCAPE);
  });

  it("build and fmt take --color too", () => {
    const build = run(["build", "--color", "broken.sla"]);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(ESCAPE);
    expect(run(["build", "broken.sla"]).stderr).not.toContain(ESCAPE);
    expect(run(["help", "fmt"]).stdout).toContain("--color");
  });
});
