/**
 * A full disk (issue 19, fault 1): `fmt` and `build` must fail with exit 2 and the reason, and
 * leave the contract and the previous outputs byte-identical. A real full file system is needed:
 * a small tmpfs, which only root may mount; otherwise the test is skipped, saying why.
 */
import { execFileSync } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRoot, REPO, scratch, sla } from "./cli.ts";

const PAGE = 4096;

/** Fills the file system of `dir` to the last byte, then frees one page: a write of more than a page gets part-way. */
function fillLeavingOnePage(dir: string): void {
  const filler = join(dir, "filler");
  const fd = openSync(filler, "w");
  const block = Buffer.alloc(PAGE, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
  truncateSync(filler, Math.max(0, statSync(filler).size - PAGE));
}

let mountPoint = "";
const canMount = isRoot && process.platform === "linux";

describe.runIf(canMount)("a full disk", () => {
  beforeAll(() => {
    mountPoint = scratch();
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=128k", "tmpfs", mountPoint]);
  });
  afterAll(() => {
    execFileSync("umount", [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it("fmt leaves the contract byte-identical and exits 2 saying why", () => {
    const dir = join(mountPoint, "fmt");
    execFileSync("mkdir", [dir]);
    // more than a page when formatted, and not formatted yet
    const source = readFileSync(join(REPO, "examples/it-outsourcing.sla"), "utf8");
    const messy = source.replace(/^( +)/gm, "$1$1$1");
    expect(Buffer.byteLength(source)).toBeGreaterThan(PAGE);
    writeFileSync(join(dir, "c.sla"), messy);
    fillLeavingOnePage(mountPoint);
    try {
      const run = sla(["fmt", "c.sla"], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe("sla: cannot write c.sla: no space left on device; nothing was changed\n");
      expect(run.stdout).not.toContain("formatted");
      expect(readFileSync(join(dir, "c.sla"), "utf8")).toBe(messy);
      expect(execFileSync("ls", ["-A", dir], { encoding: "utf8" })).toBe("c.sla\n");
    } finally {
      rmSync(join(mountPoint, "filler"));
      rmSync(dir, { recursive: true });
    }
  });

  it("build leaves the previous outputs byte-identical and exits 2 saying why", () => {
    const dir = join(mountPoint, "build");
    execFileSync("mkdir", [dir]);
    const source = readFileSync(join(REPO, "examples/cloud-hosting.sla"), "utf8");
    writeFileSync(join(dir, "c.sla"), source);
    expect(sla(["build", "c.sla"], { cwd: dir }).code).toBe(0);
    const bundle = readFileSync(join(dir, "c.rules.json"));
    const markdown = readFileSync(join(dir, "c.md"));
    writeFileSync(join(dir, "c.sla"), source.replace('"Claiming credits"', '"How to claim credits"'));
    fillLeavingOnePage(mountPoint);
    try {
      const run = sla(["build", "c.sla"], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^sla: cannot write .*\/build\/c\.(rules\.json|md): no space left on device; nothing was changed\n$/,
      );
      expect(readFileSync(join(dir, "c.rules.json"))).toEqual(bundle);
      expect(readFileSync(join(dir, "c.md"))).toEqual(markdown);
      expect(execFileSync("ls", ["-A", dir], { encoding: "utf8" })).toBe("c.md\nc.rules.json\nc.sla\n");
    } finally {
      rmSync(join(mountPoint, "filler"));
      rmSync(dir, { recursive: true });
    }
  });
});

describe.skipIf(canMount)("a full disk (skipped)", () => {
  it("needs root on Linux to mount a small tmpfs", () => {
    console.warn("skipped: the full-disk test mounts a tmpfs, which needs root on Linux");
  });
});
