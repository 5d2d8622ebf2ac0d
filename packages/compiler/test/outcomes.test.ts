/** Outcome-based pay on an incentive: carried in the bundle and written as Outcome-Based Charges, in Markdown and Word. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { paragraphs, part, unzip } from "../../../test/docx/zip.ts";
import { compileBundle, renderContract, renderContractDocx } from "../src/index.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

const SOURCE = readFileSync(new URL("../../../test/cases/outcome-pay.sla", import.meta.url), "utf8");

function built() {
  const program = checkSource({ "file:///work/main.sla": SOURCE });
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

describe("outcome-based pay", () => {
  it("is carried in the bundle, which the schema accepts", () => {
    const bundle = built();
    const incentive = bundle.incentives[0];
    expect(incentive.objective).toBeNull();
    expect(incentive.outcome).toMatchObject({
      name: "ClaimsProcessed",
      description: "Claims processed within two business days",
      window: { period: "calendar month" },
      service: "Claims",
      gainShare: [
        { percent: "2", comparator: "at least", value: { value: "98" } },
        { percent: "1", comparator: "at least", value: { value: "96" }, bound: { comparator: "below" } },
      ],
      painShare: [{ percent: "1.5", comparator: "below", value: { value: "90" } }],
    });
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors)).toBe(true);
  });

  it("is a section of the contract with the band table, in Markdown and Word", async () => {
    const bundle = built();
    const markdown = renderContract(bundle);
    expect(markdown).toMatch(/## \d+\. Outcome-Based Charges/);
    expect(markdown).toContain(
      'The outcome "Claims processed within two business days" is measured in each calendar month as the percentage of the ClaimsProcessed outcome records',
    );
    expect(markdown).toContain("| at least 96% but below 98% | 1% of the Monthly Fee | — |");
    expect(markdown).toContain("| below 90% | — | 1.5% of the Monthly Fee |");
    expect(markdown).toContain("shall each not exceed 2% of the Monthly Fee in total per calendar month");
    const word = paragraphs(part(unzip(await renderContractDocx(bundle)), "word/document.xml"))
      .map((p) => p.text)
      .join("\n");
    expect(word).toContain("Outcome-Based Charges");
  });
});
