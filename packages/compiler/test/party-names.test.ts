/**
 * A party known by a name (`known as "AWS"`) is written without an article everywhere the contract
 * names it, where a party `called "Supplier"` is "the Supplier": published SLAs say "AWS shall",
 * never "the AWS shall".
 */
import { describe, expect, it } from "vitest";
import { compileBundle, renderContract, renderContractDocx } from "../src/index.ts";
import { paragraphs, part, unzip } from "../../../test/docx/zip.ts";
import { checkSource, errorsOf } from "./helpers.ts";

const SOURCE = `agreement Sla "Compute Service Level Agreement" {
  effective 2026-01-01
  timezone "UTC"
  currency USD
}
party Aws "Amazon Web Services, Inc." {
  role provider
  known as "AWS"
}
party Buyer "Buyer Inc." {
  role customer
  called "Customer"
}
service Compute "Compute" {
  provider Aws
  customer Buyer
  fee USD 1,000.00 per month
  hours 24x7
  exclude force majeure
  exclude customer caused
}
metric Uptime { service Compute  type availability }
objective Level "Region-Level SLA" { metric Uptime  target at least 99.99% per calendar month }
remedy Credits { for Level  credit 10% of monthly fee when below 99.99%  sole remedy }
reporting Reports { report Level monthly within 10 days }
`;

function built() {
  const program = checkSource({ "file:///w/sla.sla": SOURCE });
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

describe("a party known by a name", () => {
  it("is carried in the bundle as a label that is a name", () => {
    const aws = built().parties.find((p) => p.name === "Aws");
    expect(aws).toMatchObject({ label: "AWS", labelIsName: true });
    expect(built().parties.find((p) => p.name === "Buyer")).not.toHaveProperty("labelIsName");
  });

  it("is written without an article in every clause of the Markdown contract", () => {
    const markdown = renderContract(built());
    expect(markdown).toContain('**Amazon Web Services, Inc.** ("**AWS**")');
    expect(markdown).toContain('AWS shall provide **Compute** (the "**Service**") to the Customer');
    expect(markdown).toContain("The Customer shall pay AWS a fee of USD 1,000.00 per month for the Service");
    expect(markdown).toContain("AWS shall meet the following service levels:");
    expect(markdown).toContain("beyond the reasonable control of AWS that prevents");
    expect(markdown).toContain("AWS shall report to the Customer");
    expect(markdown).toContain("For Amazon Web Services, Inc. (AWS)");
    expect(markdown).not.toMatch(/\bthe AWS\b/i);
  });

  it("reads the same in the Word contract", async () => {
    const text = paragraphs(part(unzip(await renderContractDocx(built())), "word/document.xml"))
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain('AWS shall provide Compute (the "Service") to the Customer');
    expect(text).not.toMatch(/\bthe AWS\b/i);
  });
});
