/**
 * SLA5015 and SLA5016: objectives held `for each region` and fees stated `for each instance`. The
 * engine evaluates a per-unit objective once per unit, from that unit's records, and takes a
 * unit's credit of that unit's fee; so a percentage of a fee must be of a fee of the same unit as
 * the objective it is paid for, and what is judged over the service as a whole (a bonus, fees at
 * risk) cannot be of a per-unit objective or fee; a cap on all the service's credits counts every
 * unit's and, with a fee per unit, is of the sum of the units' fees. A record carries one `unit`,
 * so the per-unit objectives of one service hold for one kind of unit.
 */
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { Property, Range } from "../../syntax/ast.ts";
import { TierDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule, RuleContext } from "../context.ts";
import { someCheckedProperty } from "./literals.ts";
import { broken, metricOf, serviceOf } from "./support.ts";

type Objective = DeclarationOf<"objective">;
type Service = DeclarationOf<"service">;

/** The unit an objective holds for each of, as written. */
function unitOf(context: RuleContext, objective: Objective): string | undefined {
  const p = objective.properties.find((x) => x.kind === "for each");
  return p?.kind === "for each" && !broken(context, p) ? p.unit?.text : undefined;
}

/** The service's fee, when it states one: `unit` is the unit it is per, if any. */
function feeOf(context: RuleContext, service: Service): { unit: string | undefined } | undefined {
  const p = service.properties.find((x) => x.kind === "fee");
  if (p?.kind !== "fee" || broken(context, p)) return undefined;
  return { unit: p.unit?.text };
}

function basisOf(p: Property): { range: Range; period: string } | undefined {
  return "basis" in p && p.basis ? { range: p.basis.range, period: `${BASIS[p.basis.period]}` } : undefined;
}

const BASIS = { month: "monthly", quarter: "quarterly", year: "annual" } as const;

function mismatch(context: RuleContext, uri: string, p: Property, reason: string): void {
  const basis = basisOf(p);
  if (!basis) return;
  context.report(
    createDiagnostic(TierDiagnostics.unitFeeMismatch, { what: p.kind, basis: basis.period, reason }, uri, basis.range),
  );
}

function notEvaluated(
  context: RuleContext,
  uri: string,
  objective: Objective,
  unit: string,
  reason: string,
  range: Range,
) {
  const name = objective.name?.text ?? "this objective";
  context.report(createDiagnostic(TierDiagnostics.perUnitNotEvaluated, { objective: name, unit, reason }, uri, range));
}

export const perUnitFeeRule: Rule = (context) => {
  // without a unit on an objective or a fee, every objective's unit and every fee's is the same (none)
  const units =
    someCheckedProperty(context, "for each") || someCheckedProperty(context, "fee", (p) => p.unit !== undefined);
  if (!units) return;
  for (const { uri, declaration: remedy } of context.declarations("remedy")) {
    const target = objectiveFor(context, remedy);
    const service = target && serviceOf(context, target.declaration)?.declaration;
    const fee = service && feeOf(context, service);
    if (!target || !service || !fee) continue;
    const unit = unitOf(context, target.declaration);
    if (unit === fee.unit) continue;
    const objective = target.declaration.name?.text;
    const serviceName = service.name?.text;
    const reason =
      unit === undefined
        ? `'${serviceName}' states its fee per ${fee.unit}, and '${objective}' is not held for each ${fee.unit}: add \`for each ${fee.unit}\` to it, or state the fee of the whole service`
        : fee.unit === undefined
          ? `'${objective}' holds for each ${unit}, and '${serviceName}' states one fee for the whole service: state the fee of each ${unit} (\`fee … for each ${unit} per month\`), or credit a fixed amount`
          : `'${objective}' holds for each ${unit}, and '${serviceName}' states its fee per ${fee.unit}`;
    for (const p of remedy.properties) if (!broken(context, p)) mismatch(context, uri, p, reason);
  }
  // what is of the whole service's fee: bonuses, outcome pay, fees at risk, a cap on all credits
  for (const kind of ["service", "incentive"] as const) {
    for (const { uri, declaration } of context.declarations(kind)) {
      const service = declaration.kind === "service" ? declaration : incentiveService(context, declaration);
      const unit = service && feeOf(context, service)?.unit;
      if (!unit) continue;
      // a bonus for a per-unit objective is SLA5016 already
      if (declaration.kind === "incentive" && perUnitTarget(context, declaration)) continue;
      for (const p of declaration.properties) {
        // a cap on all credits of a per-unit fee is of the sum of the units' fees
        if (broken(context, p) || p.kind === "cap all credits") continue;
        mismatch(
          context,
          uri,
          p,
          `'${service.name?.text}' states its fee per ${unit}, and a ${p.kind} is of the whole service's fee`,
        );
      }
    }
  }
};

