import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, SLA, scratch } from "./run.ts";

/** Resolves when the child's standard output has printed `count` lines matching `pattern`. */
function waitFor(output: { text: string }, pattern: RegExp, count = 1, timeout = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if ((output.text.match(new RegExp(pattern, "g")) ?? []).length >= count) resolve();
      else if (Date.now() - started > timeout)
        reject(new Error(`timed out waiting for ${pattern}; output:\n${output.text}`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

/** `sla build --watch FILE` in `dir`, with everything it prints. */
function startWatch(dir: string, file: string) {
  const child = spawn(process.execPath, [SLA, "build", "--watch", file], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const output = { text: "" };
  child.stdout.on("data", (chunk) => {
    output.text += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output.text += chunk;
  });
  return { child, output };
}

describe("sla build --watch", () => {
  it("rebuilds on save and says which outputs changed", { timeout: 60_000 }, async () => {
    const dir = scratch();
    const contract = join(dir, "demo.sla");
    copyFileSync(join(REPO, "examples/cloud-hosting.sla"), contract);
    const child = spawn(process.execPath, [SLA, "build", "--watch", "demo.sla"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1" },
    });
    const output = { text: "" };
    child.stdout.on("data", (chunk) => {
      output.text += chunk;
    });
    try {
      await waitFor(output, /rebuilt: demo\.rules\.json, demo\.md/);
      await waitFor(output, /watching 1 file/);
      writeFileSync(contract, readFileSync(contract, "utf8").replace('"Claiming credits"', '"How to claim credits"'));
      await waitFor(output, /rebuilt: demo\.rules\.json, demo\.md/, 2);
      expect(readFileSync(join(dir, "demo.md"), "utf8")).toContain("How to claim credits");
      writeFileSync(contract, readFileSync(contract, "utf8").replace("metric RegionUptime\n", "metric RegionUptim\n"));
      await waitFor(output, /not rebuilt: the contract has errors/);
      expect(readFileSync(join(dir, "demo.md"), "utf8")).toContain("How to claim credits");
    } finally {
      child.kill();
    }
  });

  it("keeps watching when the contract is deleted, says so, and rebuilds when it is back", {
    timeout: 60_000,
  }, async () => {
    const dir = scratch();
    const contract = join(dir, "demo.sla");
    const text = readFileSync(join(REPO, "examples/cloud-hosting.sla"), "utf8");
    writeFileSync(contract, text);
    const { child, output } = startWatch(dir, "demo.sla");
    try {
      await waitFor(output, /watching 1 file/);
      rmSync(contract);
      await waitFor(output, /demo\.sla was deleted; waiting for it to be created again/);
      // the deletion of the outputs' source is no reason to stop, nor to delete the outputs
      expect(child.exitCode).toBeNull();
      writeFileSync(contract, text.replace('"Claiming credits"', '"How to claim credits"'));
      await waitFor(output, /rebuilt: demo\.rules\.json, demo\.md/, 2);
      expect(readFileSync(join(dir, "demo.md"), "utf8")).toContain("How to claim credits");
    } finally {
      child.kill();
    }
  });

  it("rebuilds when a missing import appears", { timeout: 60_000 }, async () => {
    const dir = scratch();
    const text = readFileSync(join(REPO, "examples/cloud-hosting.sla"), "utf8");
    const parties = text.slice(text.indexOf("party Nimbus"), text.indexOf("\n}\n", text.indexOf("party Orbital")) + 3);
    writeFileSync(join(dir, "demo.sla"), `import "common/parties.sla"\n${text.replace(parties, "")}`);
    const { child, output } = startWatch(dir, "demo.sla");
    try {
      await waitFor(output, /not rebuilt: the contract has errors/);
      expect(output.text).toContain("SLA2004");
      // the contract and the import it looked for
      await waitFor(output, /watching 2 files/);
      // the import's folder does not exist yet either
      mkdirSync(join(dir, "common"));
      writeFileSync(join(dir, "common/parties.sla"), parties);
      await waitFor(output, /rebuilt: demo\.rules\.json, demo\.md/);
      await waitFor(output, /watching 2 files/, 2);
    } finally {
      child.kill();
    }
  });
});
