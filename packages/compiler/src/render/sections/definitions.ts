/**
 * Definitions and interpretation: every term the rest of the contract uses, and only those. The
 * terms are chosen from the bundle and the sections present; their meanings cite sections by
 * number, so they are written once the sections are numbered (`Definitions.clauses(ref)`).
 */
import type { RenderContext } from "../context.ts";
import { calendarTerm } from "../context.ts";
import { type Clause, clause, paragraph, type SectionKey, type SectionRef } from "../document.ts";
import { join, type Markdown, md, raw } from "../escape.ts";
import { listAnd } from "../format.ts";
import { defined, meansText, titleOf } from "../phrases.ts";
import {
  exclusions,
  measuresDowntime,
  usedCalendars,
  usesDurationUnit,
  usesFeeBasis,
  usesWindowPeriod,
} from "../questions.ts";
import { creditRemedies } from "./credits.ts";
import {
  businessDayMeaning,
  businessHourMeaning,
  calendarMeaning,
  allCharged,
  chargedFeeMeaning,
  monthlyFeeMeaning,
  serviceHoursMeaning,
} from "./meanings.ts";

interface Term {
  term: string;
  meaning: (ref: SectionRef) => Markdown;
}

export interface Definitions {
  /** Whether the section has any clause (its presence shifts the numbers of the sections after it). */
  readonly present: boolean;
  clauses(ref: SectionRef): Clause[];
}

/** The definitions for the sections in `present` (every section but this one). */
export function definitions(ctx: RenderContext, present: ReadonlySet<SectionKey>): Definitions {
  const terms = definedTerms(ctx, present);
  const interpretation = interpretationClause(ctx);
  return {
    present: terms.length > 0 || interpretation !== undefined,
    clauses(ref) {
      const clauses: Clause[] = [];
      if (terms.length) {
        const entries = terms.map((t) => paragraph(md`${defined(t.term)} ${t.meaning(ref)};`));
        const last = entries[entries.length - 1];
        if (last.kind === "paragraph") last.text = raw(last.text.text.replace(/;$/, "."));
        const lead = paragraph(raw(ctx.bundle.agreement ? `In this ${ctx.documentTerm()}:` : "In these terms:"));
        clauses.push({ blocks: [lead, ...entries] });
      }
      if (interpretation) clauses.push(clause(interpretation));
      return clauses;
    },
  };
}