export const perUnitObjectiveRule: Rule = (context) => {
  // only a contract that writes the property can break this rule (see someCheckedProperty)
  if (!someCheckedProperty(context, "for each")) return;
  const unitsOfService = new Map<Service, string>();
  for (const { uri, declaration: objective } of context.declarations("objective")) {
    const forEach = objective.properties.find((x) => x.kind === "for each");
    const unit = unitOf(context, objective);
    if (!forEach || !unit) continue;
    for (const p of objective.properties) {
      if ((p.kind === "critical" || p.kind === "minimum" || p.kind === "key measurement") && !broken(context, p))
        notEvaluated(
          context,
          uri,
          objective,
          unit,
          `fees at risk judge the service as a whole: a ${p.kind} cannot be held for each ${unit}`,
          p.range,
        );
    }
    const metric = metricOf(context, objective)?.declaration;
    const fromRequests = metric?.properties.some(
      (p) => (p.kind === "downtime slice" || (p.kind === "type" && p.type === "success rate")) && !broken(context, p),
    );
    if (fromRequests)
      notEvaluated(
        context,
        uri,
        objective,
        unit,
        "its metric is counted from `requests` records, which carry no unit: hold it for the whole service",
        forEach.range,
      );
    const service = serviceOf(context, objective)?.declaration;
    if (!service) continue;
    const seen = unitsOfService.get(service);
    if (seen === undefined) unitsOfService.set(service, unit);
    else if (seen !== unit)
      notEvaluated(
        context,
        uri,
        objective,
        unit,
        `another objective of '${service.name?.text}' holds for each ${seen}, and a record names one unit: give the two kinds of unit two services`,
        forEach.range,
      );
  }
  for (const { uri, declaration: incentive } of context.declarations("incentive")) {
    const target = objectiveFor(context, incentive);
    const unit = target && unitOf(context, target.declaration);
    const forProperty = incentive.properties.find((p) => p.kind === "for");
    if (!target || !unit || !forProperty) continue;
    notEvaluated(
      context,
      uri,
      target.declaration,
      unit,
      "a bonus is earned by the service as a whole: give the incentive an objective that is not held per unit",
      forProperty.range,
    );
  }
};

function objectiveFor(context: RuleContext, declaration: DeclarationOf<"remedy" | "incentive">) {
  const p = declaration.properties.find((x) => x.kind === "for");
  return p?.kind === "for" && !broken(context, p) ? context.resolve(p.objective, "objective") : undefined;
}

function perUnitTarget(context: RuleContext, incentive: DeclarationOf<"incentive">): boolean {
  const target = objectiveFor(context, incentive);
  return target !== undefined && unitOf(context, target.declaration) !== undefined;
}

function incentiveService(context: RuleContext, incentive: DeclarationOf<"incentive">): Service | undefined {
  for (const p of incentive.properties) {
    if (broken(context, p)) continue;
    if (p.kind === "service") return context.resolve(p.service, "service")?.declaration;
    if (p.kind === "for") {
      const objective = context.resolve(p.objective, "objective");
      return objective && serviceOf(context, objective.declaration)?.declaration;
    }
  }
  return undefined;
}
