import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFORMANCE, REPO, scratch, sla } from "./run.ts";

const BROKEN = `agreement A {
  effective 2026-01-01
}
party P { role provider }
party C { role customer }
service S {
  provider P
  customer C
  fee USD 10 per month
  hours 24x7
}
metric M {
  service S
  type availability
}
objective O {
  metric Missing
  target at least 99% per calendar month
}
`;

describe("sla check", () => {
  it("passes every example, warning only where a published agreement is encoded as written", () => {
    const run = sla(["check", "examples"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, \d+ warnings in \d+ files\n$/m);
    const warnings = run.stdout.split("\n").filter((line) => / - (warning|error) SLA/.test(line));
    // GitHub's published SLA pays its first credit at exactly its 99.9% target (examples/real)
    for (const line of warnings)
      expect(line).toMatch(/^examples\/real\/github-enterprise\.sla:\d+:\d+ - warning SLA5010:/);
  });

  it("prints diagnostics like a compiler, with a code frame, and exits 1 on errors", () => {
    const dir = scratch();
    writeFileSync(join(dir, "broken.sla"), BROKEN);
    const run = sla(["check", "broken.sla"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("broken.sla:17:10 - error SLA2002: No metric named 'Missing' is declared.");
    expect(run.stdout).toContain("17 |   metric Missing\n   |          ^^^^^^^");
    expect(run.stdout).toContain("1 error, 0 warnings in 1 file");
  });

  it("--format json gives the fields the conformance runner reads", () => {
    const run = sla(["check", "--format", "json", join(CONFORMANCE, "unresolved-reference.sla")]);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", code: "SLA2002", line: 25, column: 10, endLine: 25, endColumn: 22 }),
    ]);
    expect(Object.keys(diagnostics[0]).sort()).toEqual([
      "code",
      "column",
      "endColumn",
      "endLine",
      "file",
      "fixes",
      "line",
      "message",
      "related",
      "severity",
    ]);
  });

  it("reads standard input with -", () => {
    const run = sla(["check", "-", "--format", "json"], { input: BROKEN });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics[0]).toMatchObject({ file: "<stdin>.sla", line: 17 });
  });

  it("searches folders recursively and expands globs", () => {
    const dir = scratch();
    mkdirSync(join(dir, "a/b"), { recursive: true });
    writeFileSync(join(dir, "a/b/deep.sla"), BROKEN);
    writeFileSync(join(dir, "a/top.sla"), 'party X "X" { role provider }\n');
    expect(sla(["check", "a"], { cwd: dir }).stdout).toContain("in 2 files");
    const globbed = sla(["check", "a/**/*.sla", "--format", "json"], { cwd: dir });
    expect(new Set(JSON.parse(globbed.stdout).diagnostics.map((d: { file: string }) => d.file))).toEqual(
      new Set(["a/b/deep.sla"]),
    );
  });

  it.each([
    [["check", "no-such.sla"], /^sla: cannot read no-such.sla: no such file or directory\n$/],
    [["check", "empty"], /^sla: no \.sla files in empty\n$/],
    [["check", "binary.sla"], /^sla: cannot read binary.sla: it is a binary file, not a contract\n$/],
    [["check", "--bogus"], /unknown option '--bogus'/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("sla %j fails with one clear line and exit 2", (args, message) => {
    const dir = scratch();
    mkdirSync(join(dir, "empty"));
    writeFileSync(join(dir, "binary.sla"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    const run = sla(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("reports an unreadable file (exit 2)", () => {
    const dir = scratch();
    if (process.getuid?.() === 0) {
      // root reads any file it may open; a link to a file that fails on read stands in
      symlinkSync("/proc/self/mem", join(dir, "secret.sla"));
      const run = sla(["check", "secret.sla"], { cwd: dir });
      expect(run).toMatchObject({ code: 2, stderr: "sla: cannot read secret.sla: input/output error\n" });
      return;
    }
    writeFileSync(join(dir, "secret.sla"), "party X { role provider }\n");
    chmodSync(join(dir, "secret.sla"), 0);
    const run = sla(["check", "secret.sla"], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stderr: "sla: cannot read secret.sla: permission denied\n" });
  });

  it("--quiet prints errors only", () => {
    const dir = scratch();
    writeFileSync(join(dir, "w.sla"), readFileSync(join(CONFORMANCE, "budget-contradiction.sla")));
    const run = sla(["check", "--quiet", "w.sla"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
  });

  it("colours only on a terminal and never with NO_COLOR", () => {
    const run = sla(["check", "-"], { input: BROKEN });
    expect(run.stdout).not.toContain("\u001b[");
  });
});

describe("sla fmt", () => {
  it("--check passes on the examples", () => {
    const run = sla(["fmt", "--check", "examples"]);
    expect(run.code).toBe(0);
  });

  it("rewrites files in place, and --check lists what would change", () => {
    const dir = scratch();
    const file = join(dir, "messy.sla");
    writeFileSync(file, "party   X {role provider}\n");
    const check = sla(["fmt", "--check", "messy.sla"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe("not formatted: messy.sla\n");
    expect(readFileSync(file, "utf8")).toBe("party   X {role provider}\n");
    const run = sla(["fmt", "messy.sla"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe("party X { role provider }\n");
    expect(readdirSync(dir)).toEqual(["messy.sla"]);
  });

  it("formats standard input to standard output", () => {
    const run = sla(["fmt", "-"], { input: "party   X {role provider}" });
    expect(run).toMatchObject({ code: 0, stdout: "party X { role provider }\n" });
  });

  it("leaves a file with syntax errors untouched and exits 1", () => {
    const dir = scratch();
    writeFileSync(join(dir, "bad.sla"), "party X { role }\n");
    const run = sla(["fmt", "bad.sla"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("bad.sla:1:16 - error SLA1005");
    expect(readFileSync(join(dir, "bad.sla"), "utf8")).toBe("party X { role }\n");
  });
});

describe("sla build", () => {
  it("writes the rule bundle and the Markdown contract, byte-identical on a second run", () => {
    const dir = scratch();
    const run = sla(["build", "examples/cloud-hosting.sla", "--out", join(dir, "out")]);
    expect(run.code).toBe(0);
    const bundle = readFileSync(join(dir, "out/cloud-hosting.rules.json"), "utf8");
    const markdown = readFileSync(join(dir, "out/cloud-hosting.md"), "utf8");
    expect(JSON.parse(bundle).format).toBe("sla-rules/1");
    expect(markdown).toContain("Nimbus Compute Service Level Agreement");
    sla(["build", "examples/cloud-hosting.sla", "--out", join(dir, "out")]);
    expect(readFileSync(join(dir, "out/cloud-hosting.rules.json"), "utf8")).toBe(bundle);
    expect(readFileSync(join(dir, "out/cloud-hosting.md"), "utf8")).toBe(markdown);
  });

  it("--format picks one output", () => {
    const dir = scratch();
    expect(sla(["build", "examples/service-desk.sla", "--out", dir, "--format", "md"]).code).toBe(0);
    expect(readdirSync(dir)).toEqual(["service-desk.md"]);
  });

  it("writes nothing for a contract with errors (exit 1)", () => {
    const dir = scratch();
    writeFileSync(join(dir, "broken.sla"), BROKEN);
    const run = sla(["build", "broken.sla", "--out", "out"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("nothing written");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("says so when the file has no agreement (exit 1)", () => {
    const run = sla(["build", "examples/common/uk-calendar.sla"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/has no agreement/);
  });

  it("refuses an output folder that is a file (exit 2)", () => {
    const dir = scratch();
    writeFileSync(join(dir, "taken"), "");
    const run = sla(["build", join(REPO, "examples/cloud-hosting.sla"), "--out", "taken"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("sla: cannot write into taken: it is a file, not a folder\n");
  });
});

describe("other commands", () => {
  it("init writes a starter that checks clean and builds", () => {
    const dir = scratch();
    expect(sla(["init", "demo"], { cwd: dir }).code).toBe(0);
    expect(sla(["check", "demo.sla"], { cwd: dir }).stdout).toBe("0 errors, 0 warnings in 1 file\n");
    expect(sla(["build", "demo.sla"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["demo.md", "demo.rules.json", "demo.sla"]);
    expect(sla(["init", "demo"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "sla: demo.sla already exists; choose another name\n",
    });
  });

  it("explain prints a code's documentation; an unknown code exits 2", () => {
    const run = sla(["explain", "SLA2002"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## SLA2002: /);
    expect(sla(["explain", "SLA9999"]).code).toBe(2);
    expect(sla(["explain"]).stdout).toContain("SLA2001");
  });

  it("schema prints the bundle's JSON Schema", () => {
    const run = sla(["schema"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    // the schema written from @sla/bundle's definition, as the extension ships it
    expect(run.stdout).toBe(readFileSync(join(REPO, "packages/bundle/schema/sla-rules.schema.json"), "utf8"));
  });

  it("--version and help", () => {
    expect(sla(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const command of ["check", "fmt", "build", "evaluate", "explain", "init", "schema", "lsp"]) {
      const help = sla(["help", command]);
      expect(help.code).toBe(0);
      expect(help.stdout, command).toMatch(/Examples?:/);
    }
  });
});

describe("sla evaluate", () => {
  const contract = join(CONFORMANCE, "hosting.sla");
  const events = join(CONFORMANCE, "evaluation/hosting-2026-03.ndjson");

  it("prints the JSON report of a month", () => {
    const run = sla(["evaluate", contract, "--events", events, "--period", "2026-03"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.period).toBe("2026-03");
    expect(report.totalCredit).toEqual({ amount: "3000.00", currency: "GBP" });
  });

  it("prints the monthly service report as Markdown", () => {
    const run = sla(["evaluate", contract, "--events", events, "--period", "2026-03", "--format", "md"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("GBP 3,000.00");
  });

  it("gives one report per month of a range", () => {
    const run = sla(["evaluate", contract, "--events", events, "--period", "2026-02", "--to", "2026-04"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).reports.map((r: { period: string }) => r.period)).toEqual([
      "2026-02",
      "2026-03",
      "2026-04",
    ]);
  });

  it("stops at bad data with the line and field, writing nothing (exit 2)", () => {
    const dir = scratch();
    writeFileSync(
      join(dir, "bad.ndjson"),
      `${readFileSync(events, "utf8")}{"type":"outage","service":"Hosting","start":"2026-03-05T10:00:00Z","cause":"unplanned"}\n`,
    );
    const run = sla(["evaluate", contract, "--events", join(dir, "bad.ndjson"), "--period", "2026-03"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/line 29\b.*\bend\b/);
  });

  it("evaluates a compiled bundle as well as a contract", () => {
    const dir = scratch();
    expect(sla(["build", contract, "--out", dir, "--format", "json"]).code).toBe(0);
    const run = sla(["evaluate", join(dir, "hosting.rules.json"), "--events", events, "--period", "2026-03"]);
    expect(JSON.parse(run.stdout).totalCredit.amount).toBe("3000.00");
  });

  it("refuses a contract with errors (exit 1)", () => {
    const run = sla(["evaluate", join(CONFORMANCE, "wrong-kind.sla"), "--events", events, "--period", "2026-03"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("SLA2003");
  });
});

describe("sla fmt keeps what it does not own", () => {
  it("keeps a byte-order mark and CRLF line endings", () => {
    const dir = scratch();
    writeFileSync(join(dir, "bom.sla"), "\ufeffparty X {\r\n role provider }\r\n");
    expect(sla(["fmt", "bom.sla"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "bom.sla"), "utf8")).toBe("\ufeffparty X {\r\n  role provider\r\n}\r\n");
  });
});
