/**
 * Hostile input for the language core: each gets a clear diagnostic, never a crash or a hang.
 * Sizes are chosen so that anything worse than linear would blow the test's time-out by orders
 * of magnitude, without timing assertions.
 */
import { describe, expect, it } from "vitest";
import { checkProgram, format, memoryHost, parse } from "../packages/language/src/index.ts";
import { generateContract } from "../bench/generate.ts";

const URI = "file:///work/contract.sla";
const check = (text: string, files: Record<string, string> = {}) =>
  checkProgram(URI, memoryHost({ [URI]: text, ...files }));

describe("hostile input", () => {
  it("a 10 MB contract is checked", () => {
    let { text } = generateContract(10_000);
    while (text.length < 10 * 1024 * 1024)
      text += generateContract(10_000)
        .text.replace(/^[\s\S]*?\nservice /, "\nservice ")
        .replace(/(Service|Availability|Uptime|Outages|Support|Credits)(\d+)/g, `$1$2x${text.length}`);
    const program = check(text);
    expect(program.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  }, 120_000);

  it("a line of a million characters", () => {
    const longName = `N${"a".repeat(1_000_000)}`;
    const result = parse(`party ${longName} { role provider }`);
    expect(result.diagnostics).toEqual([]);
    const junk = parse(`clause C { text "${"x".repeat(1_000_000)}`);
    expect(junk.diagnostics.map((d) => d.code)).toContain("SLA1002");
  });

  it("10,000 repeated blocks and 10,000 stray braces", () => {
    const repeated = Array.from({ length: 10_000 }, (_, i) => `party P${i} { role customer }`).join("\n");
    expect(parse(repeated).diagnostics).toEqual([]);
    const nested = "{".repeat(10_000) + "}".repeat(10_000);
    const result = parse(nested);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.length).toBeLessThan(20_001);
  });

  it("adversarial digit and comma runs lex in linear time", () => {
    const digits = "1".repeat(1_000_000);
    const commas = `1${",000".repeat(250_000)},00`;
    const almostDuration = `${"9".repeat(500_000)} businesss`;
    for (const text of [digits, commas, almostDuration, `GBP ${commas}`, `${commas}%`]) {
      expect(() => parse(`objective O { target at least ${text} per calendar month }`)).not.toThrow();
    }
  });

  it("Unicode oddities: BOM, CRLF, NUL, lone surrogates, right-to-left text", () => {
    const odd = `\ufeffparty Acme "Acme \u202eLtd\u202c \ud800 \u0000" {\r\n  role provider\r\n}\r\nparty Zoë { role customer }\r\n`;
    const result = parse(odd);
    expect(result.file.items).toHaveLength(2);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["SLA1001"]);
    expect(result.diagnostics[0].range.start).toMatchObject({ line: 4, column: 9 });
    expect(format(odd.replace("Zoë", "Zoe")).text).toContain("\r\n");
  });

  it("an import of itself or of a path outside the workspace is reported on the import", () => {
    const self = check('import "contract.sla"\nparty X { role provider }\n');
    expect(self.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["SLA2005", 1]]);
    const outside = check('import "../../../../etc/passwd"\nparty X { role provider }\n', {
      "file:///etc/passwd": "root:x:0:0:root:/root:/bin/bash\n",
    });
    expect(outside.diagnostics.map((d) => d.code)).toEqual(["SLA2007"]);
    expect(outside.files.has("file:///etc/passwd")).toBe(false);
    const missing = check('import "../../../../elsewhere/parties.sla"\nparty X { role provider }\n');
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["SLA2004"]);
  });

  it("an import cycle through two files is reported once, on the import that closes it", () => {
    const program = check('import "b.sla"\nparty X { role provider }\n', {
      "file:///work/b.sla": 'import "contract.sla"\nparty Y { role customer }\n',
    });
    expect(program.diagnostics.map((d) => [d.code, d.uri, d.message])).toEqual([
      ["SLA2005", "file:///work/b.sla", "Import cycle: contract.sla → b.sla → contract.sla."],
    ]);
  });
});
