/**
 * The language's definition is the one source of the grammar, the AST builders, the literal walker,
 * the reference sites and the hover docs. One written example per property kind (a missing kind is
 * a compile error, as the table is typed by the AST's kinds) runs through all of them.
 */
import { describe, expect, it } from "vitest";
import { forEachLiteral, type Literal } from "../../src/check/rules/literals.ts";
import { referenceSites } from "../../src/check/references.ts";
import {
  DECLARATIONS,
  DEFINITION_KEYWORDS,
  PROPERTIES,
  PROPERTY_BY_RULE,
  PROPERTY_DOCS,
} from "../../src/definition/index.ts";
import { type Declaration, declarationsOf, KEYWORDS, parse, type Property } from "../../src/index.ts";

type Kind = Property["kind"];

/** Where each kind can be written, and one way of writing it. */
const EXAMPLES: Record<Kind, [declaration: string, text: string, keyword: string]> = {
  version: ["agreement", 'version "1.0"', "version"],
  effective: ["agreement", "effective 2026-01-01", "effective"],
  term: ["agreement", "term 12 months", "term"],
  renewal: ["agreement", "renewal automatic 12 months, notice 90 days", "renewal"],
  timezone: ["agreement", 'timezone "Europe/London"', "timezone"],
  currency: ["agreement", "currency GBP", "currency"],
  "governing law": ["agreement", 'governing law "England"', "governing law"],
  "business calendar": ["agreement", "business calendar Office", "business calendar"],
  role: ["party", "role provider", "role"],
  address: ["party", 'address "1 High Street"', "address"],
  contact: ["party", 'contact "sla@example.com"', "contact"],
  called: ["party", 'called "Supplier"', "called"],
  "known as": ["party", 'known as "AWS"', "known as"],
  schedule: ["agreement", 'schedule 3 to "Master Services Agreement" dated 2026-01-15', "schedule"],
  "master terms": ["agreement", 'master terms "Services", "Charges"', "master terms"],
  placement: ["clause", "in exclusions", "in"],
  define: ["agreement", 'define "Incident" as "an unplanned interruption"', "define"],
  "working hours": ["calendar", "monday to friday 08:00 to 18:00", "monday"],
  holidays: ["calendar", "holidays 2026-12-25, 2026-12-26", "holidays"],
  provider: ["service", "provider Acme", "provider"],
  customer: ["service", "customer Globex", "customer"],
  fee: ["service", "fee GBP 1,000.00 per month", "fee"],
  hours: ["service", "hours Office", "hours"],
  exclude: ["service", "exclude maintenance { notice 5 days at most 4 hours per calendar month }", "exclude"],
  notice: ["remedy", "notice 30 days", "notice"],
  allowance: ["service", "exclude maintenance { at most 4 hours per rolling 30 days }", "at most"],
  service: ["metric", "service Hosting", "service"],
  type: ["metric", "type latency percentile 95", "type"],
  "measured by": ["metric", 'measured by "probes"', "measured by"],
  downtime: ["metric", 'downtime "no answer"', "downtime"],
  "downtime slice": ["metric", "downtime per 1 minute when error rate above 5%", "downtime per"],
  indicator: ["metric", 'indicator prometheus histogram "latency_bucket" below 300 milliseconds', "indicator"],
  metric: ["objective", "metric Uptime", "metric"],
  target: ["objective", "target at least 99.9% per calendar month", "target"],
  "max outage per incident": ["objective", "max outage per incident 30 minutes", "max outage per incident"],
  "max total outage": ["objective", "max total outage 4 hours per calendar quarter", "max total outage"],
  severity: ["objective", 'severity 1 "Down"', "severity"],
  response: ["objective", "response within 15 minutes during Office", "response"],
  resolution: ["objective", "resolution within 4 hours during 24x7", "resolution"],
  tickets: ["objective", "at least 95% of tickets per calendar month", "at"],
  "change of control": [
    "agreement",
    "change of control of provider, notice within 10 business days, right to terminate within 6 months, remains in force",
    "change of control",
  ],
  measurer: ["metric", "measurer independent party", "measurer"],
  "data source": ["metric", 'data source "Dynatrace"', "data source"],
  sample: ["metric", 'sample every 1 minute, method "synthetic transactions"', "sample"],
  gaps: ["metric", 'gaps "count as downtime"', "gaps"],
  outcome: ["incentive", 'outcome Claims "Claims processed in two business days" per calendar month', "outcome"],
  "gain share": ["incentive", "gain share 2% of monthly fee when at least 98%", "gain share"],
  "pain share": ["incentive", "pain share 1% of monthly fee when below 90% but at least 80%", "pain share"],
  "at risk": ["service", "at risk 12% of monthly fee", "at risk"],
  "pool maximum": ["service", "pool maximum 250%", "pool maximum"],
  "earn back": ["service", "earn back after 3 consecutive months", "earn back"],
  critical: ["objective", "critical allocation 40%", "critical"],
  minimum: ["objective", "minimum at least 99.5%", "minimum"],
  "for each": ["objective", "for each region", "for each"],
  "key measurement": ["objective", "key measurement, promotion notice 90 days", "key measurement"],
  for: ["remedy", "for Uptime", "for"],
  credit: ["remedy", "credit 10% of monthly fee when below 99.9%", "credit"],
  "credits cumulative": ["remedy", "credits are cumulative", "credits are"],
  "cap all credits": ["service", "cap all credits at 50% of monthly fee per calendar month", "cap all credits"],
  "minimum credit": ["remedy", "minimum credit GBP 1.00", "minimum credit"],
  cap: ["remedy", "cap 100% of monthly fee per calendar month", "cap"],
  claim: ["remedy", "claim within 30 days", "claim"],
  "sole remedy": ["remedy", "sole remedy", "sole remedy"],
  action: ["remedy", 'action "Root cause analysis" within 5 business days', "action"],
  terminate: ["remedy", "terminate when breached 3 times within 6 months", "terminate"],
  exercise: ["remedy", "exercise within 30 days", "exercise within"],
  bonus: ["incentive", "bonus 5% of annual fee when above 99.99% for 3 consecutive months", "bonus"],
  report: ["reporting", "report Uptime, Support monthly within 5 business days", "report"],
  review: ["reporting", "review quarterly", "review"],
  text: ["clause", 'text """\n  Words.\n"""', "text"],
};

