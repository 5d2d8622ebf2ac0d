import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileError, readTextFile, writeFileAtomic } from "../src/index.ts";

const scratch = () => mkdtempSync(join(tmpdir(), "sla-node-"));

describe("readTextFile", () => {
  it("reads UTF-8 text, byte-order mark and all", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.sla"), "\ufeffparty Zoë { role provider }\n");
    expect(readTextFile(join(dir, "a.sla"))).toBe("\ufeffparty Zoë { role provider }\n");
  });

  it.each([
    ["missing.sla", null, "no such file or directory"],
    ["binary.sla", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]), "it is a binary file, not a contract"],
    ["latin1.sla", Buffer.from([0x70, 0x61, 0x72, 0x74, 0x79, 0xe9]), "it is not UTF-8 text"],
  ])("refuses %s in one line", (name, bytes, reason) => {
    const dir = scratch();
    if (bytes) writeFileSync(join(dir, name), bytes);
    expect(() => readTextFile(join(dir, name))).toThrow(new FileError(`cannot read ${join(dir, name)}: ${reason}`));
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
});
