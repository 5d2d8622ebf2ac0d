/** Runs the built `sla` for the hostile tests: as the current user, or as `nobody` when root must be denied something. */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(__dirname, "../..");
// SLA_UNDER_TEST runs the suite against another build, e.g. an old one, to see each test fail there
const SLA = process.env.SLA_UNDER_TEST ?? join(REPO, "packages/cli/bin/sla.cjs");
export const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function sla(args: string[], options: { cwd: string; input?: string; asNobody?: boolean }): Run {
  const result = spawnSync(process.execPath, [SLA, ...args], {
    cwd: options.cwd,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "1" },
    // a hang is a failure, not a wait for the test's time-out
    timeout: 20_000,
    ...(options.asNobody && isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch folder that `nobody` may enter (mkdtemp makes it private). */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "sla-hostile-"));
  chmodSync(dir, 0o755);
  return dir;
}
