/**
 * The pre-commit hooks and the GitHub Actions example are valid YAML and name commands and
 * options that exist; the README shows the example word for word.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONFORMANCE, REPO, scratch, sla } from "./run.ts";

const helpOf = new Map<string, string>();

/** Fails unless `args` (what follows `sla`) is a command whose help lists every option used. */
function expectRealCommand(args: string[]): void {
  const [command, ...rest] = args;
  if (!helpOf.has(command)) {
    const help = sla(["help", command]);
    expect(help.code, `sla help ${command}`).toBe(0);
    helpOf.set(command, help.stdout);
  }
  for (const option of rest.filter((arg) => arg.startsWith("--")))
    expect(helpOf.get(command), `sla ${command} ${option}`).toContain(option);
}

describe(".pre-commit-hooks.yaml", () => {
  const hooks: { id: string; entry: string; language: string; files: string }[] = parse(
    readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8"),
  );

  it("defines sla check and sla fmt --check on .sla files", () => {
    expect(hooks.map((hook) => hook.id)).toEqual(["sla-check", "sla-fmt"]);
    for (const hook of hooks) {
      expect(hook.language).toBe("system");
      const pattern = new RegExp(hook.files);
      expect(pattern.test("contracts/hosting.sla")).toBe(true);
      expect(pattern.test("hosting.sla.bak")).toBe(false);
      const [npx, no, dashes, sla, ...args] = hook.entry.split(" ");
      expect([npx, no, dashes, sla]).toEqual(["npx", "--no", "--", "sla"]);
      expectRealCommand(args);
    }
  });

  it("each hook passes a good file and fails a bad one, given file names as pre-commit gives them", () => {
    const dir = scratch();
    copyFileSync(join(REPO, "examples/cloud-hosting.sla"), join(dir, "good.sla"));
    writeFileSync(join(dir, "bad.sla"), "party   X {role}\n");
    for (const hook of hooks) {
      const args = hook.entry.split(" ").slice(4);
      expect(sla([...args, "good.sla"], { cwd: dir }).code, hook.id).toBe(0);
      expect(sla([...args, "good.sla", "bad.sla"], { cwd: dir }).code, hook.id).toBe(1);
    }
  });
});

describe("the GitHub Actions example", () => {
  const text = readFileSync(join(REPO, "examples/ci/github-workflow.yml"), "utf8");
  const workflow = parse(text);
  const steps: { uses?: string; run?: string; with?: Record<string, string> }[] = Object.values(
    workflow.jobs as Record<string, { steps: [] }>,
  ).flatMap((job) => job.steps);
  const runs = steps.flatMap((step) => (step.run ? [step.run] : []));

  it("runs on every push and pull request", () => {
    expect(Object.keys(workflow.on)).toEqual(["push", "pull_request"]);
  });

  it("names only sla commands and options that exist", () => {
    const invocations = runs.filter((run) => run.startsWith("sla "));
    expect(invocations.length).toBeGreaterThanOrEqual(3);
    for (const run of invocations) expectRealCommand(run.split(">")[0].trim().split(/\s+/).slice(1));
  });

  it("checks with SARIF and uploads that file to code scanning, and builds", () => {
    const check = runs.find((run) => run.includes("--format sarif"));
    const sarifFile = check?.split(">")[1]?.trim();
    const upload = steps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with?.sarif_file).toBe(sarifFile);
    expect(workflow.permissions["security-events"]).toBe("write");
    expect(runs.some((run) => run.startsWith("sla build "))).toBe(true);
  });

  it("is in the README word for word", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    expect(readme).toContain(`\`\`\`yaml\n${text}\`\`\``);
  });

  it("its check command works as written", () => {
    const dir = scratch();
    copyFileSync(join(CONFORMANCE, "budget-contradiction.sla"), join(dir, "warning.sla"));
    const check = runs.find((run) => run.includes("--format sarif"))!;
    const args = check
      .split(">")[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map((arg) => (arg === "contracts" ? "." : arg));
    const run = sla(args, { cwd: dir });
    expect(run.code).toBe(1); // one warning, more than --max-warnings 0
    expect(JSON.parse(run.stdout).runs[0].results).toHaveLength(1);
  });
});
