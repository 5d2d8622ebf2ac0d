/**
 * `renderContract` writes the contract a lawyer puts in front of a client, in Markdown, from a rule
 * bundle alone (so it can be produced from a bundle JSON file too): title and version, the
 * parties, definitions, numbered sections in a fixed order (services, service levels, measurement,
 * exclusions, support, service credits, corrective actions, termination, incentives, reporting,
 * term and renewal, the contract's own clauses) and a signature block. Each section is a module of
 * `sections/`, over the shared `RenderContext`.
 *
 * Every string from the bundle goes through `md`/`escape*`, so a title or a clause can add no
 * Markdown or HTML of its own.
 */
import type { BundleClause, RuleBundle } from "../bundle-types.ts";
import { clauseText } from "./clause-text.ts";
import { RenderContext } from "./context.ts";
import {
  type Clause,
  type ContractDocument,
  paragraph,
  renderMarkdown,
  type Section,
  type SectionKey,
  type SectionRef,
} from "./document.ts";
import { escapeInline, join, type Markdown, md, raw } from "./escape.ts";
import { capitalise, formatDate } from "./format.ts";
import { titleOf } from "./phrases.ts";
import { actionsSection } from "./sections/actions.ts";
import { creditRemedies, creditsSection } from "./sections/credits.ts";
import { definitions } from "./sections/definitions.ts";
import { exclusionsSection } from "./sections/exclusions.ts";
import { changeOfControlSection } from "./sections/change-of-control.ts";
import { feesAtRiskSection } from "./sections/fees-at-risk.ts";
import { incentivesSection } from "./sections/incentives.ts";
import { levelsSection } from "./sections/levels.ts";
import { measurementSection } from "./sections/measurement.ts";
import { measurementPlanSection } from "./sections/measurement-plan.ts";
import { outcomesSection } from "./sections/outcomes.ts";
import { masterAgreement, partiesSection } from "./sections/parties.ts";
import { reportingSection } from "./sections/reporting.ts";
import { servicesSection } from "./sections/services.ts";
import { signatureBlock } from "./sections/signatures.ts";
import { supportSection } from "./sections/support.ts";
import { termSection } from "./sections/term.ts";
import { terminationSection } from "./sections/termination.ts";

export { calendarTerm } from "./context.ts";

/**
 * A section in the contract's order. `clauses` may cite other sections by number through `ref`;
 * whether a section is present never depends on those numbers, so the sections are numbered from
 * which are present before any of them is written.
 */
interface SectionWriter {
  key: SectionKey;
  title: Markdown;
  present: boolean;
  clauses(ref: SectionRef): Clause[];
}

/** A section that cites no other: written at once, present when it has clauses. */
function written(key: SectionKey, title: string, clauses: Clause[]): SectionWriter {
  return { key, title: md`${title}`, present: clauses.length > 0, clauses: () => clauses };
}

/** The contract's own clauses placed in a section (`in exclusions`), each headed by its title. */
function placed(ctx: RenderContext, key: NonNullable<BundleClause["placement"]>): Clause[] {
  return ctx.bundle.clauses
    .filter((c) => c.placement === key)
    .flatMap((c) => {
      const [first = { blocks: [paragraph(raw(""))] }, ...rest] = clauseText(c.text);
      return [{ ...first, heading: md`${titleOf(c)}` }, ...rest];
    });
}

