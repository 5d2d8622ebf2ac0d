/**
 * Fees at risk in the bundle and the contract: the pool table, the allocation table with expected
 * and minimum levels, the credit and its monthly cap, earn-back and key measurements, in Markdown
 * and in Word (both from the one document model).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { paragraphs, part, unzip } from "../../../test/docx/zip.ts";
import { compileBundle, renderContract, renderContractDocx } from "../src/index.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

const SOURCE = readFileSync(new URL("./fixtures/outsourcing/fees-at-risk.sla", import.meta.url), "utf8");

function built(text = SOURCE) {
  const program = checkSource({ "file:///work/main.sla": text });
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

describe("fees at risk", () => {
  it("are carried in the bundle, which the schema accepts", () => {
    const bundle = built();
    expect(bundle.services[0].feesAtRisk).toEqual({
      percent: "12",
      basis: "monthly fee",
      poolMaximum: "250",
      earnBackWindows: 3,
      source: { file: "main.sla", line: 17, column: 3 },
    });
    const [uptime, batch, outages] = bundle.objectives;
    expect(uptime.critical?.allocation).toBe("100");
    expect(uptime.minimum).toMatchObject({ comparator: "at least", value: { kind: "percentage", value: "99.5" } });
    expect(batch.critical?.allocation).toBe("60");
    expect(batch.minimum).toBeUndefined();
    expect(outages.keyMeasurement?.promotionNotice?.text).toBe("90 days");
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors)).toBe(true);
  });

  it("leave a bundle without them as it was", () => {
    const bundle = built(
      SOURCE.replace(/^\s*(at risk|pool maximum|earn back|critical|minimum|key measurement).*$/gm, ""),
    );
    expect("feesAtRisk" in bundle.services[0]).toBe(false);
    for (const o of bundle.objectives) expect(Object.keys(o)).not.toEqual(expect.arrayContaining(["critical"]));
    expect(renderContract(bundle)).not.toContain("Fees at Risk");
  });

  it("read as an outsourcing schedule in Markdown: pool table, allocation table, cap, earn-back", () => {
    const markdown = renderContract(built());
    expect(markdown).toContain("## 6. Fees at Risk");
    expect(markdown).toContain("| the Service | 12% of the Monthly Fee | GBP 12,000.00 | 250% | 160% |");
    expect(markdown).toContain("| Platform availability | at least 99.9% | at least 99.5% | 100% | GBP 12,000.00 |");
    // without a minimum, the target is the minimum too
    expect(markdown).toContain("| Batch quality | at most 0.5% | at most 0.5% | 60% | GBP 7,200.00 |");
    expect(markdown).toContain("shall not exceed in total the At-Risk Amount for that month");
    expect(markdown).toContain(
      "is at its Expected Service Level in each of the 3 consecutive calendar months that follow the calendar month of the failure",
    );
    expect(markdown).toContain(
      "| Outage length | no incident of Downtime longer than 30 minutes | on 90 days' notice from the Customer |",
    );
  });

  it("read the same in the Word contract", async () => {
    const text = paragraphs(part(unzip(await renderContractDocx(built())), "word/document.xml"))
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain("Fees at Risk");
    expect(text).toContain("Pool Percentage Available for Allocation");
    expect(text).toContain("GBP 7,200.00");
    expect(text).toContain("earns that Service Credit back");
  });
});
