import { describe, expect, it } from "vitest";
import { checkProgram, memoryHost } from "../../src/index.ts";
import { generateProgram } from "./large-program.ts";

const uri = "file:///large/contract.sla";

describe("a 10,000-line contract", () => {
  it("checks clean when it is clean", () => {
    const { text } = generateProgram(10_000);
    expect(text.split("\n").length).toBeGreaterThanOrEqual(10_000);
    const checked = checkProgram(uri, memoryHost({ [uri]: text }));
    expect(checked.diagnostics.map((d) => `${d.range.start.line}: ${d.code} ${d.message}`).slice(0, 5)).toEqual([]);
  });

  it("reports every seeded fault once, and nothing else", () => {
    const { text, faultCount } = generateProgram(10_000, true);
    const checked = checkProgram(uri, memoryHost({ [uri]: text }));
    const codes = checked.diagnostics.map((d) => d.code);
    expect(codes.length).toBe(faultCount);
    expect(new Set(codes)).toEqual(new Set(["SLA4001", "SLA6001", "SLA6003", "SLA5003"]));
  });
});
