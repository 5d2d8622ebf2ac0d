/** A metric's Measurement Plan: carried in the bundle and written as the Measurement Plan schedule, in Markdown and Word. */
import { describe, expect, it } from "vitest";
import { paragraphs, part, unzip } from "../../../test/docx/zip.ts";
import { compileBundle, renderContract, renderContractDocx } from "../src/index.ts";
import { checkSource, errorsOf, validateBundle } from "./helpers.ts";

const contract = (plan: string) => `
agreement Deal "Outsourcing Agreement" { effective 2026-01-01 currency GBP }
party P "Provider Ltd" { role provider }
party C "Customer plc" { role customer }
service Hosting { provider P  customer C }
metric Avail "Platform availability" {
  service Hosting
  type availability
${plan}
}
objective Uptime { metric Avail  target at least 99.9% per calendar month }
`;

const PLAN = `  measurer independent party
  data source "Synthetic monitoring (Dynatrace)"
  sample every 1 minute, method "a policy-quote transaction from each data centre"
  gaps "A minute without a sample from either data centre counts as Downtime"`;

function built(plan: string) {
  const program = checkSource({ "file:///work/main.sla": contract(plan) });
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

describe("a measurement plan", () => {
  it("is carried in the bundle, which the schema accepts", () => {
    const bundle = built(PLAN);
    expect(bundle.metrics[0].measurementPlan).toMatchObject({
      measurer: "independent",
      dataSource: "Synthetic monitoring (Dynatrace)",
      interval: { amount: "1", unit: "minute", seconds: "60" },
      method: "a policy-quote transaction from each data centre",
      gaps: "A minute without a sample from either data centre counts as Downtime",
      source: { line: 9 },
    });
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors)).toBe(true);
  });

  it("is the Measurement Plan schedule of the contract, in Markdown and Word", async () => {
    const bundle = built(PLAN);
    const markdown = renderContract(bundle);
    expect(markdown).toMatch(/## \d+\. Measurement Plan/);
    expect(markdown).toContain(
      "| Platform availability | an independent party appointed by the Parties | Synthetic monitoring (Dynatrace) | every 1 minute | a policy-quote transaction from each data centre | A minute without a sample from either data centre counts as Downtime |",
    );
    expect(markdown).toContain("A gap is a period of at least one sampling interval");
    const word = paragraphs(part(unzip(await renderContractDocx(bundle)), "word/document.xml"))
      .map((p) => p.text)
      .join("\n");
    expect(word).toContain("Synthetic monitoring (Dynatrace)");
  });

  it("may be partial, and is absent when not given", () => {
    const partial = renderContract(built("  measurer provider"));
    expect(partial).toContain("| Platform availability | the Provider | — | — | — | — |");
    expect(partial).not.toContain("A gap is a period");
    const none = built("");
    expect("measurementPlan" in none.metrics[0]).toBe(false);
    expect(renderContract(none)).not.toContain("Measurement Plan");
  });
});
