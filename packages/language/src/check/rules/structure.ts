/**
 * Structure (brief §3.2): one agreement; a provider and a customer party; services' parties in
 * those roles; no property given twice where one makes sense; no required property missing.
 */
import { NEEDS_BY_KIND, propertyWords, REPEAT_BY_KIND } from "../../definition/index.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { DiagnosticFix } from "../../diagnostics/diagnostic.ts";
import type { Declaration, MetricType, PartyRole, Property, WindowNode } from "../../syntax/ast.ts";
import { StructureDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule, RuleContext } from "../context.ts";
import {
  broken,
  damaged,
  insertPropertyFix,
  metricOf,
  metricTypeOf,
  namesOf,
  positionOf,
  removePropertyEdit,
  rollingDays,
} from "./support.ts";
import { someCheckedProperty } from "./literals.ts";

export const agreementRule: Rule = (context) => {
  const agreements = context.declarations("agreement");
  const first = agreements[0];
  if (!first) return;
  for (const { uri, declaration } of agreements.slice(1)) {
    if (
      !declaration.name ||
      !first.declaration.name ||
      damaged(context, declaration) ||
      damaged(context, first.declaration)
    ) {
      continue;
    }
    context.report(
      createDiagnostic(
        StructureDiagnostics.multipleAgreements,
        { name: declaration.name.text, first: first.declaration.name.text },
        uri,
        declaration.name.range,
        {
          related: [{ uri: first.uri, range: first.declaration.name.range, message: "The agreement is declared here" }],
        },
      ),
    );
  }

  // With a failed import or a syntax error, the missing party may simply be unreadable.
  if (context.program.incomplete || !first.declaration.name) return;
  for (const uri of context.program.files.keys()) if (context.hasSyntaxErrors(uri)) return;
  const roles = new Set<PartyRole>();
  for (const { declaration } of context.declarations("party")) {
    for (const p of declaration.properties) if (p.kind === "role" && p.role) roles.add(p.role);
  }
  const agreement = first.declaration;
  const name = first.declaration.name;
  for (const role of ["provider", "customer"] as const) {
    if (roles.has(role)) continue;
    const partyName = role === "provider" ? "Provider" : "Customer";
    const fixes: DiagnosticFix[] = [];
    if (!context.binding.symbols.has(partyName)) {
      const at = positionOf(context, first.uri, agreement.range.end.offset);
      fixes.push({
        title: `Add a ${role} party`,
        edits: [
          {
            uri: first.uri,
            range: { start: at, end: at },
            newText: `\n\nparty ${partyName} "${partyName}" { role ${role} }`,
          },
        ],
      });
    }
    context.report(
      createDiagnostic(
        role === "provider" ? StructureDiagnostics.noProvider : StructureDiagnostics.noCustomer,
        { name: name.text },
        first.uri,
        name.range,
        { fixes },
      ),
    );
  }
};

