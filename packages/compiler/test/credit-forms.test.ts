/** The credit forms of real agreements, from source to bundle and to the contract's tier table. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plainSentence } from "../src/diff/sentence.ts";
import { paragraphs, part, unzip } from "../../../test/docx/zip.ts";
import { compileBundle, diffBundles, renderContract, renderContractDocx } from "../src/index.ts";
import { checkSource, errorsOf } from "./helpers.ts";

const BANDS = fileURLToPath(new URL("../../../test/cases/credit-bands.sla", import.meta.url));

function build(text: string) {
  const program = checkSource({ "file:///c.sla": text });
  expect(errorsOf(program)).toEqual([]);
  const bundle = compileBundle(program);
  return { bundle, markdown: renderContract(bundle) };
}

describe("band tiers", () => {
  it("carry both bounds into the bundle, in the order written", () => {
    const { bundle } = build(readFileSync(BANDS, "utf8"));
    const [first] = bundle.remedies.find((r) => r.name === "BandCredits")!.credits;
    expect(first.condition).toEqual({
      kind: "threshold",
      comparator: "below",
      value: { kind: "percentage", value: "99.9", text: "99.9%" },
      bound: { comparator: "at least", value: { kind: "percentage", value: "99.0", text: "99.0%" } },
    });
  });

  it("print as published tables do, and a single threshold as before", () => {
    const { markdown } = build(readFileSync(BANDS, "utf8"));
    expect(markdown).toContain("| less than 99.9% but at least 99.0% | 10% of the Monthly Fee |");
    expect(markdown).toContain("| less than 99.0% but at least 95.0% | 25% of the Monthly Fee |");
    expect(markdown).toContain("| below 95.0% | 100% of the Monthly Fee |");
  });

  it("print the bounds in the order written", () => {
    const text = readFileSync(BANDS, "utf8").replace(
      "when below 99.9% but at least 99.0%",
      "when at least 99.0% but below 99.9%",
    );
    expect(build(text).markdown).toContain("| at least 99.0% but less than 99.9% | 10% of the Monthly Fee |");
  });

  it("leave a bundle without bands as it was: no bound field", () => {
    const text = readFileSync(BANDS, "utf8").replaceAll(/ but at least [\d.]+%/g, "");
    const { bundle } = build(text);
    for (const r of bundle.remedies) for (const c of r.credits) expect(c.condition).not.toHaveProperty("bound");
  });
});

const AMOUNTS = fileURLToPath(new URL("../../../test/cases/credit-amounts.sla", import.meta.url));

describe("fixed-amount credits", () => {
  it("carry the amount and its currency into the bundle, and a percentage as before", () => {
    const { bundle } = build(readFileSync(AMOUNTS, "utf8"));
    const [first, second] = bundle.remedies.find((r) => r.name === "FixedTiers")!.credits;
    expect(first).toMatchObject({ amount: { amount: "50.00", currency: "USD" } });
    expect(first).not.toHaveProperty("percent");
    expect(second).toMatchObject({ percent: "10", basis: "monthly fee" });
    expect(second).not.toHaveProperty("amount");
  });

  it("print the amount in the tier table and in a per-breach sentence", () => {
    const { markdown } = build(readFileSync(AMOUNTS, "utf8"));
    expect(markdown).toContain("| less than 99.9% but at least 99.5% | USD 50.00 |");
    expect(markdown).toContain("| less than 99.5% but at least 99.0% | 10% of the Monthly Fee |");
    expect(markdown).toContain("| below 99.0% | USD 500.00 |");
    expect(markdown).toContain("a Service Credit of USD 25.00 for each breach");
  });

  it("state how each kind of credit is worked out", () => {
    const text = readFileSync(AMOUNTS, "utf8");
    expect(build(text).markdown).toContain(
      "Each Service Credit stated as a percentage is the stated percentage of the stated fee, rounded half up to the smallest unit of the currency; one stated as an amount is that amount.",
    );
    const amountsOnly = text.replaceAll("10% of monthly fee", "USD 200.00");
    expect(build(amountsOnly).markdown).toContain("Each Service Credit is the stated amount.");
    const percentagesOnly = text
      .replace("credit USD 50.00", "credit 5% of monthly fee")
      .replace("credit USD 500.00", "credit 50% of monthly fee")
      .replace("credit USD 150.00", "credit 5% of monthly fee")
      .replace("credit USD 25.00", "credit 2% of monthly fee");
    expect(build(percentagesOnly).markdown).toContain(
      "Each Service Credit is the stated percentage of the stated fee, rounded half up to the smallest unit of the currency.",
    );
  });
});

const TERMS = fileURLToPath(new URL("../../../test/cases/credit-terms.sla", import.meta.url));

describe("cumulative credits and a minimum credit", () => {
  it("are in the bundle only when the contract says so", () => {
    const { bundle } = build(readFileSync(TERMS, "utf8"));
    const byName = new Map(bundle.remedies.map((r) => [r.name, r]));
    expect(byName.get("Stacked")).toMatchObject({ cumulative: true });
    expect(byName.get("Stacked")).not.toHaveProperty("minimumCredit");
    expect(byName.get("Tiny")).toMatchObject({ minimumCredit: { amount: "1.00", currency: "GBP" } });
    expect(byName.get("Tiny")).not.toHaveProperty("cumulative");
    const notCumulative = readFileSync(TERMS, "utf8")
      .replaceAll("credits are cumulative", "credits are not cumulative")
      .replace("credit 5% of monthly fee when below 99.0%", "credit 15% of monthly fee when below 99.0%");
    for (const r of build(notCumulative).bundle.remedies) expect(r).not.toHaveProperty("cumulative");
  });

  it("say so in the contract", () => {
    const { markdown } = build(readFileSync(TERMS, "utf8"));
    expect(markdown).toContain(
      "Service Credits under this clause are cumulative: every one that applies is given, and they are added together. These Service Credits shall not exceed 50% of the Monthly Fee in total per calendar month.",
    );
    expect(markdown).toContain("A Service Credit under this clause that comes to less than GBP 1.00 is not given.");
    const capped = readFileSync(TERMS, "utf8").replace(
      "minimum credit GBP 1.00\n}\n\nremedy Exact",
      "minimum credit GBP 1.00\n  cap 10% of monthly fee per calendar month\n}\n\nremedy Exact",
    );
    expect(build(capped).markdown).toContain(
      "Service Credits under this clause shall not exceed 10% of the Monthly Fee in total per calendar month. A Service Credit under this clause that comes to less than GBP 1.00 after that limit is not given.",
    );
  });

  it("are changes the redline names", () => {
    const text = readFileSync(TERMS, "utf8");
    const before = build(text).bundle;
    const after = build(
      text
        .replace(
          "credits are cumulative\n  credit 10% of monthly fee when below 99.9%\n  credit GBP 20.00",
          "credit 10% of monthly fee when below 99.9%\n  credit GBP 20.00",
        )
        .replace(
          "credit 0.05% of monthly fee when below 99.9%\n  minimum credit GBP 1.00",
          "credit 0.05% of monthly fee when below 99.9%\n  minimum credit GBP 0.50",
        )
        .replace("credit GBP 1.00 when below 99.9%\n  minimum credit GBP 1.00", "credit GBP 1.00 when below 99.9%"),
    ).bundle;
    expect(diffBundles(before, after).map((c) => plainSentence(c.sentence))).toEqual([
      "The credits of “Further Service Credits” are no longer cumulative: only the largest is given",
      "The minimum credit of “Small Credits” is lowered from GBP 1.00 to GBP 0.50",
      "The minimum credit of “Exact Credits” is removed",
    ]);
  });
});

const SERVICE_CAP = fileURLToPath(new URL("../../../test/cases/credit-service-cap.sla", import.meta.url));

describe("a cap on all the credits of a service", () => {
  it("is on the service in the bundle, and absent when not given", () => {
    const text = readFileSync(SERVICE_CAP, "utf8");
    expect(build(text).bundle.services[0].creditCap).toMatchObject({
      percent: "30",
      basis: "monthly fee",
      window: { period: "calendar month", text: "per calendar month" },
    });
    const without = text.replace("  cap all credits at 30% of monthly fee per calendar month\n", "");
    expect(build(without).bundle.services[0]).not.toHaveProperty("creditCap");
  });

  it("is a clause of Service Credits, with the order credits count towards it", () => {
    expect(build(readFileSync(SERVICE_CAP, "utf8")).markdown).toContain(
      "All Service Credits for the Service, under every clause together, shall not exceed 30% of the Monthly Fee in total per calendar month, after each clause's own limit and minimum. They count towards this limit in the order in which their Measurement Periods end, and in the order of these clauses for periods that end together.",
    );
  });
});

const PER_UNIT = fileURLToPath(new URL("../../../test/cases/credit-per-unit.sla", import.meta.url));

describe("credits per unit of downtime", () => {
  it("carry the unit, its rounding and the allowance into the bundle", () => {
    const { bundle } = build(readFileSync(PER_UNIT, "utf8"));
    const [started] = bundle.remedies.find((r) => r.name === "Started")!.credits;
    expect(started.condition).toEqual({
      kind: "each unit",
      unit: { text: "30 minutes", amount: "30", unit: "minute", seconds: "1800" },
      rounding: "started",
      beyondAllowance: true,
    });
    const [full] = bundle.remedies.find((r) => r.name === "Full")!.credits;
    expect(full.condition).toMatchObject({ kind: "each unit", rounding: "full", beyondAllowance: false });
  });

  it("say how a part of a unit counts, and what the downtime is counted beyond", () => {
    const { markdown } = build(readFileSync(PER_UNIT, "utf8"));
    expect(markdown).toContain(
      'a Service Credit of GBP 100.00 for each period of 30 minutes of Downtime, or part of one, beyond the Downtime that the service level "Uptime" allows in a calendar month.',
    );
    expect(markdown).toContain(
      "a Service Credit of 5% of the Monthly Fee for each full period of 1 hour of Downtime in a calendar month.",
    );
  });
});

const BREACH_BANDS = fileURLToPath(new URL("../../../test/cases/credit-breach-bands.sla", import.meta.url));

describe("credits banded by the number of breaches", () => {
  it("carry the band and its period into the bundle", () => {
    const credits = build(readFileSync(BREACH_BANDS, "utf8")).bundle.remedies[0].credits;
    expect(credits.map((c) => c.condition)).toEqual([
      { kind: "breaches", least: 1, most: 2, window: { period: "calendar quarter", text: "per calendar quarter" } },
      { kind: "breaches", least: 3, most: 4, window: { period: "calendar quarter", text: "per calendar quarter" } },
      { kind: "breaches", least: 5, most: null, window: { period: "calendar quarter", text: "per calendar quarter" } },
    ]);
    const exactly = readFileSync(BREACH_BANDS, "utf8").replace("breached 3 to 4 times", "breached 3 times");
    expect(build(exactly).bundle.remedies[0].credits[1].condition).toMatchObject({ least: 3, most: 3 });
  });

  it("print as a table of breached Measurement Periods", () => {
    const { markdown } = build(readFileSync(BREACH_BANDS, "utf8"));
    expect(markdown).toContain(
      'If the service level "Weekly uptime" is breached in as many Measurement Periods in a calendar quarter as shown below, the Provider shall give the Customer the Service Credit shown, once for that period:',
    );
    expect(markdown).toContain("| 1 to 2 | 5% of the Monthly Fee |");
    expect(markdown).toContain("| 5 or more | 15% of the Monthly Fee |");
  });
});

describe("the Word contract", () => {
  it("says what the Markdown contract says about each credit form", async () => {
    const cases: [string, string[]][] = [
      [AMOUNTS, ["USD 500.00", "one stated as an amount is that amount."]],
      [TERMS, ["are cumulative: every one that applies is given", "comes to less than GBP 1.00 is not given."]],
      [SERVICE_CAP, ["under every clause together, shall not exceed 30% of the Monthly Fee"]],
      [PER_UNIT, ["for each period of 30 minutes of Downtime, or part of one,", "for each full period of 1 hour"]],
      [BREACH_BANDS, ["is breached in as many Measurement Periods in a calendar quarter", "5 or more"]],
    ];
    for (const [file, phrases] of cases) {
      const { bundle } = build(readFileSync(file, "utf8"));
      const text = paragraphs(part(unzip(await renderContractDocx(bundle)), "word/document.xml"))
        .map((p) => p.text)
        .join("\n");
      for (const phrase of phrases) expect(text, file).toContain(phrase);
    }
  });
});