/** Every section but the definitions, in the contract's order. */
function sectionWriters(ctx: RenderContext): SectionWriter[] {
  return [
    written("parties", "Parties", partiesSection(ctx)),
    written("services", "Services", servicesSection(ctx)),
    written("levels", "Service Levels", levelsSection(ctx)),
    written("measurement", "Measurement", [...measurementSection(ctx), ...placed(ctx, "measurement")]),
    written("measurementPlan", "Measurement Plan", measurementPlanSection(ctx)),
    written("exclusions", "Exclusions", [...exclusionsSection(ctx), ...placed(ctx, "exclusions")]),
    written("support", "Support", [...supportSection(ctx), ...placed(ctx, "support")]),
    {
      key: "credits",
      title: md`Service Credits`,
      present: creditRemedies(ctx).length > 0 || placed(ctx, "credits").length > 0,
      clauses: (ref) => [...creditsSection(ctx, ref), ...placed(ctx, "credits")],
    },
    written("feesAtRisk", "Fees at Risk", feesAtRiskSection(ctx)),
    written("actions", "Corrective Actions", actionsSection(ctx)),
    written("termination", "Termination Rights", terminationSection(ctx)),
    written("incentives", "Incentives", incentivesSection(ctx)),
    written("outcomes", "Outcome-Based Charges", outcomesSection(ctx)),
    written("reporting", "Reporting and Reviews", [...reportingSection(ctx), ...placed(ctx, "reporting")]),
    written("term", "Term, Renewal and Governing Law", termSection(ctx)),
    written("changeOfControl", "Change of Control", changeOfControlSection(ctx)),
    // the contract's own clauses placed nowhere else, each a section, shown even when its text is empty
    ...ctx.bundle.clauses.flatMap((c, i): SectionWriter[] =>
      c.placement
        ? []
        : [
            {
              key: `clause:${i}`,
              title: md`${titleOf(c)}`,
              present: true,
              clauses: () => clauseText(c.text),
            },
          ],
    ),
  ];
}

/** The contract's document model, which the Markdown and the Word renderers both walk. */
export function contractDocument(bundle: RuleBundle): ContractDocument {
  const ctx = new RenderContext(bundle);
  const sections = sectionWriters(ctx).filter((w) => w.present);
  const defs = definitions(ctx, new Set(sections.map((w) => w.key)));
  if (defs.present) {
    const definitionsSection: SectionWriter = {
      key: "definitions",
      title: md`Definitions and Interpretation`,
      present: true,
      clauses: (ref) => defs.clauses(ref),
    };
    sections.splice(sections[0]?.key === "parties" ? 1 : 0, 0, definitionsSection);
  }
  const numbers = new Map<SectionKey, number>(sections.map((w, i) => [w.key, i + 1]));
  const ref: SectionRef = (key) => raw(String(numbers.get(key) ?? "?"));
  const a = bundle.agreement;
  const signatures = signatureBlock(ctx);
  return {
    title: a?.schedule
      ? md`Schedule ${a.schedule.number} to ${masterAgreement(a.schedule)}`
      : raw(escapeInline(a ? titleOf(a) : "Service Level Terms")),
    preamble: preamble(ctx),
    sections: sections.map((w): Section => ({ key: w.key, title: w.title, clauses: w.clauses(ref) })),
    ...(signatures ? { signatures } : {}),
  };
}

/** The version and effective date, or why these terms are not an agreement. */
function preamble(ctx: RenderContext): Markdown[] {
  const a = ctx.bundle.agreement;
  const out: Markdown[] = [];
  const facts: Markdown[] = [];
  // a schedule is headed by its master agreement, so its own title comes first in the preamble
  if (a?.schedule) out.push(md`**${titleOf(a)}**`);
  if (a?.version) facts.push(md`Version ${a.version}`);
  if (a?.effective) facts.push(md`effective ${formatDate(a.effective)}`);
  if (facts.length) out.push(raw(`${capitalise(join(facts, ", ").text)}.`));
  if (!a) {
    out.push(
      raw(
        "These terms are not part of an agreement: the source declares no `agreement`. They set out shared declarations for use by agreements that import them.",
      ),
    );
  }
  return out;
}

/** The Markdown contract for a rule bundle: deterministic, and safe whatever the bundle's strings hold. */
export function renderContract(bundle: RuleBundle): string {
  return renderMarkdown(contractDocument(bundle));
}