/** Each service's `provider` and `customer` name parties with those roles. */
export const serviceRolesRule: Rule = (context) => {
  // a contract names the same few parties from every service: each party's role is read once
  const roles = new Map<DeclarationOf<"party">, Property | undefined>();
  const roleOf = (party: DeclarationOf<"party">) => {
    if (roles.has(party)) return roles.get(party);
    const role = party.properties.find((r) => r.kind === "role" && !broken(context, r) && r.role);
    roles.set(party, role);
    return role;
  };
  for (const { uri, declaration } of context.declarations("service")) {
    for (const p of declaration.properties) {
      if ((p.kind !== "provider" && p.kind !== "customer") || broken(context, p) || !p.party) continue;
      const party = context.resolve(p.party, "party");
      if (!party) continue;
      const role = roleOf(party.declaration);
      if (role?.kind !== "role" || !role.role || role.role === p.kind) continue;
      const candidates = namesOf(context, "party", (d) =>
        d.properties.some((r) => r.kind === "role" && r.role === p.kind),
      );
      context.report(
        createDiagnostic(
          StructureDiagnostics.wrongRole,
          { party: p.party.text, expected: p.kind, service: declaration.name?.text ?? "", actual: role.role },
          uri,
          p.party.range,
          {
            related: [
              {
                uri: party.uri,
                range: role.roleRange ?? role.range,
                message: `'${p.party.text}' has the role ${role.role}`,
              },
            ],
            fixes: candidates.map((name, i) => ({
              title: `Change to '${name}'`,
              edits: [{ uri, range: p.party!.range, newText: name }],
              preferred: i === 0 && candidates.length === 1,
            })),
          },
        ),
      );
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Properties given twice

function windowKey(window: WindowNode | undefined): string | undefined {
  if (!window || window.recovered) return undefined;
  return window.period === "rolling" ? `rolling ${rollingDays(window) ?? window.length?.amount}` : window.period;
}

/** `max total outage … per calendar month`: the key of a limit per window, each text built once per check. */
function perWindowKey(keys: Map<string, string>, what: string, window: WindowNode | undefined): string | undefined {
  const w = windowKey(window);
  if (w === undefined) return undefined;
  const cached = keys.get(w);
  if (cached !== undefined) return cached;
  const key = `${what} … per ${w}`;
  keys.set(w, key);
  return key;
}

/**
 * What makes two properties "the same": the definition says which kinds are given once and which
 * any number of times; limits and exclusions are once per window or cause. The key is also the
 * label of the property in messages.
 */
function propertyKey(p: Property, windowKeys: WindowKeys): string | undefined {
  switch (REPEAT_BY_KIND[p.kind]) {
    case "many":
      return undefined;
    case "once":
      return p.kind;
  }
  switch (p.kind) {
    case "exclude":
      return p.cause ? `exclude ${p.cause}` : undefined;
    case "max total outage":
      return perWindowKey(windowKeys.outage, "max total outage", p.window);
    case "allowance":
      return perWindowKey(windowKeys.allowance, "at most", p.window);
    case "tickets":
      return "… of tickets";
    default:
      return p.kind;
  }
}

interface WindowKeys {
  outage: Map<string, string>;
  allowance: Map<string, string>;
}

function checkDuplicates(
  context: RuleContext,
  uri: string,
  owner: string,
  properties: readonly Property[],
  windowKeys: WindowKeys,
  nested = false,
): void {
  // Declarations have a handful of properties: a list beats a map. Every declaration's check reuses
  // one pair of lists (an exclusion's own check, inside it, has its own), filled to `count`: setting
  // their length to 0 would give up their storage, to be grown again for the next declaration.
  const keys: string[] = nested ? [] : DECLARATION_KEYS;
  const firsts: (Property | undefined)[] = nested ? [] : DECLARATION_FIRSTS;
  let count = 0;
  for (const p of properties) {
    if (broken(context, p)) continue;
    const key = propertyKey(p, windowKeys);
    if (key !== undefined) {
      let index = count - 1;
      while (index >= 0 && keys[index] !== key) index--;
      if (index >= 0) {
        context.report(
          createDiagnostic(StructureDiagnostics.duplicateProperty, { property: key, kind: owner }, uri, p.keyword, {
            related: [{ uri, range: firsts[index]!.keyword, message: `'${key}' is first given here` }],
            fixes: [{ title: `Remove the second '${key}'`, edits: [removePropertyEdit(context, uri, p)] }],
          }),
        );
      } else {
        keys[count] = key;
        firsts[count++] = p;
      }
    }
    if (p.kind === "exclude" && p.cause === "maintenance" && p.properties.length > 1) {
      checkDuplicates(context, uri, "maintenance exclusion", p.properties, windowKeys, true);
    }
  }
  firsts.fill(undefined, 0, count); // keeps no node alive
}

const DECLARATION_KEYS: string[] = [];
const DECLARATION_FIRSTS: (Property | undefined)[] = [];

/** SLA3010: a property that qualifies another (its row's `needs`) in a declaration without that one. */
export const qualifiedPropertyRule: Rule = (context) => {
  // only a contract that writes a qualifying property can break this rule (see someCheckedProperty)
  if (!QUALIFYING_KINDS.some((kind) => someCheckedProperty(context, kind))) return;
  for (const { uri, declaration } of context.binding.declarations) {
    for (const p of declaration.properties) {
      const needed = NEEDS_BY_KIND[p.kind];
      if (needed === undefined || broken(context, p) || declaration.properties.some((q) => q.kind === needed)) continue;
      // near a syntax error the parser may have dropped the property it needs
      if (damaged(context, declaration)) continue;
      const property = propertyWords(p.kind);
      context.report(
        createDiagnostic(
          StructureDiagnostics.withoutQualified,
          { property, needed: propertyWords(needed), kind: declaration.kind },
          uri,
          p.keyword,
          { fixes: [{ title: `Remove '${property}'`, edits: [removePropertyEdit(context, uri, p)] }] },
        ),
      );
    }
  }
};

/** The kinds of property that qualify another (`notice` qualifies `terminate`). */
const QUALIFYING_KINDS = Object.keys(NEEDS_BY_KIND) as Property["kind"][];

export const duplicatePropertyRule: Rule = (context) => {
  const windowKeys: WindowKeys = { outage: new Map(), allowance: new Map() };
  for (const { uri, declaration } of context.binding.declarations) {
    checkDuplicates(context, uri, declaration.kind, declaration.properties, windowKeys);
  }
};

// ---------------------------------------------------------------------------------------------
// Required properties

const METRIC_TYPES: MetricType[] = [
  "availability",
  "latency",
  "error rate",
  "success rate",
  "response time",
  "resolution time",
];

/** A starting target for an objective, by what its metric measures: the user edits the number. */
const TARGET_TEMPLATES: Record<MetricType, string> = {
  availability: "target at least 99.9% per calendar month",
  "error rate": "target at most 1% per calendar month",
  "success rate": "target at least 99.9% per calendar month",
  latency: "target at most 300 milliseconds per calendar month",
  "response time": "target at most 1 hour per calendar month",
  "resolution time": "target at most 8 hours per calendar month",
};

interface Missing {
  problem: string;
  /** Property texts to offer as fixes, best first. */
  insert: string[];
  /** Fix titles, when not `Add '<text>'`. */
  titles?: string[];
}

function has(declaration: Declaration, kind: Property["kind"], orKind: Property["kind"] = kind): boolean {
  for (const p of declaration.properties) if (p.kind === kind || p.kind === orKind) return true;
  return false;
}

function missingOfObjective(context: RuleContext, objective: DeclarationOf<"objective">): Missing | undefined {
  // what the objective holds, in one pass over its properties
  let hasMetric = false;
  let hasService = false;
  let hasTarget = false;
  let support = false;
  let share = false;
  let limits = false;
  for (const p of objective.properties) {
    const kind = p.kind;
    if (kind === "metric") hasMetric = true;
    else if (kind === "service") hasService = true;
    else if (kind === "target") hasTarget = true;
    else if (kind === "response" || kind === "resolution") support = true;
    else if (kind === "tickets") share = true;
    else if (kind === "max outage per incident" || kind === "max total outage") limits = true;
  }
  if (!hasMetric && !hasService) {
    const options = hasTarget
      ? namesOf(context, "metric").map((n) => `metric ${n}`)
      : [
          ...namesOf(context, "metric", undefined, 3).map((n) => `metric ${n}`),
          ...namesOf(context, "service", undefined, 3).map((n) => `service ${n}`),
        ];
    return { problem: "names neither a 'metric' nor a 'service' that it is about.", insert: options };
  }
  if (hasTarget && !hasMetric) {
    return {
      problem: "has a 'target' but no 'metric' that the target measures.",
      insert: namesOf(context, "metric").map((n) => `metric ${n}`),
    };
  }
  if (support && !share) {
    return {
      problem:
        "has support terms but no share of tickets that must meet them, such as 'at least 95% of tickets per calendar month'.",
      insert: ["at least 95% of tickets per calendar month"],
      titles: ["Add a share of tickets (edit the percentage)"],
    };
  }
  if (share && !support) {
    return {
      problem: "has a share of tickets but no 'response' or 'resolution' time for them to meet.",
      insert: ["response within 1 hour"],
      titles: ["Add a response time (edit the duration)"],
    };
  }
  if (!hasTarget && !support && !limits) {
    const metric = metricOf(context, objective);
    const type = metric && metricTypeOf(context, metric.declaration)?.type;
    const insert = type ? TARGET_TEMPLATES[type] : hasMetric ? undefined : "max total outage 1 hour per calendar month";
    return {
      problem:
        "has nothing to meet: give it a 'target', a 'max outage per incident' or 'max total outage' limit, or support terms ('response' or 'resolution' with a share of tickets).",
      insert: insert ? [insert] : [],
      titles: insert ? [`Add '${insert}' (edit the value)`] : [],
    };
  }
  return undefined;
}

function missingOf(context: RuleContext, declaration: Declaration): Missing[] {
  switch (declaration.kind) {
    case "objective": {
      const missing = missingOfObjective(context, declaration);
      return missing ? [missing] : [];
    }
    case "metric":
      return has(declaration, "type")
        ? []
        : [
            {
              problem:
                "has no 'type': availability, latency, error rate, success rate, response time or resolution time.",
              insert: METRIC_TYPES.map((t) => `type ${t}`),
            },
          ];
    case "remedy":
    case "incentive":
      // an incentive on a business outcome pays on its own records, not on an objective
      return has(declaration, "for") || has(declaration, "outcome")
        ? []
        : [
            {
              problem: `does not say which objective it is 'for'.`,
              insert: namesOf(context, "objective").map((n) => `for ${n}`),
            },
          ];
    case "service": {
      const result: Missing[] = [];
      for (const role of ["provider", "customer"] as const) {
        if (has(declaration, role)) continue;
        const parties = namesOf(context, "party", (d) =>
          d.properties.some((p) => p.kind === "role" && p.role === role),
        );
        result.push({
          problem: `has no '${role}': name the party that ${role === "provider" ? "provides" : "receives"} it.`,
          insert: parties.map((n) => `${role} ${n}`),
        });
      }
      return result;
    }
    case "party":
      return has(declaration, "role")
        ? []
        : [{ problem: "has no 'role': provider or customer.", insert: ["role provider", "role customer"] }];
    default:
      return [];
  }
}

export const requiredPropertyRule: Rule = (context) => {
  for (const { uri, declaration } of context.binding.declarations) {
    if (!declaration.name || !declaration.body) continue;
    const missing = missingOf(context, declaration);
    if (missing.length === 0 || damaged(context, declaration)) continue;
    for (const m of missing) {
      const fixes = m.insert
        .map((text, i) => insertPropertyFix(context, uri, declaration, text, m.titles?.[i], m.insert.length === 1))
        .filter((f): f is DiagnosticFix => f !== undefined);
      context.report(
        createDiagnostic(
          StructureDiagnostics.missingProperty,
          { kind: declaration.kind, name: declaration.name.text, problem: m.problem },
          uri,
          declaration.name.range,
          { fixes },
        ),
      );
    }
  }
};

export const STRUCTURE_RULES: Rule[] = [
  agreementRule,
  serviceRolesRule,
  duplicatePropertyRule,
  requiredPropertyRule,
  qualifiedPropertyRule,
];
