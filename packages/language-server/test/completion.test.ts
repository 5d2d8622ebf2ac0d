import type { CompletionItem, CompletionList, TextEdit } from "vscode-languageserver";
import { allSnippets, SNIPPETS } from "@sla/language";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTING, marked, startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
let count = 0;
beforeAll(async () => {
  server = await startTestServer({ checkWorkspace: false });
});
afterAll(async () => {
  await server.dispose();
});

/** Completion items at the `<|>` of `source` (appended to the hosting contract unless `alone`). */
async function complete(source: string, alone = false): Promise<CompletionItem[]> {
  const { text, position } = marked(alone ? source : `${HOSTING}\n${source}`);
  const uri = `file:///completion/${++count}.sla`;
  await server.open(uri, text);
  const list = await server.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position });
  return list.items;
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe("completion", () => {
  it("offers the properties an objective may have, as whole phrases", async () => {
    const items = await complete(`objective Extra "Extra" {\n  <|>\n}\n`);
    expect(labels(items)).toEqual(
      expect.arrayContaining([
        "metric",
        "service",
        "target",
        "max outage per incident",
        "max total outage",
        "severity",
        "response within",
        "resolution within",
        "at least",
        "at most",
        "above",
        "below",
        "exclude maintenance",
        "exclude customer caused",
        "exclude force majeure",
      ]),
    );
    // nothing that belongs to other declarations, and no declaration snippets inside a block
    expect(labels(items)).not.toContain("credit");
    expect(labels(items)).not.toContain("objective");
    const target = items.find((i) => i.label === "target")!;
    expect(target.detail).toContain("target at least 99.9% per calendar month");
  });

  it("completes a partially typed keyword, replacing what was typed", async () => {
    const items = await complete(`remedy Extra "Extra" {\n  for Uptime\n  cre<|>\n}\n`);
    const credit = items.find((i) => i.label === "credit");
    expect(credit).toBeDefined();
    const edit = credit!.textEdit as TextEdit;
    expect(edit.newText).toBe("credit");
    expect(edit.range.end.character - edit.range.start.character).toBe(3);
  });

  it("offers metrics after `metric`, and nothing else", async () => {
    const items = await complete(`objective Extra "Extra" {\n  metric <|>\n}\n`);
    expect(labels(items).sort()).toEqual(["ApiLatency", "Availability"]);
    expect(items[0].detail).toMatch(/^metric · /);
  });

  it("offers calendars and 24x7 after `hours` and `during`, calendars after `business calendar`", async () => {
    expect(labels(await complete(`service Extra "Extra" {\n  hours <|>\n}\n`)).sort()).toEqual([
      "24x7",
      "BusinessHours",
    ]);
    expect(
      labels(
        await complete(`objective Extra "E" {\n  service Hosting\n  response within 1 hour during <|>\n}\n`),
      ).sort(),
    ).toEqual(["24x7", "BusinessHours"]);
    const calendars = await complete(
      `agreement A "A" {\n  business calendar <|>\n}\ncalendar Office "Office" { monday 09:00 to 17:00 }\n`,
      true,
    );
    expect(labels(calendars)).toEqual(["Office"]);
  });

  it("offers parties after `provider` and `customer`, those with the matching role first", async () => {
    const items = await complete(`service Extra "Extra" {\n  customer <|>\n}\n`);
    expect(labels(items).sort()).toEqual(["Acme", "Globex"]);
    const byOrder = [...items].sort((a, b) => (a.sortText ?? "").localeCompare(b.sortText ?? ""));
    expect(byOrder[0].label).toBe("Globex");
  });

  it("offers services after `service`, objectives after `for` and in `report` lists", async () => {
    expect(labels(await complete(`metric Extra "Extra" {\n  service <|>\n}\n`))).toEqual(["Hosting"]);
    const objectives = ["ApiSpeed", "OutageLimits", "Sev1Support", "Sev2Support", "Uptime"];
    expect(labels(await complete(`remedy Extra "Extra" {\n  for <|>\n}\n`)).sort()).toEqual(objectives);
    expect(labels(await complete(`reporting Extra "Extra" {\n  report Uptime, <|>\n}\n`)).sort()).toEqual(objectives);
  });

  it("offers the window after a target value, as phrases", async () => {
    const items = await complete(`objective Extra "Extra" {\n  metric Availability\n  target at least 99.5% <|>\n}\n`);
    expect(labels(items).sort()).toEqual([
      "per billing month from day",
      "per calendar day",
      "per calendar month",
      "per calendar quarter",
      "per calendar year",
      "per hour",
      "per rolling",
      "per week",
    ]);
  });

  it("offers units after a number where a duration fits, singular after 1", async () => {
    const plural = await complete(`objective Extra "E" {\n  service Hosting\n  response within 15 <|>\n}\n`);
    expect(labels(plural)).toEqual(expect.arrayContaining(["minutes", "hours", "business days", "milliseconds"]));
    const singular = await complete(`objective Extra "E" {\n  service Hosting\n  response within 1 <|>\n}\n`);
    expect(labels(singular)).toEqual(expect.arrayContaining(["minute", "hour", "business day"]));
    const partial = await complete(`objective Extra "E" {\n  service Hosting\n  response within 15 min<|>\n}\n`);
    const minutes = partial.find((i) => i.label === "minutes")!;
    expect(
      (minutes.textEdit as TextEdit).range.end.character - (minutes.textEdit as TextEdit).range.start.character,
    ).toBe(3);
    const business = await complete(`objective Extra "E" {\n  service Hosting\n  response within 2 business h<|>\n}\n`);
    expect(labels(business)).toEqual(["business days", "business hours"]);
    // a severity is a plain number: no units
    expect(labels(await complete(`objective Extra "E" {\n  service Hosting\n  severity 2 <|>\n}\n`))).not.toContain(
      "hours",
    );
  });

  it("offers % right after a number where a percentage fits", async () => {
    const items = await complete(`objective Extra "E" {\n  metric Availability\n  target at least 99.9<|>\n}\n`);
    expect(labels(items)).toContain("%");
  });

  it("offers currency codes after `currency` and the agreement's currency for a fee", async () => {
    expect(labels(await complete(`agreement A "A" {\n  currency <|>\n}\n`, true))).toEqual(
      expect.arrayContaining(["GBP", "EUR", "USD"]),
    );
    const fee = await complete(`service Extra "E" {\n  fee <|>\n}\n`);
    // the agreement's currency for a stated fee, or the words of a fee as charged (for each unit, or of the service)
    expect(labels(fee)).toEqual([
      "as charged for each",
      "as charged per month",
      "as charged per quarter",
      "as charged per year",
      "GBP ",
    ]);
  });

  it("offers time zones inside the string after `timezone`", async () => {
    const items = await complete(`agreement A "A" {\n  timezone "Europe/Lo<|>"\n}\n`, true);
    const london = items.find((i) => i.label === "Europe/London");
    expect(london).toBeDefined();
    expect((london!.textEdit as TextEdit).newText).toBe('"Europe/London"');
  });

  it("offers a snippet for each declaration between declarations, but no second agreement", async () => {
    const items = await complete(`<|>`);
    const snippets = labels(items);
    expect(snippets).toEqual(
      expect.arrayContaining([
        "import",
        "party",
        "calendar",
        "service",
        "metric",
        "objective",
        "remedy",
        "incentive",
        "reporting",
        "clause",
      ]),
    );
    expect(snippets).not.toContain("agreement");
    const objective = items.find((i) => i.label === "objective")!;
    expect(objective.insertTextFormat).toBe(2);
    // the snippet's placeholders name what the contract has
    expect((objective.textEdit as TextEdit).newText).toContain(`metric \${3:Availability}`);
    expect(labels(await complete(`// a new contract\n<|>`, true))).toContain("agreement");
  });

  it("offers the definition's snippets, each form of a kind, with the contract's names in their tab stops", async () => {
    const items = await complete(`<|>`);
    const text = (label: string) => (items.find((i) => i.label === label)!.textEdit as TextEdit).newText;
    const snippets = items.filter((i) => i.insertTextFormat === 2).map((i) => i.label);
    const forms = allSnippets()
      .filter((s) => s.keyword !== "agreement")
      .map((s) => s.snippet.prefix);
    expect(snippets.sort()).toEqual(forms.sort());
    expect(snippets).toEqual(expect.arrayContaining(["objective support", "remedy terminate"]));
    // the service's parties by role, a metric's service, a remedy's objective
    expect(text("service")).toContain(`provider \${3:Acme}\n  customer \${4:Globex}`);
    expect(text("metric")).toContain(`service \${3:Hosting}`);
    expect(text("objective support")).toContain(`service \${3:Hosting}`);
    expect(text("remedy")).toContain(`for \${3:Uptime}`);
    // the rest of the text is the definition's
    const defined = SNIPPETS.metric[0].body.join("\n").replace(`\${3:Service}`, `\${3:Hosting}`);
    expect(text("metric")).toBe(defined);
    // date variables are resolved by the server, as not every client knows them
    const fresh = await complete(`<|>`, true);
    const agreement = (fresh.find((i) => i.label === "agreement")!.textEdit as TextEdit).newText;
    expect(agreement).not.toMatch(/CURRENT_/);
    expect(agreement).toMatch(/effective \$\{4:\d{4}-\d{2}-01\}/);
    // with nothing declared, the definition's defaults stay
    expect((fresh.find((i) => i.label === "metric")!.textEdit as TextEdit).newText).toContain(`service \${3:Service}`);
  });

  it("offers declaration keywords, not snippets, to a client that brings its own snippets", async () => {
    const plain = await startTestServer({ checkWorkspace: false, declarationSnippets: false });
    try {
      const { text, position } = marked(`${HOSTING}\n<|>`);
      await plain.open("file:///completion/plain.sla", text);
      const list = await plain.request<CompletionList>("textDocument/completion", {
        textDocument: { uri: "file:///completion/plain.sla" },
        position,
      });
      const objective = list.items.find((i) => i.label === "objective")!;
      expect(objective.insertTextFormat).not.toBe(2);
      expect((objective.textEdit as TextEdit).newText).toBe("objective");
    } finally {
      await plain.dispose();
    }
  });

  it("offers nothing inside comments and ordinary strings", async () => {
    expect(await complete(`// metric <|>\n`)).toEqual([]);
    expect(await complete(`/* objective\n <|> */\n`)).toEqual([]);
    expect(await complete(`party P "Acme <|>" { role provider }\n`)).toEqual([]);
  });

  it("keeps completing after an earlier mistake in the same declaration", async () => {
    const items = await complete(`objective Extra "E" {\n  target at least per calendar month\n  metric <|>\n}\n`);
    expect(labels(items).sort()).toEqual(["ApiLatency", "Availability"]);
    const keywords = await complete(`objective Extra "E" {\n  target at least per calendar month\n  <|>\n}\n`);
    expect(labels(keywords)).toContain("max total outage");
  });

  it("works in a maintenance block", async () => {
    const items = await complete(`service Extra "E" {\n  exclude maintenance {\n    <|>\n  }\n}\n`);
    expect(labels(items).sort()).toEqual(["at most", "notice"]);
  });
});
