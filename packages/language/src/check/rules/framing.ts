/**
 * How the contract frames itself (schedule, party labels): what the renderer could not honour.
 * `master terms` outside a schedule would be dropped, and two parties called the same would make
 * every clause that names one ambiguous.
 */
import { createDiagnostic } from "../../diagnostics/catalogue.ts";
import { FramingDiagnostics } from "../codes.ts";
import type { Rule } from "../context.ts";
import { broken, damaged } from "./support.ts";

export const masterTermsRule: Rule = (context) => {
  for (const { uri, declaration } of context.declarations("agreement")) {
    if (damaged(context, declaration)) continue;
    const terms = declaration.properties.find((p) => p.kind === "master terms");
    if (!terms || broken(context, terms)) continue;
    if (declaration.properties.some((p) => p.kind === "schedule")) continue;
    context.report(createDiagnostic(FramingDiagnostics.masterTermsWithoutSchedule, {}, uri, terms.keyword));
  }
};

export const partyLabelsRule: Rule = (context) => {
  const first = new Map<string, { label: string; party: string }>();
  for (const { uri, declaration } of context.declarations("party")) {
    const labels = declaration.properties.filter((p) => p.kind === "called" || p.kind === "known as");
    if (labels.length > 1 && declaration.name) {
      const second = labels[1];
      context.report(
        createDiagnostic(FramingDiagnostics.twoLabels, { party: declaration.name.text }, uri, second.keyword),
      );
    }
    const called = labels[0];
    if (!called?.value || broken(context, called) || !declaration.name) continue;
    const label = called.value.value.trim();
    const key = label.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, { label, party: declaration.name.text });
      continue;
    }
    context.report(
      createDiagnostic(
        FramingDiagnostics.duplicateLabel,
        { party: declaration.name.text, label, other: earlier.party },
        uri,
        called.value.range,
      ),
    );
  }
};
