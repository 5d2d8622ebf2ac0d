/**
 * Import tricks (issue 19, fault 2): an import is resolved to a path first, and only a regular
 * `.sla` file under the size limit is read, in the CLI, the language server and the library alike.
 * Nothing after a `#` or `?` is dropped on the way; special files are named, never opened.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../packages/language/src/index.ts";
import { Workspace } from "../../packages/language-server/src/workspace/workspace.ts";
import { scratch, sla } from "./cli.ts";

const SECRET = "TOPSECRET-credentials-do-not-print";

function contractFolder(): { dir: string; imports: [string, string | undefined, string?][] } {
  const dir = scratch();
  mkdirSync(join(dir, "secret"));
  mkdirSync(join(dir, "contracts/folder.sla"), { recursive: true });
  writeFileSync(join(dir, "secret/credentials"), `${SECRET}\n`);
  writeFileSync(join(dir, "secret/credentials.txt"), `${SECRET}\n`);
  writeFileSync(join(dir, "contracts/parties.sla"), "party Vendor { role provider }\n");
  writeFileSync(join(dir, "contracts/odd#name.sla"), "party Client { role customer }\n");
  writeFileSync(join(dir, "contracts/binary.sla"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
  execFileSync("mkfifo", [join(dir, "contracts/fifo.sla")]);
  symlinkSync("/dev/zero", join(dir, "contracts/zero.sla"));
  // just over 16 MiB, made sparse so the test writes little
  const big = openSync(join(dir, "contracts/big.sla"), "w");
  writeSync(big, "// x", 16 * 1024 * 1024);
  closeSync(big);
  const secretUrl = pathToFileURL(join(dir, "secret/credentials")).href;
  // [import, code (none: it loads), message]
  const imports: [string, string | undefined, string?][] = [
    ["parties.sla", undefined],
    ["odd#name.sla", undefined],
    ["../secret/credentials#.sla", "SLA2004"],
    ["../secret/credentials?.sla", "SLA2004"],
    ["../secret/credentials%00.sla", "SLA2004"],
    [`${secretUrl}#.sla`, "SLA2008"],
    ["/etc/passwd#.sla", "SLA2004"],
    ["/dev/zero#.sla", "SLA2004"],
    ["../secret/credentials", "SLA2007"],
    ["../secret/credentials.txt", "SLA2007"],
    ["folder.sla/..", "SLA2007"],
    ["fifo.sla", "SLA2009", "Cannot import 'fifo.sla': it is a named pipe (FIFO), not a file."],
    ["zero.sla", "SLA2009", "Cannot import 'zero.sla': it is a device, not a file."],
    ["folder.sla", "SLA2009", "Cannot import 'folder.sla': it is a directory, not a file."],
    ["binary.sla", "SLA2009", "Cannot import 'binary.sla': it is a binary file, not a contract."],
    ["big.sla", "SLA2009", "Cannot import 'big.sla': it is 16,777,220 bytes, over the 16 MiB limit for a contract."],
  ];
  const text = imports.map(([path]) => `import "${path}"\n`).join("");
  writeFileSync(join(dir, "contracts/main.sla"), text);
  return { dir, imports };
}

const expected = (imports: [string, string | undefined, string?][]) =>
  imports.filter(([, code]) => code).map(([path, code, message]) => ({ line: path, code, message }));

describe("import tricks", () => {
  it("the CLI reads only regular .sla files, and says what each other import is", () => {
    const { dir, imports } = contractFolder();
    const run = sla(["check", "contracts/main.sla", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    const diagnostics = JSON.parse(run.stdout).diagnostics as { code: string; message: string; line: number }[];
    const got = diagnostics.map((d) => ({ line: imports[d.line - 1][0], code: d.code, message: d.message }));
    const want = expected(imports).map((d) =>
      d.message ? d : { line: d.line, code: d.code, message: expect.any(String) },
    );
    expect(got).toEqual(want);
  });

  it("the language server reports the same, reading through the same layer", () => {
    const { dir, imports } = contractFolder();
    const workspace = new Workspace();
    const uri = pathToFileURL(join(dir, "contracts/main.sla")).href;
    workspace.open(uri, 1, imports.map(([path]) => `import "${path}"\n`).join(""));
    const program = workspace.program(uri);
    const got = program.diagnostics.map((d) => ({
      line: imports[d.range.start.line - 1][0],
      code: d.code,
      message: d.message,
    }));
    const want = expected(imports).map((d) =>
      d.message ? d : { line: d.line, code: d.code, message: expect.any(String) },
    );
    expect(got).toEqual(want);
    for (const file of program.files.values()) expect(file.text).not.toContain(SECRET);
  });

  it("the library resolves before it judges: a query or fragment is part of the name", () => {
    const files = {
      "file:///w/contracts/main.sla": 'import "../secret/credentials#.sla"\nimport "../secret/credentials?x=.sla"\n',
      "file:///w/secret/credentials": SECRET,
    };
    // like a file system, this host reads the path of a URL: whatever the loader drops is gone
    const host = { readFile: (uri: string) => files[`file://${new URL(uri).pathname}` as keyof typeof files] };
    const program = checkProgram("file:///w/contracts/main.sla", host);
    expect(program.diagnostics.map((d) => d.code)).toEqual(["SLA2004", "SLA2004"]);
    expect([...program.files.keys()]).toEqual(["file:///w/contracts/main.sla"]);
  });
});

describe("--stdin-filename", () => {
  it("imports of a contract on standard input resolve from the name given", () => {
    const dir = scratch();
    mkdirSync(join(dir, "contracts"));
    writeFileSync(join(dir, "contracts/parties.sla"), "party Vendor { role provider }\n");
    const draft = 'import "parties.sla"\nagreement A { currency USD }\nparty Client { role customer }\n';
    const named = sla(["check", "-", "--stdin-filename", "contracts/draft.sla", "--format", "json"], {
      cwd: dir,
      input: draft,
    });
    expect(JSON.parse(named.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain("SLA2004");
    const unnamed = sla(["check", "-", "--format", "json"], { cwd: dir, input: draft });
    expect(JSON.parse(unnamed.stdout).diagnostics).toMatchObject([{ code: "SLA2004", file: "<stdin>.sla" }]);
  });
});
