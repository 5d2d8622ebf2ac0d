/**
 * How the contract frames itself (issue 15, "Framing"): a schedule to a master agreement, parties
 * called as the deal names them, and a recital that reads as English whatever the title. Each
 * fixture has a Markdown golden file, and the Word contract is read back for the same facts.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundle, renderContract, renderContractDocx, type RuleBundle } from "../src/index.ts";
import { paragraphs, part, unzip } from "../../../test/docx/zip.ts";
import { checkFile, checkSource, errorsOf, goldenDir } from "./helpers.ts";

const fixtures = join(import.meta.dirname, "fixtures/framing");
const update = process.env.UPDATE_GOLDEN === "1";

function bundleOf(name: string): RuleBundle {
  const program = checkFile(join(fixtures, `${name}.sla`));
  expect(errorsOf(program)).toEqual([]);
  return compileBundle(program);
}

function golden(file: string, actual: string) {
  const path = join(goldenDir, file);
  if (update) writeFileSync(path, actual);
  else if (!existsSync(path)) throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run framing`);
  else
    expect(actual, `${file} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(
      readFileSync(path, "utf8"),
    );
}

async function wordText(bundle: RuleBundle): Promise<string[]> {
  const files = unzip(await renderContractDocx(bundle));
  return paragraphs(part(files, "word/document.xml")).map((p) => p.text);
}

describe("a schedule to a master agreement", () => {
  const bundle = bundleOf("schedule");
  const markdown = renderContract(bundle);

  it("matches its golden contract", () => {
    golden("framing-schedule.md", markdown);
  });

  it("carries the schedule in the bundle", () => {
    expect(bundle.agreement?.schedule).toEqual({
      number: "3",
      master: "Master Services Agreement",
      dated: "2026-01-15",
      masterTerms: ["Charges", "Services"],
    });
  });

  it("is headed as a schedule, says this Schedule, and has no recital of parties or signature block", () => {
    expect(markdown.split("\n")[0]).toBe("# Schedule 3 to the Master Services Agreement dated 15 January 2026");
    expect(markdown).toContain(
      'This Schedule 3 (this "**Schedule**") forms part of the Master Services Agreement dated 15 January 2026 (the "**Master Agreement**") between **Acme Cloud Ltd** (the "**Supplier**") and **Beta Retail plc** (the "**Client**").',
    );
    expect(markdown).toContain("This Schedule takes effect on 1 February 2026");
    expect(markdown).toContain("This Schedule is governed by the law of England and Wales.");
    expect(markdown).toContain("In this Schedule:");
    expect(markdown).not.toMatch(/this Agreement|is made between|Signature/);
  });

  it("defers the terms the master agreement defines, in alphabetical order with the generated ones", () => {
    expect(markdown).toContain('"**Charges**" has the meaning given in the Master Agreement;');
    expect(markdown).toContain('"**Services**" has the meaning given in the Master Agreement.');
    const terms = [...markdown.matchAll(/^"\*\*([^*]+)\*\*"/gm)].map((m) => m[1]);
    expect(terms).toEqual([...terms].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it("defines the contract's own terms in alphabetical order with the generated ones", async () => {
    expect(bundle.agreement?.definitions).toEqual([
      { term: "Incident", meaning: "An unplanned interruption of the Service." },
    ]);
    const entry = '"**Incident**" means an unplanned interruption of the Service;';
    expect(markdown).toContain(entry);
    expect(markdown.indexOf("**Force Majeure Event**")).toBeLessThan(markdown.indexOf(entry));
    expect(markdown.indexOf(entry)).toBeLessThan(markdown.indexOf("**Measurement Period**"));
    expect(await wordText(bundle)).toContain(entry.replaceAll("**", ""));
  });

  it("places a clause in the section it names, headed by its title, paragraphs kept", async () => {
    expect(bundle.clauses.map((c) => [c.name, c.placement ?? null])).toEqual([
      ["IncidentReports", null],
      ["ClaimsProcedure", "credits"],
      ["PlannedWork", "exclusions"],
      ["Scope", null],
    ]);
    const section = (title: string) =>
      markdown.slice(markdown.indexOf(`. ${title}\n`), markdown.indexOf("\n## ", markdown.indexOf(`. ${title}\n`)));
    expect(section("Service Credits")).toContain(
      "**Claims procedure.** The Client claims a Service Credit by email to the Supplier.\n\n**7.4** Credits are set off against the next invoice.",
    );
    expect(section("Exclusions")).toContain("**Planned work.** Work the Client asks for in writing is not Downtime.");
    expect(markdown).not.toMatch(/^## \d+\. (Claims procedure|Planned work)$/m);
    expect(markdown).toMatch(/^## \d+\. Incident reports$/m);
    const text = await wordText(bundle);
    const credits = text.indexOf("Service Credits");
    const claims = text.indexOf("Claims procedure. The Client claims a Service Credit by email to the Supplier.");
    expect(credits).toBeGreaterThan(-1);
    expect(claims).toBeGreaterThan(credits);
    expect(text[claims + 1]).toBe("Credits are set off against the next invoice.");
    expect(text).not.toContain("Claims procedure");
  });

  it("keeps a lead-in and its list in one clause, emphasis kept and markup escaped, in Markdown and Word", async () => {
    expect(markdown).toContain(
      [
        "**11.1** The service levels do not apply to:",
        "(a) the Client's own *test* environments;",
        "(b) 1\\. any service the Client runs itself; and",
        "(c) &lt;b&gt;beta&lt;/b&gt; features \\[named\\](http\\:\\/\\/x.example) in writing.",
        "**11.2** Nothing in this Schedule limits the Master Agreement.",
      ].join("\n\n"),
    );
    const files = unzip(await renderContractDocx(bundle));
    const word = paragraphs(part(files, "word/document.xml"));
    const lead = word.findIndex((p) => p.text === "The service levels do not apply to:");
    expect(word.slice(lead, lead + 5).map((p) => [p.text, p.level])).toEqual([
      ["The service levels do not apply to:", 1],
      ["the Client's own test environments;", 2],
      ["1. any service the Client runs itself; and", 2],
      ["<b>beta</b> features [named](http://x.example) in writing.", 2],
      ["Nothing in this Schedule limits the Master Agreement.", 1],
    ]);
    expect(word[lead + 1].xml).toMatch(
      /<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">test<\/w:t><\/w:r>/,
    );
  });

  it("calls the parties Supplier and Client in every clause", () => {
    expect(markdown).not.toMatch(/Provider|Customer/);
    expect(markdown).toContain("The Supplier shall meet the following service levels:");
    expect(markdown).toContain(
      '"**Client-Caused Outage**" means an outage or degradation of a service caused by the Client',
    );
    expect(markdown).toContain("Client-Caused Outages");
  });

  it("says the same in Word", async () => {
    const text = await wordText(bundle);
    expect(text[0]).toBe("Schedule 3 to the Master Services Agreement dated 15 January 2026");
    expect(text).toContain(
      'This Schedule 3 (this "Schedule") forms part of the Master Services Agreement dated 15 January 2026 (the "Master Agreement") between Acme Cloud Ltd (the "Supplier") and Beta Retail plc (the "Client").',
    );
    expect(text).toContain('"Charges" has the meaning given in the Master Agreement;');
    expect(text).toContain("The Supplier shall meet the following service levels:");
    expect(text.join("\n")).not.toMatch(/Provider|Customer|Signature|this Agreement/);
  });
});

describe("a recital title that is not a noun phrase", () => {
  const bundle = bundleOf("title");
  const markdown = renderContract(bundle);

  it("matches its golden contract", () => {
    golden("framing-title.md", markdown);
  });

  it("is quoted after 'This agreement, entitled', in Markdown and Word", async () => {
    const recital =
      'This agreement, entitled "Type 1 Catalogue Solution Service Levels (major release 1)" (the "**Agreement**"), is made between:';
    expect(markdown).toContain(recital);
    expect(await wordText(bundle)).toContain(recital.replaceAll("**", ""));
  });

  it("labels one party and keeps the role term for the other", async () => {
    expect(markdown).toContain('**NHS Buyer** (the "**Service Recipient**")');
    expect(markdown).toContain('**Vendor Ltd** (the "**Provider**")');
    expect(markdown).toContain("For NHS Buyer (Service Recipient)");
    expect(markdown).toContain('"**Service Recipient-Caused Outage**" means');
    expect(markdown).not.toContain("Customer");
    expect((await wordText(bundle)).join("\n")).toContain("For NHS Buyer (Service Recipient)");
  });
});

describe("titles that read as a noun phrase", () => {
  for (const title of ["Nimbus Compute Service Level Agreement", "Managed Hosting Contract"]) {
    it(`keep "This ${title}"`, () => {
      const program = checkSource({
        "file:///work/main.sla": `agreement A "${title}" { timezone "UTC" }\nparty P "P Ltd" { role provider }\n`,
      });
      expect(renderContract(compileBundle(program))).toContain(`This ${title} (the "**Agreement**") is made between:`);
    });
  }
});

describe("a party label", () => {
  it("is escaped like any other text", () => {
    const program = checkSource({
      "file:///work/main.sla": `agreement A "A Agreement" { timezone "UTC" }\nparty P "P Ltd" { role provider  called "*Sup*<b>" }\n`,
    });
    const markdown = renderContract(compileBundle(program));
    expect(markdown).toContain('(the "**\\*Sup\\*&lt;b&gt;**")');
    expect(markdown).not.toContain("<b>");
  });
});
