/** Runs the built `sla` (the esbuild bundle, as a user would) in a child process. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(__dirname, "../../..");
export const SLA = join(REPO, "packages/cli/bin/sla.cjs");
export const CONFORMANCE = resolve(REPO, "../shared/spec/conformance");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function sla(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [SLA, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "1", ...options.env },
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), "sla-cli-"));
}
