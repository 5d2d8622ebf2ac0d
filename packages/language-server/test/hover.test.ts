import type { CodeLens, Hover, InlayHint, MarkupContent } from "vscode-languageserver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTING, marked, positionOf, startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
let count = 0;
beforeAll(async () => {
  server = await startTestServer({ checkWorkspace: false });
});
afterAll(async () => {
  await server.dispose();
});

async function hoverAt(source: string): Promise<string | undefined> {
  const { text, position } = marked(source);
  const uri = `file:///hover/${++count}.sla`;
  await server.open(uri, text);
  const hover = await server.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position });
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

/** The hosting contract with the marker placed `delta` characters into the `n`-th `needle`. */
function inHosting(needle: string, delta = 1, n = 0): string {
  let at = -1;
  for (let i = 0; i <= n; i++) at = HOSTING.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in the fixture`);
  return `${HOSTING.slice(0, at + delta)}<|>${HOSTING.slice(at + delta)}`;
}

describe("hover", () => {
  it("explains a keyword, a property and a declaration keyword", async () => {
    const property = await hoverAt(inHosting("max total outage", 5));
    expect(property).toContain("**max total outage**");
    expect(property).toContain("a window with more is one breach");
    const declaration = await hoverAt(inHosting("remedy UptimeCredits", 2));
    expect(declaration).toContain("**remedy**");
    const word = await hoverAt(inHosting("per calendar month", 1));
    expect(word).toContain("**per**");
    const comparator = await hoverAt(inHosting("below 99.0%", 2));
    expect(comparator).toContain("Strictly less than X");
  });

  it("describes a name: kind, title, where declared", async () => {
    const text = await hoverAt(inHosting("provider Acme", 10));
    expect(text).toContain("(party) **Acme** — Acme Hosting Ltd.");
    expect(text).toMatch(/Declared in `\d+\.sla`, line 15\./);
    expect(text).toContain("Role: provider.");
    expect(await hoverAt(inHosting("metric Availability\n  target", 9))).toContain("`type availability`");
  });

  it("shows the downtime an availability target allows, for each length of month", async () => {
    const text = await hoverAt(inHosting("99.9% per calendar month", 2));
    expect(text).toContain("**Target at least 99.9% per calendar month** allows this much downtime:");
    expect(text).toContain("| 28-day month | 40m 19.2s |");
    expect(text).toContain("| 30-day month | 43m 12s |");
    expect(text).toContain("| 31-day month | 44m 38.4s |");
    // an objective's name shows its target and the same budgets
    const objective = await hoverAt(inHosting("objective Uptime", 12));
    expect(objective).toContain("`target at least 99.9% per calendar month`");
    expect(objective).toContain("| 30-day month | 43m 12s |");
  });

  it("shows a remedy's credit tiers on its name and on its `for` reference", async () => {
    const remedy = await hoverAt(inHosting("remedy UptimeCredits", 9));
    expect(remedy).toContain("| below 99.9% | 10% of monthly fee |");
    expect(remedy).toContain("| below 95.0% | 100% of monthly fee |");
    expect(remedy).toContain("Capped at 100% of monthly fee per calendar month.");
    const forReference = await hoverAt(inHosting("for Uptime\n  credit", 5));
    expect(forReference).toContain("(objective) **Uptime**");
    expect(forReference).toContain("Credits of remedy `UptimeCredits`");
    expect(forReference).toContain("| below 99.0% | 25% of monthly fee |");
    const each = await hoverAt(inHosting("for OutageLimits\n  credit", 5));
    expect(each).toContain("| for each breach | 5% of monthly fee |");
  });

  it("says so for a name that is not declared, and is quiet on comments, strings and space", async () => {
    expect(await hoverAt(`objective O { metric Nowher<|>e }`)).toContain("no metric of this name is declared");
    expect(await hoverAt(inHosting("// IANA name", 4))).toBeUndefined();
    expect(await hoverAt(inHosting('"Acme Hosting Ltd."', 3))).toBeUndefined();
    expect(await hoverAt(`\n<|>\n`)).toBeUndefined();
  });
});

describe("inlay hints", () => {
  it("puts the downtime allowed beside each availability target", async () => {
    const uri = "file:///hover/inlay.sla";
    await server.open(uri, HOSTING);
    const hints = await server.request<InlayHint[]>("textDocument/inlayHint", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } },
    });
    expect(hints).toHaveLength(1);
    const [hint] = hints;
    expect(hint.label).toBe("≈ 43m 12s/30 d");
    const target = positionOf(
      HOSTING,
      "target at least 99.9% per calendar month",
      "target at least 99.9% per calendar month".length,
    );
    expect(hint.position).toEqual(target);
    expect((hint.tooltip as MarkupContent).value).toContain("| 28-day month | 40m 19.2s |");
  });

  it("uses ≤ for a fixed window and leaves other targets alone", async () => {
    const uri = "file:///hover/inlay-week.sla";
    await server.open(uri, HOSTING.replace("99.9% per calendar month\n}", "99.5% per week\n}"));
    const hints = await server.request<InlayHint[]>("textDocument/inlayHint", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } },
    });
    expect(hints.map((h) => h.label)).toEqual(["≤ 50m 24s/7 d"]);
  });

  it("states the budget on scheduled time for a service that runs on a calendar", async () => {
    const uri = "file:///hover/inlay-calendar.sla";
    const text = HOSTING.replace("hours 24x7", "hours BusinessHours");
    expect(text).not.toBe(HOSTING);
    await server.open(uri, text);
    const hints = await server.request<InlayHint[]>("textDocument/inlayHint", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } },
    });
    // 10 working hours a weekday, not 24 hours a day: 0.1% of 200–230 scheduled hours a month in the term.
    expect(hints.map((h) => h.label)).toEqual(["≤ 12m–13m 48s (scheduled time)"]);
    const tooltip = (hints[0].tooltip as MarkupContent).value;
    expect(tooltip).toContain("Scheduled time × 0.1%");
    expect(tooltip).not.toContain("40m 19.2s");
  });
});

describe("budgets of a rolling window, from the contract model", () => {
  const ROLLING = HOSTING.replace("99.9% per calendar month\n}", "99.9% per rolling 30 days\n}");

  it("shows the budget of a `per rolling N days` target in the hover, the inlay hint and the code lens", async () => {
    expect(ROLLING).not.toBe(HOSTING);
    const at = ROLLING.indexOf("99.9% per rolling 30 days") + 2;
    const hover = await hoverAt(`${ROLLING.slice(0, at)}<|>${ROLLING.slice(at)}`);
    expect(hover).toContain("**Target at least 99.9% per rolling 30 days** allows this much downtime:");
    expect(hover).toContain("| 43m 12s |");

    const uri = "file:///hover/inlay-rolling.sla";
    await server.open(uri, ROLLING);
    const hints = await server.request<InlayHint[]>("textDocument/inlayHint", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } },
    });
    // one length only: exactly this much, not "about"
    expect(hints.map((h) => h.label)).toEqual(["≤ 43m 12s/30 d"]);
    const lenses = await server.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
    expect(lenses.map((l) => l.command?.title)).toContain("Permitted downtime: 43m 12s per 30-day rolling window");
  });

  it("gives each objective its own budgets, even one whose name is declared twice", async () => {
    // the second `Uptime` (a duplicate name, SLA2001) has a target of its own: the hint beside it
    // shows its own budget, not the first declaration's
    const second = HOSTING.replace(
      /objective Uptime [\s\S]*?\n}\n/,
      (first) => `${first}\n${first.replace("99.9% per calendar month", "99% per rolling 10 days")}`,
    );
    expect(second).not.toBe(HOSTING);
    const uri = "file:///hover/inlay-duplicate.sla";
    await server.open(uri, second);
    const hints = await server.request<InlayHint[]>("textDocument/inlayHint", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } },
    });
    expect(hints.map((h) => h.label)).toEqual(["≈ 43m 12s/30 d", "≤ 2h 24m/10 d"]);
  });
});