function parsed(kind: Kind): { text: string; declaration: Declaration; property: Property } {
  const [declaration, body] = EXAMPLES[kind];
  const text = `${declaration} Example {\n  ${body}\n}\n`;
  const result = parse(text);
  expect(result.diagnostics, text).toEqual([]);
  const [built] = declarationsOf(result.file);
  const top = built.properties[0];
  // the maintenance properties sit inside an `exclude`
  const property = top.kind === "exclude" && kind !== "exclude" ? top.properties[0] : top;
  return { text, declaration: built, property };
}

const LITERAL_KINDS = new Set(["Percentage", "Duration", "Money", "Date", "Time", "Number", "Window"]);
const SKIPPED = new Set(["range", "keyword", "typeRange", "roleRange", "body"]);

function nodesOf(node: unknown, kinds: ReadonlySet<string>, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) {
    for (const child of node) nodesOf(child, kinds, out);
    return out;
  }
  if (node === null || typeof node !== "object") return out;
  const n = node as Record<string, unknown>;
  if (typeof n.kind === "string" && kinds.has(n.kind)) out.push(node);
  for (const key of Object.keys(n)) if (!SKIPPED.has(key)) nodesOf(n[key], kinds, out);
  return out;
}

describe("the language definition", () => {
  const kinds = Object.keys(EXAMPLES) as Kind[];

  it("defines exactly the AST's property kinds", () => {
    expect(new Set(PROPERTIES.flatMap((p) => Object.keys(p.kinds)))).toEqual(new Set(kinds));
  });

  it.each(kinds)("parses and builds '%s' from its definition", (kind) => {
    const { text, property } = parsed(kind);
    expect(property.kind).toBe(kind);
    expect(text.slice(property.keyword.start.offset, property.keyword.end.offset)).toBe(EXAMPLES[kind][2]);
  });

  it.each(kinds)("has hover documentation for '%s'", (kind) => {
    expect(PROPERTY_DOCS[kind]?.syntax).toBeTruthy();
    expect(PROPERTY_DOCS[kind]?.meaning).toBeTruthy();
  });

  it.each(kinds)("walks every literal of '%s'", (kind) => {
    const { property } = parsed(kind);
    const visited: Literal[] = [];
    forEachLiteral(property, (literal) => visited.push(literal));
    expect(new Set(visited)).toEqual(new Set(nodesOf(property, LITERAL_KINDS)));
  });

  it.each(kinds)("finds every name that '%s' refers to", (kind) => {
    const { declaration, property } = parsed(kind);
    // a currency code, an outcome's name and a unit's name are identifiers that name no declaration
    const names =
      kind === "currency" || kind === "outcome" || kind === "for each"
        ? []
        : nodesOf(property, new Set(["Identifier"]));
    const sites = referenceSites(declaration).filter((s) => s.property === property);
    expect(sites.map((s) => s.identifier)).toEqual(names);
  });

  it("lists only rules it defines, and uses every property rule somewhere", () => {
    const held = new Set<string>();
    for (const d of DECLARATIONS) for (const rule of d.properties) held.add(rule);
    for (const p of PROPERTIES) {
      for (const e of p.syntax) if (e.kind === "choice") for (const alt of e.alternatives) collectBlocks(alt, held);
    }
    for (const rule of held) expect(PROPERTY_BY_RULE.has(rule), rule).toBe(true);
    expect(new Set(PROPERTIES.map((p) => p.rule))).toEqual(held);
  });

  it("reserves exactly the words it uses", () => {
    expect([...KEYWORDS].sort()).toEqual([...new Set(DEFINITION_KEYWORDS)].sort());
  });
});

function collectBlocks(elements: readonly { kind: string }[], into: Set<string>): void {
  for (const e of elements as readonly import("../../src/definition/index.ts").Element[]) {
    if (e.kind === "block") for (const rule of e.rules) into.add(rule);
    else if (e.kind === "optional") collectBlocks(e.elements, into);
  }
}

// The definition spells out the declaration kinds (the AST's types are read off it): they must agree.
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
const sameDeclarationKinds: Equal<
  import("../../src/definition/shape.ts").DeclarationKind,
  import("../../src/syntax/ast.ts").DeclarationKind
> = true;
it("spells the declaration kinds as the AST does", () => expect(sameDeclarationKinds).toBe(true));
