import { describe, expect, it } from "vitest";
import { format, parse } from "../../src/index.ts";
import { corpus, withoutPositions } from "../helpers.ts";

const clean = corpus().filter((c) => parse(c.text).diagnostics.length === 0);

describe("formatter", () => {
  it.each(clean.map((c) => [c.path.replace(/^.*\/(examples|conformance)\//, "$1/"), c.text]))(
    "%s: idempotent and meaning-preserving",
    (_path, text) => {
      const once = format(text);
      expect(once.errors).toEqual([]);
      expect(format(once.text).text).toBe(once.text);
      expect(withoutPositions(parse(once.text).file)).toEqual(withoutPositions(parse(text).file));
    },
  );

  it("examples are already formatted", () => {
    for (const c of clean.filter((x) => x.path.includes("/examples/")))
      expect(format(c.text).changed, c.path).toBe(false);
  });

  it("lays out declarations, properties and comments canonically", () => {
    const input = `// lead
agreement   A "t" {   version "1"   effective 2026-01-01 // trailing
  term 24    months


  renewal automatic 12 months , notice 90 days
}
party X { role provider }
party Y {
 role customer }
clause C "c" { text """
        hello
          world
    """ }`;
    expect(format(input).text).toBe(`// lead
agreement A "t" {
  version "1"
  effective 2026-01-01  // trailing
  term 24 months

  renewal automatic 12 months, notice 90 days
}

party X { role provider }

party Y {
  role customer
}

clause C "c" {
  text """
    hello
      world
  """
}
`);
  });

  it("keeps CRLF line endings and a byte-order mark", () => {
    const result = format("\ufeffparty X {\r\n role provider }\r\n");
    expect(result.text).toBe("\ufeffparty X {\r\n  role provider\r\n}\r\n");
  });

  it("leaves a file with syntax errors alone and says why", () => {
    const result = format("party X { role }");
    expect(result.changed).toBe(false);
    expect(result.text).toBe("party X { role }");
    expect(result.errors.length).toBeGreaterThan(0);
  });
});
