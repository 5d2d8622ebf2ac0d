/** The change-of-control provision: carried in the bundle and written as a section of its own, in Markdown and Word. */
import { describe, expect, it } from "vitest";
import { paragraphs, part, unzip } from "../../../test/docx/zip.ts";
import { compileBundle, renderContract, renderContractDocx } from "../src/index.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

const contract = (provision: string) => `
agreement Deal "Outsourcing Agreement" {
  effective 2026-01-01
  currency GBP
  business calendar Office
  ${provision}
}
calendar Office { monday to friday 09:00 to 17:00 }
party P "Provider Ltd" { role provider }
party C "Customer plc" { role customer }
service Hosting { provider P  customer C }
objective Outages { service Hosting  max outage per incident 30 minutes }
`;

function built(provision: string) {
  const program = checkSource({ "file:///work/main.sla": contract(provision) });
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

const EITHER =
  "change of control of either party, notice within 10 business days, right to terminate or renegotiate within 6 months, remains in force";

describe("change of control", () => {
  it("is carried in the bundle, which the schema accepts", () => {
    const bundle = built(EITHER);
    expect(bundle.agreement?.changeOfControl).toMatchObject({
      party: "either",
      notice: { amount: "10", unit: "business day" },
      right: "terminate or renegotiate",
      window: { amount: "6", unit: "month" },
      meanwhile: "in force",
    });
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors)).toBe(true);
  });

  it("is a clause of the contract, in Markdown and Word", async () => {
    const bundle = built(EITHER);
    const markdown = renderContract(bundle);
    expect(markdown).toMatch(/## \d+\. Change of Control/);
    expect(markdown).toContain(
      "If either Party undergoes a Change of Control, that Party shall give the other Party written notice of it within 10 Business Days after it takes effect.",
    );
    expect(markdown).toContain(
      "Within 6 months after receiving that notice (or, if no notice is given in time, after the date by which it was due), the other Party may terminate this Agreement by notice to that Party, or require that Party to renegotiate it in good faith.",
    );
    expect(markdown).toContain("this Agreement remains in full force and effect");
    // the notice is in Business Days, so the term is defined
    expect(markdown).toContain("**Business Day**");
    const word = paragraphs(part(unzip(await renderContractDocx(bundle)), "word/document.xml"))
      .map((p) => p.text)
      .join("\n");
    expect(word).toContain("If either Party undergoes a Change of Control");
  });

  it("names the parties for a provision about one of them, and says nothing of meanwhile unless stated", () => {
    const markdown = renderContract(
      built("change of control of provider, notice within 30 days, right to renegotiate within 3 months"),
    );
    expect(markdown).toContain(
      "If the Provider undergoes a Change of Control, the Provider shall give the Customer written notice of it within 30 days",
    );
    expect(markdown).toContain("the Customer may require the Provider to renegotiate this Agreement in good faith.");
    expect(markdown).not.toContain("remains in full force");
  });

  it("leaves an agreement without one as it was", () => {
    const bundle = built("");
    expect("changeOfControl" in (bundle.agreement ?? {})).toBe(false);
    expect(renderContract(bundle)).not.toContain("Change of Control");
  });
});
