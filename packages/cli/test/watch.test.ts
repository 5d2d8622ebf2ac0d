import { spawn } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
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
});
