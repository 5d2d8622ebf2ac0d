/**
 * Fees at risk (SLA7xxx): a service's At-Risk Amount, the allocations of its critical service
 * levels against the pool maximum, each objective's minimum against its expected level (the
 * target), and the earn-back period against the term. Each is a term a lawyer would otherwise
 * check by hand in the allocation spreadsheet.
 */
import { durationToSeconds } from "../../budget/budget.ts";
import { type Decimal, plain, toDecimal } from "../../budget/decimal.ts";
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { Range } from "../../syntax/ast.ts";
import { AtRiskDiagnostics, TierDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule, RuleContext } from "../context.ts";
import { goalOf } from "./goals.ts";
import { isWritten, someCheckedProperty } from "./literals.ts";
import { broken, damaged, quantityOf, satisfies, serviceOf, textOf, wantsHigh } from "./support.ts";

const BASIS_WORDS = { month: "monthly", quarter: "quarterly", year: "annual" } as const;

type Objective = { uri: string; declaration: DeclarationOf<"objective"> };

function propertyOf<K extends DeclarationOf<"objective">["properties"][number]["kind"]>(
  context: RuleContext,
  objective: DeclarationOf<"objective">,
  kind: K,
): Extract<DeclarationOf<"objective">["properties"][number], { kind: K }> | undefined {
  const p = objective.properties.find((x) => x.kind === kind && !broken(context, x));
  return p as Extract<DeclarationOf<"objective">["properties"][number], { kind: K }> | undefined;
}

/** SLA7001, SLA7002, SLA7006, SLA7007: critical service levels and the pool they draw on. */
export const allocationRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  if (!someCheckedProperty(context, "critical")) return;
  const byService = new Map<DeclarationOf<"service">, { uri: string; total: Decimal; sites: Range[] }>();
  for (const { uri, declaration: objective } of context.declarations("objective")) {
    const name = objective.name?.text;
    const critical = propertyOf(context, objective, "critical");
    const key = propertyOf(context, objective, "key measurement");
    if (!name || damaged(context, objective)) continue;
    if (critical && key) {
      context.report(
        createDiagnostic(AtRiskDiagnostics.criticalAndKey, { objective: name }, uri, key.keyword ?? key.range),
      );
    }
    if (!critical) continue;
    if (!critical.allocation) {
      context.report(
        createDiagnostic(AtRiskDiagnostics.criticalWithoutAllocation, { objective: name }, uri, critical.range),
      );
    }
    const service = serviceOf(context, objective);
    const serviceName = service?.declaration.name?.text;
    if (!service || !serviceName || damaged(context, service.declaration)) continue;
    if (!service.declaration.properties.some((p) => p.kind === "at risk")) {
      context.report(
        createDiagnostic(
          AtRiskDiagnostics.withoutAtRisk,
          { what: `The critical service level '${name}'`, service: serviceName },
          uri,
          critical.keyword ?? critical.range,
        ),
      );
    }
    const allocation = critical.allocation && !critical.allocation.recovered ? critical.allocation : undefined;
    if (!allocation) continue;
    const entry = byService.get(service.declaration) ?? { uri: service.uri, total: toDecimal(0), sites: [] };
    entry.total = entry.total.plus(toDecimal(allocation.value));
    entry.sites.push(allocation.range);
    byService.set(service.declaration, entry);
  }
  for (const [service, { uri, total }] of byService) {
    const pool = service.properties.find((p) => p.kind === "pool maximum" && !broken(context, p));
    if (pool?.kind !== "pool maximum" || !pool.percentage || pool.percentage.recovered) continue;
    const maximum = toDecimal(pool.percentage.value);
    if (!total.greaterThan(maximum)) continue;
    context.report(
      createDiagnostic(
        AtRiskDiagnostics.allocationsAbovePool,
        { service: service.name?.text ?? "", total: plain(total), maximum: plain(maximum) },
        uri,
        pool.percentage.range,
      ),
    );
  }
};

/** SLA5007, SLA7006: the service's own fees-at-risk terms. */
export const atRiskServiceRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  const written =
    isWritten(context, "at risk") ||
    someCheckedProperty(context, "pool maximum") ||
    someCheckedProperty(context, "earn back");
  if (!written) return;
  for (const { uri, declaration: service } of context.declarations("service")) {
    const name = service.name?.text;
    if (!name || damaged(context, service)) continue;
    const atRisk = service.properties.find((p) => p.kind === "at risk");
    if (atRisk?.kind === "at risk" && atRisk.basis && !service.properties.some((p) => p.kind === "fee")) {
      context.report(
        createDiagnostic(
          TierDiagnostics.percentageOfMissingFee,
          { what: "at-risk amount", basis: BASIS_WORDS[atRisk.basis.period], service: name },
          uri,
          atRisk.basis.range,
        ),
      );
    }
    if (atRisk) continue;
    for (const p of service.properties) {
      if ((p.kind !== "pool maximum" && p.kind !== "earn back") || broken(context, p)) continue;
      const what = p.kind === "pool maximum" ? "A pool maximum" : "Earn-back";
      context.report(
        createDiagnostic(AtRiskDiagnostics.withoutAtRisk, { what, service: name }, uri, p.keyword ?? p.range),
      );
    }
  }
};

