/**
 * SLA5014: `fee as charged per month` (or `per quarter`, `per year`) makes a service's fee the
 * charges paid for it in each calendar month (quarter, year), which only the observed data knows.
 * The engine takes a percentage of one period's charges, so a percentage of a fee on such a service
 * must be a credit (or a cap on credits) of the fee of that period (`monthly fee`) over a calendar
 * period of that length; anything else has no amount the data can give.
 */
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import type { FeePeriod, WindowNode } from "../../syntax/ast.ts";
import { TierDiagnostics } from "../codes.ts";
import type { DeclarationOf, Rule, RuleContext } from "../context.ts";
import { hasBrokenProperty, someCheckedProperty } from "./literals.ts";
import { broken, serviceOf } from "./support.ts";

type Service = DeclarationOf<"service">;
const BASIS: Record<FeePeriod, string> = { month: "monthly fee", quarter: "quarterly fee", year: "annual fee" };
type Holder = DeclarationOf<"service" | "objective" | "remedy" | "incentive">;

export const chargedFeeRule: Rule = (context) => {
  // a service's first fee, broken or not, decides (chargedFee): none charged, nothing to say
  const charged = someCheckedProperty(context, "fee", (p) => Boolean(p.charged)) || hasBrokenProperty(context, "fee");
  if (!charged) return;
  for (const kind of ["service", "objective", "remedy", "incentive"] as const) {
    for (const { uri, declaration } of context.declarations(kind)) {
      const service = serviceFor(context, declaration);
      const serviceName = service?.name?.text;
      const charged = service && chargedFee(service)?.period;
      if (!service || !serviceName || !charged) continue;
      const objectiveWindow = kind === "remedy" ? targetWindow(context, declaration) : undefined;
      for (const p of declaration.properties) {
        if (!("basis" in p) || !p.basis || broken(context, p)) continue;
        const window = "window" in p ? p.window : undefined;
        const reason = reasonFor(p.kind, charged, p.basis.period, window, objectiveWindow);
        if (reason) report(context, uri, p.basis.range, serviceName, p.kind, reason);
      }
    }
  }
};

function reasonFor(
  kind: string,
  charged: FeePeriod,
  basis: FeePeriod,
  window: WindowNode | undefined,
  objectiveWindow: WindowNode | undefined,
): string | undefined {
  if (kind !== "credit" && kind !== "cap" && kind !== "cap all credits")
    return "only service credits and their caps are taken from the charges";
  if (basis !== charged) return `the charges are given per ${charged}, so write a percentage of \`${BASIS[charged]}\``;
  const over = kind === "credit" ? objectiveWindow : window;
  if (over && over.period !== `calendar ${charged}`)
    return `it is over a ${over.period} window, and the charges are given per calendar ${charged}`;
  return undefined;
}

function chargedFee(service: DeclarationOf<"service">) {
  const fee = service.properties.find((p) => p.kind === "fee");
  return fee?.kind === "fee" && fee.charged ? fee : undefined;
}

function report(
  context: RuleContext,
  uri: string,
  range: Parameters<typeof createDiagnostic>[3],
  service: string,
  what: string,
  reason: string,
) {
  context.report(createDiagnostic(TierDiagnostics.chargedFeeUnknown, { service, what, reason }, uri, range));
}

/** The service a declaration's fee percentages are of: its own, its objective's, or the one it names. */
function serviceFor(context: RuleContext, declaration: Holder): Service | undefined {
  if (declaration.kind === "service") return declaration;
  if (declaration.kind === "objective") return serviceOf(context, declaration)?.declaration;
  for (const p of declaration.properties) {
    if (broken(context, p)) continue;
    if (p.kind === "for") {
      const objective = context.resolve(p.objective, "objective");
      return objective ? serviceOf(context, objective.declaration)?.declaration : undefined;
    }
    if (p.kind === "service") return context.resolve(p.service, "service")?.declaration;
  }
  return undefined;
}

/** The window of the remedy's objective's first target: the window its credits are paid for. */
function targetWindow(context: RuleContext, remedy: Holder) {
  const forProperty = remedy.properties.find((p) => p.kind === "for" && !broken(context, p));
  const objective = forProperty?.kind === "for" ? context.resolve(forProperty.objective, "objective") : undefined;
  const target = objective?.declaration.properties.find((p) => p.kind === "target");
  return target?.kind === "target" ? target.window : undefined;
}