/** The terms in alphabetical order, each defined once (the first definition wins). */
function definedTerms(ctx: RenderContext, present: ReadonlySet<SectionKey>): Term[] {
  const bundle = ctx.bundle;
  const terms: Term[] = [];
  const define = (term: string, meaning: (ref: SectionRef) => Markdown) => {
    if (!terms.some((e) => e.term === term)) terms.push({ term, meaning });
  };
  /** ` (clause 3)` when the section is present. */
  const cite = (key: SectionKey, ref: SectionRef) => (present.has(key) ? md` (clause ${ref(key)})` : raw(""));
  // the contract's own terms first: the first definition of a term wins
  for (const d of bundle.agreement?.definitions ?? []) define(d.term, () => md`means ${meansText(d.meaning)}`);
  // first, so that a term the master agreement defines is not defined again here
  for (const term of bundle.agreement?.schedule?.masterTerms ?? []) {
    define(term, () => raw("has the meaning given in the Master Agreement"));
  }
  const objectives = bundle.objectives;
  const hasAvailability = objectives.some((o) => o.metricType === "availability");

  // Business days and hours
  const business = bundle.agreement?.businessCalendar ?? null;
  const businessCalendar = business === null ? undefined : ctx.calendars.get(business);
  if (usesDurationUnit(bundle, "business day")) define("Business Day", () => businessDayMeaning(businessCalendar));
  if (usesDurationUnit(bundle, "business hour"))
    define("Business Hour", () => businessHourMeaning(ctx, businessCalendar));

  // Calendars: only those something refers to (an unused one is the checker's warning, not a term)
  const used = usedCalendars(bundle);
  for (const c of bundle.calendars) if (used.has(c.name)) define(calendarTerm(c), () => calendarMeaning(ctx, c));

  // Downtime, Scheduled Time, Service Hours
  if (measuresDowntime(bundle)) {
    define("Downtime", (ref) => downtimeMeaning(ctx, present, ref));
    define("Service Hours", (ref) => serviceHoursMeaning(ctx, present.has("services"), ref));
  }
  if (hasAvailability) {
    define("Scheduled Time", () => raw("means the time within the Service Hours in a Measurement Period"));
  }
  if (objectives.length) {
    const keys = (["levels", "support"] as const).filter((k) => present.has(k));
    define("Measurement Period", (ref) => {
      const stated = keys.length
        ? md`as stated for it in clause ${raw(
            listAnd(
              keys.map((k) => ref(k).text),
              "or",
            ),
          )}`
        : raw("as stated for it");
      return md`means the period over which a service level is measured, ${stated}`;
    });
  }

  // Metrics: the measurement section opens with one clause per metric, in this order.
  if (present.has("measurement")) {
    bundle.metrics.forEach((m, i) => {
      define(titleOf(m), (ref) => md`has the meaning given in clause ${ref("measurement")}.${String(i + 1)}`);
    });
  }

  // Exclusions
  const causes = new Set(exclusions(bundle).map((e) => e.cause));
  if (causes.has("maintenance")) {
    define(
      "Scheduled Maintenance",
      (ref) => md`means maintenance that meets the notice and allowance conditions in clause ${ref("exclusions")}`,
    );
  }
  if (causes.has("customer")) {
    define(
      ctx.customerCausedTerm(),
      () =>
        md`means an outage or degradation of a service caused by ${ctx.theCustomer()}, its users or anyone acting on its behalf`,
    );
  }
  if (causes.has("force majeure")) {
    define(
      "Force Majeure Event",
      () =>
        md`means an event or circumstance beyond the reasonable control of ${ctx.theProvider()} that prevents or delays the provision of a service`,
    );
  }

  // Fees: the Quarterly and Annual Fee are defined from the Monthly Fee, so it is defined with them.
  const quarterly = usesFeeBasis(bundle, "quarterly fee");
  const annual = usesFeeBasis(bundle, "annual fee");
  // (unless every service's fee is as charged per quarter or year: then those are the charges)
  const fromMonthly = (quarterly && !allCharged(ctx, "quarter")) || (annual && !allCharged(ctx, "year"));
  if (usesFeeBasis(bundle, "monthly fee") || fromMonthly)
    define("Monthly Fee", (ref) => monthlyFeeMeaning(ctx, cite("services", ref)));
  if (quarterly) {
    define("Quarterly Fee", (ref) =>
      allCharged(ctx, "quarter")
        ? chargedFeeMeaning(ctx, "quarter", cite("services", ref))
        : md`means the fee payable for a service for a calendar quarter${cite("services", ref)}; where the fee is payable per month, three times the Monthly Fee, and where it is payable per year, one quarter of it${chargedFeeMeaning(ctx, "quarter", raw(""))}`,
    );
  }
  if (annual) {
    define("Annual Fee", (ref) =>
      allCharged(ctx, "year")
        ? chargedFeeMeaning(ctx, "year", cite("services", ref))
        : md`means the fee payable for a service for a year${cite("services", ref)}; where the fee is payable per month, twelve times the Monthly Fee, and where it is payable per quarter, four times it${chargedFeeMeaning(ctx, "year", raw(""))}`,
    );
  }
  const credits = creditRemedies(ctx).length > 0;
  const atRisk = present.has("feesAtRisk");
  if (credits || atRisk) {
    const clauses = (ref: SectionRef) =>
      credits && atRisk
        ? md`clauses ${ref("credits")} and ${ref("feesAtRisk")}`
        : md`clause ${ref(credits ? "credits" : "feesAtRisk")}`;
    define("Service Credit", (ref) => md`means an amount credited to ${ctx.theCustomer()} under ${clauses(ref)}`);
  }
  return terms.sort((a, b) => compareText(a.term, b.term));
}

function downtimeMeaning(ctx: RenderContext, present: ReadonlySet<SectionKey>, ref: SectionRef): Markdown {
  const metrics = ctx.bundle.metrics.filter((m) => m.type === "availability" && m.downtimeDefinition);
  const wordings = [...new Set(metrics.map((m) => m.downtimeDefinition!))];
  const scope = present.has("exclusions")
    ? md`counted only within the Service Hours and other than time excluded under clause ${ref("exclusions")}`
    : raw("counted only within the Service Hours");
  if (wordings.length === 1) return md`means ${meansText(wordings[0])} (${scope})`;
  if (wordings.length > 1) {
    const parts = metrics.map((m) => md`for the ${titleOf(m)}, ${meansText(m.downtimeDefinition!)}`);
    return md`means (${scope}) ${join(parts, "; ")}`;
  }
  return md`means time during which a service is unavailable (${scope})`;
}

function interpretationClause(ctx: RenderContext): Markdown | undefined {
  const a = ctx.bundle.agreement;
  if (!a) return undefined;
  const sentences: Markdown[] = [
    md`In this ${ctx.documentTerm()}, times and dates are in the ${a.timezone} time zone, and calendar months, calendar quarters and calendar years are reckoned in that time zone.`,
  ];
  if (usesWindowPeriod(ctx.bundle, "week")) sentences.push(raw("Weeks begin at 00:00 on Monday."));
  if (usesWindowPeriod(ctx.bundle, "calendar day"))
    sentences.push(raw("A calendar day begins at 00:00; a day on which the clocks change has 23 or 25 hours."));
  if (usesWindowPeriod(ctx.bundle, "hour"))
    sentences.push(
      raw(
        "An hour is a clock hour, beginning on the hour; when the clocks go back, the repeated hour is a separate hour, and when they go forward, the hour skipped is none.",
      ),
    );
  if (usesWindowPeriod(ctx.bundle, "billing month"))
    sentences.push(
      raw(
        "A billing month begins at 00:00 on its stated day of one calendar month and ends at 00:00 on the same day of the next.",
      ),
    );
  if (a.currency) sentences.push(md`All amounts are in ${a.currency}.`);
  return join(sentences, " ");
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