/** SLA7003, SLA7004: the minimum service level weighed against the expected one (the target). */
export const minimumRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  if (!someCheckedProperty(context, "minimum")) return;
  for (const objective of context.declarations("objective") as Objective[]) {
    const minimum = propertyOf(context, objective.declaration, "minimum");
    const name = objective.declaration.name?.text;
    if (!minimum?.comparator || !minimum.value || !name) continue;
    const minimumText = textOf(context, objective.uri, {
      start: minimum.comparator.range.start,
      end: minimum.value.range.end,
    });
    const report = (reason: string) =>
      context.report(
        createDiagnostic(
          AtRiskDiagnostics.minimumNotComparable,
          { objective: name, minimum: minimumText, reason },
          objective.uri,
          minimum.range,
        ),
      );
    const hasTarget = objective.declaration.properties.some((p) => p.kind === "target");
    if (!hasTarget) {
      report("has no target to be the expected level: give the objective a `target` (its expected service level)");
      continue;
    }
    const goal = goalOf(context, objective);
    const quantity = quantityOf(minimum.value);
    if (!goal || !quantity?.value) continue;
    if (quantity.dimension !== goal.dimension) {
      report(`is not in the unit of its target (${goal.text})`);
      continue;
    }
    if (wantsHigh(minimum.comparator.op) !== wantsHigh(goal.comparator)) {
      report(`faces the other way from its target (${goal.text})`);
      continue;
    }
    const example = metButFailed(goal.comparator, goal.value, minimum.comparator.op, quantity.value);
    if (example === undefined) continue;
    context.report(
      createDiagnostic(
        AtRiskDiagnostics.expectedLooserThanMinimum,
        {
          objective: name,
          expected: goal.text,
          minimum: minimumText,
          example: goal.dimension === "percentage" ? `${plain(example)}%` : plain(example),
        },
        objective.uri,
        minimum.value.range,
        { related: [{ uri: goal.uri, range: goal.literal.range, message: `The target of '${name}'` }] },
      ),
    );
  }
};

/** A value that meets the expected level and fails the minimum, if one exists. */
function metButFailed(
  expected: Parameters<typeof satisfies>[1],
  e: Decimal,
  minimum: Parameters<typeof satisfies>[1],
  m: Decimal,
): Decimal | undefined {
  for (const v of [e, m, e.plus(m).div(2)]) {
    if (satisfies(v, expected, e) && !satisfies(v, minimum, m)) return v;
  }
  return undefined;
}

/** Months a term certainly lasts at most: a month is at least 28 days. */
function termMonths(amount: string, unit: string): Decimal | undefined {
  if (unit === "month" || unit === "months") return toDecimal(amount);
  if (unit === "year" || unit === "years") return toDecimal(amount).times(12);
  const seconds = durationToSeconds(amount, unit as Parameters<typeof durationToSeconds>[1]);
  return seconds?.div(28 * 86_400);
}

/** SLA7005: an earn-back period no term can hold. */
export const earnBackRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  if (!someCheckedProperty(context, "earn back")) return;
  const agreement = context.agreement();
  const term = agreement?.declaration.properties.find((p) => p.kind === "term" && !broken(context, p));
  if (term?.kind !== "term" || !term.duration || term.duration.recovered) return;
  const months = termMonths(term.duration.amount, term.duration.unit);
  if (months === undefined) return;
  for (const { uri, declaration: service } of context.declarations("service")) {
    const earnBack = service.properties.find((p) => p.kind === "earn back" && !broken(context, p));
    if (earnBack?.kind !== "earn back" || !earnBack.windows || earnBack.windows.recovered) continue;
    const n = toDecimal(earnBack.windows.value);
    if (!n.greaterThan(months)) continue;
    context.report(
      createDiagnostic(
        AtRiskDiagnostics.earnBackLongerThanTerm,
        { months: plain(n), term: textOf(context, agreement!.uri, term.duration.range) },
        uri,
        earnBack.windows.range,
        { related: [{ uri: agreement!.uri, range: term.duration.range, message: "The agreement's term" }] },
      ),
    );
  }
};
