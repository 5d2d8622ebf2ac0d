/**
 * The language server's first check of a big document is linear in its size. Opening a document
 * once tested every chunk boundary against every declaration (quadratic: 64,000 declarations ran
 * past a minute), and the checker compared every unknown name with every name of its kind. The
 * sizes here would take those paths minutes, far past the time-out; no timings are asserted.
 */
import { describe, expect, it } from "vitest";
import { startTestServer } from "../../packages/language-server/test/harness.ts";
import { checkProgram, memoryHost } from "../../packages/language/src/index.ts";

const URI = "file:///scale/contract.sla";

/** `count` small declarations: the quadratic path grew with their number, not with their size. */
function manyClauses(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`clause C${i} "Clause ${i}" { text "Term ${i}." }\n`);
  return parts.join("");
}

describe("the language server's first check of a big document", () => {
  it("publishes diagnostics for 160,000 declarations", async () => {
    const server = await startTestServer({ checkWorkspace: false });
    try {
      // one error at the very end proves the whole document was checked
      const text = `${manyClauses(160_000)}clause Last "Last" { text "x" text "y" }\n`;
      await server.open(URI, text);
      const published = await server.diagnostics(URI, (p) => p.version === 1, 115_000);
      expect(published.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["SLA3005", 160_000]]);

      const symbols = await server.request<unknown[]>("textDocument/documentSymbol", { textDocument: { uri: URI } });
      expect(symbols).toHaveLength(160_001);
    } finally {
      await server.dispose();
    }
  }, 120_000);

  it("30,000 unknown names: each reported, the first ones with a suggestion", () => {
    // Each unknown name was compared with every name of its kind: 30,000 × 30,000 edit distances.
    const parts: string[] = [];
    for (let i = 0; i < 30_000; i++)
      parts.push(`metric M${i} "M" { type availability }\nobjective O${i} "O" { metric Mx${i} }\n`);
    const program = checkProgram(URI, memoryHost({ [URI]: parts.join("") }));
    const unknown = program.diagnostics.filter((d) => d.code === "SLA2002");
    expect(unknown).toHaveLength(30_000);
    expect(unknown[0].message).toBe("No metric named 'Mx0' is declared. Did you mean 'M0'?");
  }, 60_000);

  it("the checker alone is linear too", () => {
    const text = manyClauses(160_000);
    const program = checkProgram(URI, memoryHost({ [URI]: text }));
    expect(program.diagnostics).toEqual([]);
  }, 60_000);
});
