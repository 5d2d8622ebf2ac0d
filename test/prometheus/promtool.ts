/**
 * promtool for the tests: Debian's `prometheus` package ships it. Installed when missing and
 * running as root with apt-get (as .ci/run does); otherwise the tests skip, saying why.
 */
import { spawnSync } from "node:child_process";

function found(): boolean {
  return spawnSync("promtool", ["--version"], { encoding: "utf8" }).status === 0;
}

function install(): string | undefined {
  if (process.getuid?.() !== 0) return "not running as root, so it cannot be installed";
  const apt = (args: string[]) =>
    spawnSync("apt-get", args, { encoding: "utf8", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (apt(["--version"]).status !== 0) return "apt-get is not available to install it";
  apt(["update", "-qq"]);
  const result = apt(["install", "-y", "-qq", "--no-install-recommends", "prometheus"]);
  if (result.status !== 0) return `apt-get install prometheus failed: ${result.stderr.trim().split("\n").at(-1)}`;
  return found() ? undefined : "the prometheus package did not provide promtool";
}

/** Why promtool is unavailable, or `undefined` when it can be run. */
export const promtoolMissing: string | undefined = found() ? undefined : install();

export function promtool(args: string[], cwd: string): { code: number; output: string } {
  const result = spawnSync("promtool", args, { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
