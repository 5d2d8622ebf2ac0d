/**
 * Outcome-based pay (SLA7009, SLA7010, and SLA5007 for its fee): an incentive on a business outcome
 * pays gain-share and pain-share bands as shares of its service's fee, compared with the share of
 * the outcome's records that met it.
 */
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import { AtRiskDiagnostics, TierDiagnostics } from "../codes.ts";
import type { Rule } from "../context.ts";
import { broken, damaged, textOf } from "./support.ts";

const BASIS_WORDS = { month: "monthly", quarter: "quarterly", year: "annual" } as const;

export const outcomePayRule: Rule = (context) => {
  for (const { uri, declaration: incentive } of context.declarations("incentive")) {
    const name = incentive.name?.text;
    if (!name || damaged(context, incentive)) continue;
    const shares = incentive.properties.flatMap((p) =>
      (p.kind === "gain share" || p.kind === "pain share") && !broken(context, p) ? [p] : [],
    );
    for (const p of shares) {
      for (const value of [p.threshold, p.bound]) {
        if (!value || value.recovered || value.kind === "Percentage") continue;
        context.report(
          createDiagnostic(
            AtRiskDiagnostics.outcomeShareNotPercentage,
            { threshold: textOf(context, uri, value.range) },
            uri,
            value.range,
          ),
        );
      }
    }
    if (shares.length === 0) continue;
    const serviceProperty = incentive.properties.find((p) => p.kind === "service" && !broken(context, p));
    if (serviceProperty?.kind !== "service") {
      if (incentive.properties.some((p) => p.kind === "outcome"))
        context.report(
          createDiagnostic(AtRiskDiagnostics.outcomePayWithoutService, { incentive: name }, uri, shares[0].keyword),
        );
      continue;
    }
    const service = context.resolve(serviceProperty.service, "service");
    const serviceName = service?.declaration.name?.text;
    if (!service || !serviceName || damaged(context, service.declaration)) continue;
    if (service.declaration.properties.some((p) => p.kind === "fee")) continue;
    for (const p of shares) {
      if (!p.basis) continue;
      context.report(
        createDiagnostic(
          TierDiagnostics.percentageOfMissingFee,
          { what: p.kind, basis: BASIS_WORDS[p.basis.period], service: serviceName },
          uri,
          p.basis.range,
        ),
      );
    }
  }
};
