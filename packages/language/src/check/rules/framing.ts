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
    if (!called || !called.value || broken(context, called) || !declaration.name) continue;
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

/** Whether `text` uses `term`: its exact spelling, as a whole word, or its plural (`Incidents`). */
export function usesTerm(text: string, term: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:e?s)?(?![\\p{L}\\p{N}])`, "u").test(text);
}

/**
 * A term the contract defines itself that no clause uses: the definition is dead text, or the
 * clauses spell the term differently ("incident" for "Incident").
 */
export const unusedDefinitionRule: Rule = (context) => {
  const texts: string[] = [];
  for (const { declaration } of context.declarations("clause")) {
    for (const p of declaration.properties) if (p.kind === "text" && p.value) texts.push(p.value.value);
  }
  for (const { uri, declaration } of context.declarations("agreement")) {
    if (damaged(context, declaration)) continue;
    const defines = declaration.properties.filter((p) => p.kind === "define");
    for (const d of defines) {
      if (d.kind !== "define" || !d.term || broken(context, d)) continue;
      const term = d.term.value;
      const others = defines.flatMap((o) => (o !== d && o.kind === "define" && o.meaning ? [o.meaning.value] : []));
      if ([...texts, ...others].some((text) => usesTerm(text, term))) continue;
      context.report(createDiagnostic(FramingDiagnostics.unusedDefinition, { term }, uri, d.term.range));
    }
  }
};
