import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileError, readTextFile, writeFileAtomic, writeFilesAtomic } from "../src/index.ts";

const scratch = () => mkdtempSync(join(tmpdir(), "sla-node-"));
const LIMIT = 1024 * 1024;
const isRoot = process.getuid?.() === 0;

describe("readTextFile", () => {
  it("reads UTF-8 text, byte-order mark and all", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.sla"), "\ufeffparty Zoë { role provider }\n");
    expect(readTextFile(join(dir, "a.sla"), LIMIT)).toBe("\ufeffparty Zoë { role provider }\n");
  });

  it.each([
    ["missing.sla", null, "no such file or directory"],
    ["binary.sla", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]), "it is a binary file, not a contract"],
    ["latin1.sla", Buffer.from([0x70, 0x61, 0x72, 0x74, 0x79, 0xe9]), "it is not UTF-8 text"],
  ])("refuses %s in one line", (name, bytes, reason) => {
    const dir = scratch();
    if (bytes) writeFileSync(join(dir, name), bytes);
    expect(() => readTextFile(join(dir, name), LIMIT)).toThrow(
      expect.objectContaining({ message: `cannot read ${join(dir, name)}: ${reason}`, reason }),
    );
  });

  it("never opens a named pipe, a device or a directory, and says what it is", () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "pipe.sla")]);
    symlinkSync("/dev/zero", join(dir, "zero.sla"));
    mkdirSync(join(dir, "folder.sla"));
    symlinkSync(join(dir, "gone.sla"), join(dir, "dangling.sla"));
    const reasonFor = (name: string) => {
      try {
        readTextFile(join(dir, name), LIMIT);
      } catch (error) {
        return [(error as FileError).reason, (error as FileError).missing];
      }
      return "read";
    };
    expect(reasonFor("pipe.sla")).toEqual(["it is a named pipe (FIFO), not a file", false]);
    expect(reasonFor("zero.sla")).toEqual(["it is a device, not a file", false]);
    expect(reasonFor("folder.sla")).toEqual(["it is a directory, not a file", false]);
    expect(reasonFor("dangling.sla")).toEqual(["it is a symbolic link to a missing file", true]);
  });

  it("refuses a file over the limit before reading it", () => {
    const dir = scratch();
    writeFileSync(join(dir, "big.sla"), "x".repeat(LIMIT + 1));
    expect(() => readTextFile(join(dir, "big.sla"), LIMIT)).toThrow(
      /it is 1,048,577 bytes, over the 1 MiB limit for a contract$/,
    );
    expect(() => readTextFile(join(dir, "big.sla"), LIMIT, "a rule bundle")).toThrow(/limit for a rule bundle$/);
    writeFileSync(join(dir, "exact.sla"), "x".repeat(LIMIT));
    expect(readTextFile(join(dir, "exact.sla"), LIMIT)).toHaveLength(LIMIT);
  });
});

describe("writeFileAtomic", () => {
  it("creates missing folders and leaves no temporary file", () => {
    const dir = scratch();
    const path = join(dir, "out/deeper/x.md");
    writeFileAtomic(path, "one");
    writeFileAtomic(path, "two");
    expect(readFileSync(path, "utf8")).toBe("two");
    expect(readdirSync(join(dir, "out/deeper"))).toEqual(["x.md"]);
  });

  it("keeps the old file whole when the write fails", () => {
    const dir = scratch();
    const path = join(dir, "x.md");
    writeFileSync(path, "old");
    mkdirSync(join(dir, "blocker"));
    expect(() => writeFileAtomic(join(dir, "blocker"), "new")).toThrow(FileError);
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(dir).sort()).toEqual(["blocker", "x.md"]);
  });

  it.each([0o750, 0o444, 0o600])("keeps mode %o", (mode) => {
    const dir = scratch();
    const path = join(dir, "c.sla");
    writeFileSync(path, "old");
    chmodSync(path, mode);
    if (mode === 0o444 && !isRoot) {
      // a read-only file is not written, as no editor would
      expect(() => writeFileAtomic(path, "new")).toThrow(/permission denied/);
      expect(readFileSync(path, "utf8")).toBe("old");
      return;
    }
    writeFileAtomic(path, "new");
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(statSync(path).mode & 0o7777).toBe(mode);
  });

  it.runIf(isRoot)("keeps the owner", () => {
    const dir = scratch();
    const path = join(dir, "c.sla");
    writeFileSync(path, "old");
    chownSync(path, 1234, 2345);
    writeFileAtomic(path, "new");
    expect(statSync(path)).toMatchObject({ uid: 1234, gid: 2345 });
    expect(readFileSync(path, "utf8")).toBe("new");
  });

  it("writes a symbolic link's target and keeps the link", () => {
    const dir = scratch();
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real/c.sla"), "old");
    symlinkSync("real/c.sla", join(dir, "link.sla"));
    writeFileAtomic(join(dir, "link.sla"), "new");
    expect(lstatSync(join(dir, "link.sla")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.sla"))).toBe("real/c.sla");
    expect(readFileSync(join(dir, "real/c.sla"), "utf8")).toBe("new");
    expect(readdirSync(join(dir, "real"))).toEqual(["c.sla"]);
  });

  it("keeps a hard link one file", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.sla"), "a much longer old text than the new one");
    linkSync(join(dir, "a.sla"), join(dir, "b.sla"));
    writeFileAtomic(join(dir, "a.sla"), "new");
    expect(readFileSync(join(dir, "b.sla"), "utf8")).toBe("new");
    expect(statSync(join(dir, "a.sla")).ino).toBe(statSync(join(dir, "b.sla")).ino);
    writeFileAtomic(join(dir, "b.sla"), "newer and longer than before, by some way");
    expect(readFileSync(join(dir, "a.sla"), "utf8")).toBe("newer and longer than before, by some way");
    expect(readdirSync(dir).sort()).toEqual(["a.sla", "b.sla"]);
  });

  it("refuses to write over a device or a named pipe", () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "out.md")]);
    expect(() => writeFileAtomic(join(dir, "out.md"), "x")).toThrow(/it is a named pipe \(FIFO\), not a file/);
  });
});

describe("writeFilesAtomic", () => {
  it("changes nothing unless every output can be written", () => {
    const dir = scratch();
    writeFileSync(join(dir, "c.rules.json"), "old bundle");
    mkdirSync(join(dir, "c.md"));
    expect(() =>
      writeFilesAtomic([
        { path: join(dir, "c.rules.json"), text: "new bundle" },
        { path: join(dir, "c.md"), text: "new markdown" },
      ]),
    ).toThrow(/cannot write .*c\.md: it is a directory, not a file; nothing was changed/);
    expect(readFileSync(join(dir, "c.rules.json"), "utf8")).toBe("old bundle");
    expect(readdirSync(dir).sort()).toEqual(["c.md", "c.rules.json"]);
  });
});
