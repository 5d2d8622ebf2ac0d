/**
 * Hostile file systems (issue 19, faults 7 and 8): special, unreadable and binary files in a
 * folder, pathological globs, and file metadata that `fmt` must keep.
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRoot, scratch, sla } from "./cli.ts";

const GOOD = "party Vendor { role provider }\n";
const MESSY = "party   Vendor {role provider}\n";
const BROKEN = "party Vendor { role }\n";

/** A folder with one contract of each kind that cannot be read, and two that can. */
function hostileFolder(): string {
  const dir = scratch();
  mkdirSync(join(dir, "f/sub"), { recursive: true });
  writeFileSync(join(dir, "f/a.sla"), BROKEN);
  execFileSync("mkfifo", [join(dir, "f/b.sla")]);
  symlinkSync("nowhere.sla", join(dir, "f/c.sla"));
  writeFileSync(join(dir, "f/d.sla"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
  symlinkSync("/dev/zero", join(dir, "f/e.sla"));
  writeFileSync(join(dir, "f/sub/z.sla"), MESSY);
  return dir;
}

const REASONS = [
  "sla: cannot read f/b.sla: it is a named pipe (FIFO), not a file",
  "sla: cannot read f/c.sla: it is a symbolic link to a missing file",
  "sla: cannot read f/d.sla: it is a binary file, not a contract",
  "sla: cannot read f/e.sla: it is a device, not a file",
];

describe("a folder with files that cannot be read", () => {
  it("check reports each one, checks the others and exits 2", () => {
    const dir = hostileFolder();
    const run = sla(["check", "f"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual(REASONS);
    expect(run.stdout).toContain("f/a.sla:1:21 - error SLA1005");
    expect(run.stdout).toContain("in 2 files");
  });

  it("fmt reports each one, formats the others and exits 2", () => {
    const dir = hostileFolder();
    const run = sla(["fmt", "f"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(REASONS.join("\n"));
    expect(readFileSync(join(dir, "f/sub/z.sla"), "utf8")).toBe(GOOD);
    expect(lstatSync(join(dir, "f/b.sla")).isFIFO()).toBe(true);
  });

  it("an unreadable file and an unreadable subfolder are reported, not skipped", () => {
    const dir = scratch();
    mkdirSync(join(dir, "f/locked"), { recursive: true });
    writeFileSync(join(dir, "f/a.sla"), GOOD);
    writeFileSync(join(dir, "f/secret.sla"), GOOD);
    writeFileSync(join(dir, "f/locked/l.sla"), GOOD);
    chmodSync(join(dir, "f"), 0o755);
    chmodSync(join(dir, "f/a.sla"), 0o644);
    chmodSync(join(dir, "f/secret.sla"), 0);
    chmodSync(join(dir, "f/locked"), 0);
    // root reads everything: the run is made as nobody
    const run = sla(["check", "f"], { cwd: dir, asNobody: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "sla: cannot search folder f/locked: permission denied\nsla: cannot read f/secret.sla: permission denied\n",
    );
    expect(run.stdout).toContain("in 1 file");
  });
});

describe("globs", () => {
  it("deep/**/**/**/**/**/*.slx does not backtrack", () => {
    const dir = scratch();
    // the old matcher took minutes on a path this deep (polynomial of degree five in its depth)
    const deep = join(dir, "deep", ...Array.from({ length: 150 }, () => "a"));
    mkdirSync(deep, { recursive: true });
    for (let i = 0; i < 20; i++) writeFileSync(join(deep, `x${i}.sla`), GOOD);
    const run = sla(["check", "deep/**/**/**/**/**/*.slx"], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stderr: "sla: no .sla files match deep/**/**/**/**/**/*.slx\n" });
    expect(sla(["check", "deep/**/**/**/**/**/*.sla"], { cwd: dir }).stdout).toContain("in 20 files");
  });

  it("braces and classes match", () => {
    const dir = scratch();
    for (const folder of ["a", "b", "c"]) {
      mkdirSync(join(dir, folder));
      for (const name of ["x", "y", "z"]) writeFileSync(join(dir, folder, `${name}.sla`), BROKEN);
    }
    const files = (glob: string) =>
      JSON.parse(sla(["check", glob, "--format", "json"], { cwd: dir }).stdout)
        .diagnostics.map((d: { file: string }) => d.file)
        .sort();
    expect(files("{a,c}/[xy].sla")).toEqual(["a/x.sla", "a/y.sla", "c/x.sla", "c/y.sla"]);
    expect(files("b/[!x].sla")).toEqual(["b/y.sla", "b/z.sla"]);
  });

  it("a folder skips what .gitignore ignores; a glob or a file names exactly what it means", () => {
    const dir = scratch();
    mkdirSync(join(dir, ".git"));
    mkdirSync(join(dir, "contracts/generated"), { recursive: true });
    mkdirSync(join(dir, "contracts/drafts"), { recursive: true });
    writeFileSync(join(dir, ".gitignore"), "# build output\ngenerated/\n*.draft.sla\n!keep.draft.sla\n");
    writeFileSync(join(dir, "contracts/drafts/.gitignore"), "/old.sla\n");
    for (const path of [
      "contracts/main.sla",
      "contracts/generated/out.sla",
      "contracts/new.draft.sla",
      "contracts/keep.draft.sla",
      "contracts/drafts/old.sla",
      "contracts/drafts/current.sla",
    ])
      writeFileSync(join(dir, path), BROKEN);
    const files = (...operands: string[]) =>
      JSON.parse(sla(["check", ...operands, "--format", "json"], { cwd: dir }).stdout)
        .diagnostics.map((d: { file: string }) => d.file)
        .sort();
    const kept = ["contracts/drafts/current.sla", "contracts/keep.draft.sla", "contracts/main.sla"];
    expect(files(".")).toEqual(kept);
    // the rules above the folder given still apply, up to the repository's root
    expect(files("contracts")).toEqual(kept);
    expect(files("contracts/generated/out.sla")).toEqual(["contracts/generated/out.sla"]);
    expect(files("contracts/**/out.sla")).toEqual(["contracts/generated/out.sla"]);
  });
});

describe("fmt keeps file metadata", () => {
  it.each([0o750, 0o640, ...(isRoot ? [0o444] : [])])("mode %o", (mode) => {
    const dir = scratch();
    writeFileSync(join(dir, "c.sla"), MESSY);
    chmodSync(join(dir, "c.sla"), mode);
    expect(sla(["fmt", "c.sla"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "c.sla"), "utf8")).toBe(GOOD);
    expect(statSync(join(dir, "c.sla")).mode & 0o7777).toBe(mode);
  });

  it.runIf(isRoot)("owner", () => {
    const dir = scratch();
    writeFileSync(join(dir, "c.sla"), MESSY);
    chownSync(join(dir, "c.sla"), 1234, 2345);
    expect(sla(["fmt", "c.sla"], { cwd: dir }).code).toBe(0);
    expect(statSync(join(dir, "c.sla"))).toMatchObject({ uid: 1234, gid: 2345 });
    expect(readFileSync(join(dir, "c.sla"), "utf8")).toBe(GOOD);
  });

  it.runIf(!isRoot)("a read-only file is reported and left alone", () => {
    const dir = scratch();
    writeFileSync(join(dir, "c.sla"), MESSY);
    chmodSync(join(dir, "c.sla"), 0o444);
    const run = sla(["fmt", "c.sla"], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stderr: "sla: cannot write c.sla: permission denied; nothing was changed\n" });
    expect(readFileSync(join(dir, "c.sla"), "utf8")).toBe(MESSY);
  });

  it("a symbolic link: its target is formatted and the link stays", () => {
    const dir = scratch();
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real/c.sla"), MESSY);
    symlinkSync("real/c.sla", join(dir, "link.sla"));
    expect(sla(["fmt", "link.sla"], { cwd: dir }).code).toBe(0);
    expect(readlinkSync(join(dir, "link.sla"))).toBe("real/c.sla");
    expect(readFileSync(join(dir, "real/c.sla"), "utf8")).toBe(GOOD);
  });

  it("a hard link stays one file", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.sla"), MESSY);
    linkSync(join(dir, "a.sla"), join(dir, "b.sla"));
    expect(sla(["fmt", "a.sla"], { cwd: dir }).code).toBe(0);
    expect(statSync(join(dir, "a.sla")).ino).toBe(statSync(join(dir, "b.sla")).ino);
    expect(readFileSync(join(dir, "b.sla"), "utf8")).toBe(GOOD);
  });
});
