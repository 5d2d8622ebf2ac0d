/**
 * `renderContract` writes the contract a lawyer puts in front of a client, in Markdown, from a rule
 * bundle alone (so it can be produced from a bundle JSON file too): title and version, the
 * parties, definitions, numbered sections in a fixed order (services, service levels, measurement,
 * exclusions, support, service credits, corrective actions, termination, incentives, reporting,
 * term and renewal, the contract's own clauses) and a signature block.
 *
 * Every string from the bundle goes through `md`/`escape*`, so a title or a clause can add no
 * Markdown or HTML of its own. Cross-references between sections are resolved after the sections
 * that exist have been numbered.
 */
import Decimal from "decimal.js";
import { downtimeShare } from "@sla/language";
import type {
  BundleCalendar,
  BundleCredit,
  BundleExclusion,
  BundleHours,
  BundleIncentive,
  BundleMetric,
  BundleObjective,
  BundleParty,
  BundleRemedy,
  BundleService,
  RuleBundle,
} from "../bundle-types.ts";
import { escapeInline, escapeParagraphs, join, type Markdown, md, raw } from "./escape.ts";
import {
  capitalise,
  formatDate,
  formatDuration,
  formatMoney,
  formatPercent,
  formatSeconds,
  inWindow,
  listAnd,
  ordinal,
  perWindow,
  pluralWindowNoun,
  possessive,
  formatHours,
  windowLabelText,
  windowLength,
  windowNoun,
} from "./format.ts";
import {
  appendSentences,
  type Block,
  type Clause,
  clause,
  headed,
  lettered,
  listClause,
  paragraph,
  renderMarkdown,
  resolveReferences,
  type ContractDocument,
  type Section,
  type SignatureBlock,
  type SectionKey,
  sectionRef,
  table,
} from "./document.ts";
import {
  anyDay,
  capWindow,
  DASH,
  defined,
  FREQUENCY_PERIOD,
  FREQUENCY_WORD,
  feeOf,
  meansText,
  quoted,
  targetText,
  titleOf,
} from "./phrases.ts";

// ---------------------------------------------------------------------------------------------

/** Terms the contract defines itself; a calendar titled like one of them would read as that term. */
const GENERATED_TERMS = [
  "Agreement",
  "Annual Fee",
  "Business Day",
  "Business Hour",
  "Customer",
  "Customer-Caused Outage",
  "Downtime",
  "Force Majeure Event",
  "Measurement Period",
  "Monthly Fee",
  "Party",
  "Provider",
  "Quarterly Fee",
  "Scheduled Maintenance",
  "Scheduled Time",
  "Service",
  "Service Credit",
  "Service Hours",
];

function termKey(term: string): string {
  return term.toLowerCase().replace(/s$/, "");
}

const GENERATED_KEYS = new Set(GENERATED_TERMS.map(termKey));

/**
 * A calendar's defined term: its title, or "<title> Calendar" when the title would read as one of
 * the contract's own terms ("Business Days" beside "Business Day").
 */
export function calendarTerm(c: BundleCalendar): string {
  const title = titleOf(c);
  return GENERATED_KEYS.has(termKey(title)) ? `${title} Calendar` : title;
}

class ContractWriter {
  private readonly parties: Map<string, BundleParty>;
  private readonly services: Map<string, BundleService>;
  private readonly metrics: Map<string, BundleMetric>;
  private readonly objectives: Map<string, BundleObjective>;
  private readonly calendars: Map<string, BundleCalendar>;
  private readonly providers: BundleParty[];
  private readonly customers: BundleParty[];
  private readonly json: string;

  constructor(private readonly bundle: RuleBundle) {
    const byName = <T extends { name: string }>(items: T[]) => {
      const map = new Map<string, T>();
      for (const item of items) if (!map.has(item.name)) map.set(item.name, item);
      return map;
    };
    this.parties = byName(bundle.parties);
    this.services = byName(bundle.services);
    this.metrics = byName(bundle.metrics);
    this.objectives = byName(bundle.objectives);
    this.calendars = byName(bundle.calendars);
    this.providers = bundle.parties.filter((p) => p.role === "provider");
    this.customers = bundle.parties.filter((p) => p.role === "customer");
    this.json = JSON.stringify(bundle);
  }

  // --- references to the contract's parts ---------------------------------------------------

  private singleProvider(): boolean {
    return this.providers.length === 1;
  }

  private singleCustomer(): boolean {
    return this.customers.length === 1;
  }

  /** How the text names a party: `the Provider`, `the Customer`, or its title. */
  private party(name: string | null, role: "provider" | "customer"): Markdown {
    const p = name === null ? undefined : this.parties.get(name);
    if (p?.role === "provider" && this.singleProvider()) return raw("the Provider");
    if (p?.role === "customer" && this.singleCustomer()) return raw("the Customer");
    if (p) return md`${titleOf(p)}`;
    if (role === "provider" && this.singleProvider()) return raw("the Provider");
    if (role === "customer" && this.singleCustomer()) return raw("the Customer");
    return raw(role === "provider" ? "the provider" : "the customer");
  }

  private theProvider(): Markdown {
    return this.singleProvider() ? raw("the Provider") : raw("the provider concerned");
  }

  private theCustomer(): Markdown {
    return this.singleCustomer() ? raw("the Customer") : raw("the customer concerned");
  }

  /** The party that provides (or receives) the service an objective measures. */
  private partyFor(objectiveName: string | null, role: "provider" | "customer"): Markdown {
    const o = objectiveName === null ? undefined : this.objectives.get(objectiveName);
    const s = o?.service ? this.services.get(o.service) : undefined;
    if (s) return this.party(role === "provider" ? s.provider : s.customer, role);
    return role === "provider" ? this.theProvider() : this.theCustomer();
  }

  private singleService(): boolean {
    return this.bundle.services.length === 1;
  }

  /** `the Service` when there is one, else the service's title. */
  private service(name: string | null): Markdown {
    if (name === null) return raw("the service");
    if (this.singleService() && this.bundle.services[0].name === name) return raw("the Service");
    const s = this.services.get(name);
    return md`${s ? titleOf(s) : name}`;
  }

  private objective(name: string | null): Markdown {
    const o = name === null ? undefined : this.objectives.get(name);
    return md`the service level ${quoted(o ? titleOf(o) : (name ?? "(none)"))}`;
  }

  private calendar(name: string): Markdown {
    const c = this.calendars.get(name);
    return md`${c ? calendarTerm(c) : name}`;
  }

  /** The calendars something refers to: service hours, support hours, the business calendar. */
  private usedCalendars(): Set<string> {
    const used = new Set<string>();
    const business = this.bundle.agreement?.businessCalendar;
    if (business) used.add(business);
    for (const s of this.bundle.services) if (s.hours.kind === "calendar") used.add(s.hours.calendar);
    for (const o of this.bundle.objectives)
      for (const t of [o.support?.response, o.support?.resolution])
        if (t?.during.kind === "calendar") used.add(t.during.calendar);
    return used;
  }

  private hours(hours: BundleHours): Markdown {
    return hours.kind === "24x7" ? raw("at any time") : md`during ${this.calendar(hours.calendar)}`;
  }

  /** What an objective's thresholds compare: the metric, the ticket share, or the total Downtime. */
  private measure(objective: BundleObjective | undefined): Markdown {
    if (!objective) return raw("the measured value");
    const metric = objective.metric === null ? undefined : this.metrics.get(objective.metric);
    if (metric) return md`${titleOf(metric)}`;
    if (objective.support) {
      const severity = objective.support.severity;
      return severity === null
        ? raw("the percentage of tickets meeting their targets")
        : md`the percentage of Severity ${String(severity)} tickets meeting their targets`;
    }
    if (objective.maxTotalOutage || objective.maxOutagePerIncident) return raw("total Downtime");
    return raw("the measured value");
  }

  /** The measure in running text: `the Monthly Uptime Percentage`, `total Downtime`. */
  private theMeasure(objective: BundleObjective | undefined): Markdown {
    const measure = this.measure(objective);
    const metric = objective?.metric ? this.metrics.get(objective.metric) : undefined;
    return metric ? md`the ${measure}` : measure;
  }

  /** Whether any service level measures Downtime (so the term is defined). */
  private measuresDowntime(): boolean {
    return this.bundle.objectives.some(
      (o) => o.metricType === "availability" || o.maxOutagePerIncident || o.maxTotalOutage,
    );
  }

  private uses(text: string): boolean {
    return this.json.includes(text);
  }

  // --- the document ---------------------------------------------------------------------------

  document(): ContractDocument {
    const sections: Section[] = [];
    const add = (key: SectionKey, title: string, clauses: Clause[]) => {
      if (clauses.length) sections.push({ key, title: md`${title}`, clauses });
    };
    add("parties", "Parties", this.partiesSection());
    add("services", "Services", this.servicesSection());
    add("levels", "Service Levels", this.levelsSection());
    add("measurement", "Measurement", this.measurementSection());
    add("exclusions", "Exclusions", this.exclusionsSection());
    add("support", "Support", this.supportSection());
    add("credits", "Service Credits", this.creditsSection());
    add("actions", "Corrective Actions", this.actionsSection());
    add("termination", "Termination Rights", this.terminationSection());
    add("incentives", "Incentives", this.incentivesSection());
    add("reporting", "Reporting and Reviews", this.reportingSection());
    add("term", "Term, Renewal and Governing Law", this.termSection());
    this.bundle.clauses.forEach((c, i) => {
      const paragraphs = escapeParagraphs(c.text).map(raw);
      sections.push({
        key: `clause:${i}`,
        title: md`${titleOf(c)}`,
        clauses: paragraphs.map((p) => clause(p)),
      });
    });
    const present = new Set(sections.map((s) => s.key));
    const definitions = this.definitionsSection(present);
    const definitionSection: Section = {
      key: "definitions",
      title: md`Definitions and Interpretation`,
      clauses: definitions,
    };
    if (definitions.length) {
      const index = sections[0]?.key === "parties" ? 1 : 0;
      sections.splice(index, 0, definitionSection);
    }

    const a = this.bundle.agreement;
    const signatures = this.signatures();
    return resolveReferences({
      title: raw(escapeInline(a ? titleOf(a) : "Service Level Terms")),
      preamble: this.preamble(),
      sections,
      ...(signatures ? { signatures } : {}),
    });
  }

  private preamble(): Markdown[] {
    const a = this.bundle.agreement;
    const out: Markdown[] = [];
    const facts: Markdown[] = [];
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

  // --- 1. Parties ------------------------------------------------------------------------------

  private partiesSection(): Clause[] {
    const parties = this.bundle.parties;
    if (parties.length === 0) return [];
    const items = parties.map((p) => {
      let text = md`**${titleOf(p)}**`;
      if (p.address) text = md`${text} of ${p.address}`;
      const role =
        p.role === "provider"
          ? this.singleProvider()
            ? md` (the ${defined("Provider")})`
            : md` (a ${defined("Provider")})`
          : p.role === "customer"
            ? this.singleCustomer()
              ? md` (the ${defined("Customer")})`
              : md` (a ${defined("Customer")})`
            : raw("");
      const contact = p.contact ? md`, whose contact for this Agreement is ${p.contact}` : raw("");
      return md`${text}${role}${contact}`;
    });
    const intro = this.bundle.agreement
      ? md`This ${titleOf(this.bundle.agreement)} (the ${defined("Agreement")}) is made between:`
      : raw("The parties are:");
    const blocks = lettered(items);
    const last = blocks[blocks.length - 1];
    if (last.kind === "paragraph" && parties.length > 1) {
      last.text = raw(`${last.text.text.replace(/\.$/, ",")}`);
      blocks.push(paragraph(md`each a ${defined("Party")} and together the ${defined("Parties")}.`));
    }
    return [{ blocks: [paragraph(intro), ...blocks] }];
  }

  // --- 2. Definitions --------------------------------------------------------------------------

  private definitionsSection(present: Set<string>): Clause[] {
    const ref = (key: SectionKey) => (present.has(key) ? md` (clause ${sectionRef(key)})` : raw(""));
    const entries: { term: string; text: Markdown }[] = [];
    const define = (term: string, text: Markdown) => {
      if (!entries.some((e) => e.term === term)) entries.push({ term, text });
    };
    const objectives = this.bundle.objectives;
    const hasAvailability = objectives.some((o) => o.metricType === "availability");
    const hasOutageLimits = objectives.some((o) => o.maxOutagePerIncident || o.maxTotalOutage);

    // Business days and hours
    const business = this.bundle.agreement?.businessCalendar ?? null;
    const businessCalendar = business === null ? undefined : this.calendars.get(business);
    if (this.uses('"unit":"business day"')) define("Business Day", this.businessDayMeaning(businessCalendar));
    if (this.uses('"unit":"business hour"')) define("Business Hour", this.businessHourMeaning(businessCalendar));

    // Calendars: only those something refers to (an unused one is the checker's warning, not a term)
    const used = this.usedCalendars();
    for (const c of this.bundle.calendars) if (used.has(c.name)) define(calendarTerm(c), this.calendarMeaning(c));

    // Downtime, Scheduled Time, Service Hours
    if (hasAvailability || hasOutageLimits) {
      const definitions = [
        ...new Set(
          this.bundle.metrics
            .filter((m) => m.type === "availability" && m.downtimeDefinition)
            .map((m) => m.downtimeDefinition!),
        ),
      ];
      const scope = present.has("exclusions")
        ? md`counted only within the Service Hours and other than time excluded under clause ${sectionRef("exclusions")}`
        : raw("counted only within the Service Hours");
      if (definitions.length === 1) {
        define("Downtime", md`means ${meansText(definitions[0])} (${scope})`);
      } else if (definitions.length > 1) {
        const parts = this.bundle.metrics
          .filter((m) => m.type === "availability" && m.downtimeDefinition)
          .map((m) => md`for the ${titleOf(m)}, ${meansText(m.downtimeDefinition!)}`);
        define("Downtime", md`means (${scope}) ${join(parts, "; ")}`);
      } else {
        define("Downtime", md`means time during which a service is unavailable (${scope})`);
      }
      define("Service Hours", this.serviceHoursMeaning(present));
    }
    if (hasAvailability) {
      define("Scheduled Time", raw("means the time within the Service Hours in a Measurement Period"));
    }
    if (objectives.length) {
      const keys = (["levels", "support"] as const).filter((k) => present.has(k));
      const stated = keys.length
        ? md`as stated for it in clause ${raw(
            listAnd(
              keys.map((k) => sectionRef(k).text),
              "or",
            ),
          )}`
        : raw("as stated for it");
      define("Measurement Period", md`means the period over which a service level is measured, ${stated}`);
    }

    // Metrics
    this.bundle.metrics.forEach((m, i) => {
      // The measurement section opens with one clause per metric, in this order.
      if (present.has("measurement"))
        define(titleOf(m), md`has the meaning given in clause ${sectionRef("measurement")}.${String(i + 1)}`);
    });

    // Exclusions
    const causes = new Set(this.allExclusions().map((e) => e.cause));
    if (causes.has("maintenance")) {
      define(
        "Scheduled Maintenance",
        md`means maintenance that meets the notice and allowance conditions in clause ${sectionRef("exclusions")}`,
      );
    }
    if (causes.has("customer")) {
      define(
        "Customer-Caused Outage",
        md`means an outage or degradation of a service caused by ${this.theCustomer()}, its users or anyone acting on its behalf`,
      );
    }
    if (causes.has("force majeure")) {
      define(
        "Force Majeure Event",
        md`means an event or circumstance beyond the reasonable control of ${this.theProvider()} that prevents or delays the provision of a service`,
      );
    }

    // Fees
    // The Quarterly and Annual Fee are defined from the Monthly Fee, so it is defined with them.
    if (this.uses('"basis":"monthly fee"') || this.uses('"basis":"quarterly fee"') || this.uses('"basis":"annual fee"'))
      define("Monthly Fee", this.monthlyFeeMeaning(present));
    if (this.uses('"basis":"quarterly fee"')) {
      define(
        "Quarterly Fee",
        md`means the fee payable for a service for a calendar quarter${ref("services")}; where the fee is payable per month, three times the Monthly Fee, and where it is payable per year, one quarter of it`,
      );
    }
    if (this.uses('"basis":"annual fee"')) {
      define(
        "Annual Fee",
        md`means the fee payable for a service for a year${ref("services")}; where the fee is payable per month, twelve times the Monthly Fee, and where it is payable per quarter, four times it`,
      );
    }
    if (this.bundle.remedies.some((r) => r.credits.length > 0)) {
      define(
        "Service Credit",
        md`means an amount credited to ${this.theCustomer()} under clause ${sectionRef("credits")}`,
      );
    }

    const clauses: Clause[] = [];
    if (entries.length) {
      entries.sort((a, b) => compareText(a.term, b.term));
      clauses.push({
        blocks: [
          paragraph(raw(this.bundle.agreement ? "In this Agreement:" : "In these terms:")),
          ...entries.map((e) => paragraph(md`${defined(e.term)} ${e.text};`)),
        ],
      });
      const last = clauses[0].blocks[clauses[0].blocks.length - 1];
      if (last.kind === "paragraph") last.text = raw(last.text.text.replace(/;$/, "."));
    }
    const interpretation = this.interpretation();
    if (interpretation) clauses.push(clause(interpretation));
    return clauses;
  }

  private interpretation(): Markdown | undefined {
    const a = this.bundle.agreement;
    if (!a) return undefined;
    const sentences: Markdown[] = [
      md`In this Agreement, times and dates are in the ${a.timezone} time zone, and calendar months, calendar quarters and calendar years are reckoned in that time zone.`,
    ];
    if (this.uses('"period":"week"')) sentences.push(raw("Weeks begin at 00:00 on Monday."));
    if (a.currency) sentences.push(md`All amounts are in ${a.currency}.`);
    return join(sentences, " ");
  }

  /** ` (America/New_York time)` when a calendar keeps another zone than the agreement's. */
  private zoneNote(c: BundleCalendar): Markdown {
    return c.timezone === (this.bundle.agreement?.timezone ?? "UTC") ? raw("") : md` (${c.timezone} time)`;
  }

  private calendarMeaning(c: BundleCalendar): Markdown {
    const hours = c.hours.map((h) => md`${h.from} to ${h.to} on ${anyDay(h.days).replace(/^any /, "each ")}`);
    const body = hours.length
      ? join([raw("the hours from "), raw(listAnd(hours.map((h) => h.text)))])
      : raw("no hours");
    const holidays = c.holidays.length ? md`, except on ${listAnd(c.holidays.map((d) => formatDate(d)))}` : raw("");
    return md`means ${body}${this.zoneNote(c)}${holidays}`;
  }

  private businessDayMeaning(calendar: BundleCalendar | undefined): Markdown {
    if (!calendar) return raw("means any day from Monday to Friday");
    const days = [...new Set(calendar.hours.flatMap((h) => h.days))];
    if (days.length === 0) return md`means a day with working hours in ${calendarTerm(calendar)}`;
    const holidays = calendar.holidays.length
      ? md` other than ${listAnd(calendar.holidays.map((d) => formatDate(d)))}`
      : raw("");
    return md`means ${anyDay(days)}${holidays}`;
  }

  private businessHourMeaning(calendar: BundleCalendar | undefined): Markdown {
    const business = this.bundle.agreement?.businessCalendar ?? null;
    const elsewhere = this.bundle.objectives.some((o) =>
      [o.support?.response, o.support?.resolution].some(
        (t) => t?.during.kind === "calendar" && t.during.calendar !== business && t.within.unit === "business hour",
      ),
    );
    const other = elsewhere
      ? raw("; for a time given during the hours of another calendar, an hour within that calendar's hours")
      : raw("");
    if (calendar && calendar.hours.length === 1) {
      const h = calendar.hours[0];
      return md`means an hour between ${h.from} and ${h.to}${this.zoneNote(calendar)} on a Business Day${other}`;
    }
    if (calendar) return md`means an hour within ${calendarTerm(calendar)}${other}`;
    return md`means an hour on a Business Day${other}`;
  }

  private serviceHoursMeaning(present: Set<string>): Markdown {
    if (this.singleService()) {
      const h = this.bundle.services[0].hours;
      return h.kind === "24x7"
        ? raw("means every hour of every day")
        : md`means the working hours of ${this.calendar(h.calendar)}`;
    }
    return present.has("services")
      ? md`means, for each service, the hours during which it is provided under clause ${sectionRef("services")}`
      : raw("means, for each service, the hours during which it is provided");
  }

  private monthlyFeeMeaning(present: Set<string>): Markdown {
    const ref = present.has("services") ? md` (clause ${sectionRef("services")})` : raw("");
    if (this.singleService()) {
      const s = this.bundle.services[0];
      if (s.fee?.period === "month")
        return md`means the fee of ${formatMoney(s.fee.amount, s.fee.currency)} payable per month for the Service${ref}`;
      if (s.fee && s.monthlyFee) {
        const fraction = s.fee.period === "quarter" ? "one third" : "one twelfth";
        const divisor = s.fee.period === "quarter" ? 3 : 12;
        const exact = isExactMonthly(s.monthlyFee.amount, s.fee.amount, divisor);
        const amount = exact ? md` (${formatMoney(s.monthlyFee.amount, s.monthlyFee.currency)})` : raw("");
        return md`means ${fraction} of the fee payable per ${s.fee.period} for the Service${amount}${ref}`;
      }
    }
    return md`means the fee payable for a service for one month${ref}; where its fee is payable per quarter, one third of that fee, and where it is payable per year, one twelfth`;
  }

  private allExclusions(): BundleExclusion[] {
    return [
      ...this.bundle.services.flatMap((s) => s.exclusions),
      ...this.bundle.objectives.flatMap((o) => o.exclusions),
    ];
  }

  // --- Services --------------------------------------------------------------------------------

  private servicesSection(): Clause[] {
    return this.bundle.services.map((s) => {
      const term = this.singleService() ? md` (the ${defined("Service")})` : raw("");
      const sentences: Markdown[] = [
        md`${raw(capitalise(this.party(s.provider, "provider").text))} shall provide **${titleOf(s)}**${term} to ${this.party(s.customer, "customer")}${s.hours.kind === "24x7" ? raw(", 24 hours a day, 7 days a week") : md` during ${this.calendar(s.hours.calendar)}`}.`,
      ];
      if (s.fee) {
        sentences.push(
          md`${raw(capitalise(this.party(s.customer, "customer").text))} shall pay ${this.party(s.provider, "provider")} a fee of ${formatMoney(s.fee.amount, s.fee.currency)} per ${s.fee.period} for ${this.service(s.name)}.`,
        );
      }
      return clause(join(sentences, " "));
    });
  }

  // --- Service levels ----------------------------------------------------------------------------

  private levelsSection(): Clause[] {
    const levels = this.bundle.objectives.filter((o) => o.target || o.maxOutagePerIncident || o.maxTotalOutage);
    if (levels.length === 0) return [];
    const withService = this.bundle.services.length > 1;
    const head = [
      raw("Service level"),
      ...(withService ? [raw("Service")] : []),
      raw("Measure"),
      raw("Target"),
      raw("Measurement Period"),
      raw("Permitted Downtime"),
    ];
    const rows = levels.map((o) => {
      const targets: Markdown[] = [];
      if (o.target) targets.push(targetText(o.target.comparator, o.target.value));
      if (o.maxOutagePerIncident) {
        targets.push(md`no incident of Downtime longer than ${formatDuration(o.maxOutagePerIncident.duration)}`);
      }
      if (o.maxTotalOutage) {
        targets.push(
          md`total Downtime of at most ${formatDuration(o.maxTotalOutage.duration)} ${perWindow(o.maxTotalOutage.window)}`,
        );
      }
      const metric = o.metric === null ? undefined : this.metrics.get(o.metric);
      const measure = metric ? md`${titleOf(metric)}` : o.target ? raw("—") : raw("Downtime");
      return [
        md`${titleOf(o)}`,
        ...(withService
          ? [o.service ? md`${titleOf(this.services.get(o.service) ?? { name: o.service, title: null })}` : DASH]
          : []),
        measure,
        join(targets, "; "),
        md`${capitalise(windowNoun(o.window))}`,
        this.permittedDowntime(o),
      ];
    });
    const clauses: Clause[] = [
      clause(
        md`${raw(capitalise(this.theProvider().text))} shall meet the following service levels:`,
        table(head, rows),
      ),
    ];
    const onCalendar = levels.filter((o) => o.budgets.some((b) => b.window !== undefined) && o.target);
    const budgeted = levels.filter((o) => o.budgets.length > 0 && o.target && !onCalendar.includes(o));
    if (onCalendar.length) clauses.push(this.scheduledBudgetClause(onCalendar));
    if (budgeted.length) {
      const budgetRows: Markdown[][] = [];
      for (const o of budgeted) {
        const strict = o.target!.comparator === "above";
        for (const b of o.budgets) {
          const text = formatSeconds(b.seconds, b.text);
          budgetRows.push([
            md`${titleOf(o)}`,
            targetText(o.target!.comparator, o.target!.value),
            md`${capitalise(windowLength(o.window, b.days))}`,
            md`${strict ? "less than " : ""}${text}`,
          ]);
        }
      }
      clauses.push(
        clause(
          raw(
            "An availability target permits the following Downtime in a Measurement Period, depending on the length of the period:",
          ),
          table(
            [raw("Service level"), raw("Target"), raw("Measurement Period"), raw("Permitted Downtime")],
            budgetRows,
          ),
        ),
      );
    }
    return clauses;
  }

  /**
   * Budgets of service levels whose Service Hours follow a calendar: the rule on Scheduled Time, and
   * the periods of the term with the least and the most of it, so a reader can check each figure.
   */
  private scheduledBudgetClause(objectives: BundleObjective[]): Clause {
    const rows: Markdown[][] = [];
    for (const o of objectives) {
      const strict = o.target!.comparator === "above" ? "less than " : "";
      o.budgets.forEach((b, i) => {
        const which = o.budgets.length === 1 ? "every period" : i === 0 ? "least" : "most";
        rows.push([
          md`${titleOf(o)}`,
          this.budgetRule(o),
          md`${windowLabelText(b.window ?? "")} (${which})`,
          md`${formatHours(b.scheduled ?? "0")}`,
          md`${strict}${formatSeconds(b.seconds, b.text)}`,
        ]);
      });
    }
    // the same span as the compiler's budgets (referenceSpan): the term, else a 28-year cycle
    const over = this.bundle.agreement?.effective
      ? "The Measurement Periods of the term with the least and the most Scheduled Time are:"
      : "As this Agreement states no effective date, the Measurement Periods with the least and the most Scheduled Time are taken from a full 28-year cycle of weekdays and leap years:";
    return clause(
      raw(
        `Where the Service Hours follow a calendar, the Permitted Downtime in a Measurement Period is the Scheduled Time in that period multiplied by the share of it that the target leaves (0.1% for a target of 99.9%), calculated exactly. ${over}`,
      ),
      table(
        [
          raw("Service level"),
          raw("Permitted Downtime"),
          raw("Measurement Period"),
          raw("Scheduled Time"),
          raw("Permitted Downtime in it"),
        ],
        rows,
      ),
    );
  }

  /** `(Scheduled Time in the calendar month) × 0.1%`. */
  private budgetRule(o: BundleObjective): Markdown {
    const share = o.target ? downtimeShare(o.target.value.value) : "";
    return md`(Scheduled Time in the ${windowNoun(o.window)}) × ${share}`;
  }

  private permittedDowntime(o: BundleObjective): Markdown {
    const parts: Markdown[] = [];
    const strict = o.target?.comparator === "above" ? "less than " : "";
    if (o.budgets.some((b) => b.window !== undefined)) {
      const first = o.budgets[0];
      const last = o.budgets[o.budgets.length - 1];
      const range =
        o.budgets.length === 1
          ? md`${strict}${formatSeconds(first.seconds, first.text)}`
          : md`${strict}${formatSeconds(first.seconds, first.text)} (${windowLabelText(first.window ?? "")}) to ${formatSeconds(last.seconds, last.text)} (${windowLabelText(last.window ?? "")})`;
      parts.push(md`${this.budgetRule(o)}: ${range}`);
    } else if (o.budgets.length === 1) {
      const b = o.budgets[0];
      parts.push(md`${strict}${formatSeconds(b.seconds, b.text)}`);
    } else if (o.budgets.length > 1) {
      const first = o.budgets[0];
      const last = o.budgets[o.budgets.length - 1];
      parts.push(
        md`${strict}${formatSeconds(first.seconds, first.text)} (${windowLength(o.window, first.days)}) to ${formatSeconds(last.seconds, last.text)} (${windowLength(o.window, last.days)})`,
      );
    }
    if (o.maxTotalOutage) {
      parts.push(md`${formatDuration(o.maxTotalOutage.duration)} ${perWindow(o.maxTotalOutage.window)}`);
    }
    return parts.length ? join(parts, "; ") : DASH;
  }

  // --- Measurement -----------------------------------------------------------------------------

  private measurementSection(): Clause[] {
    const clauses: Clause[] = this.bundle.metrics.map((m) => {
      const service = m.service ? this.service(m.service) : raw("a service");
      let meaning: Markdown;
      switch (m.type) {
        case "availability":
          meaning = md`is the availability of ${service} in a Measurement Period, as a percentage: (Scheduled Time − Downtime) ÷ Scheduled Time × 100, calculated exactly and without rounding. A Measurement Period without Scheduled Time meets every availability target.`;
          break;
        default: {
          const what =
            m.type === "latency"
              ? "the latency measurements"
              : m.type === "error rate"
                ? "the error rate measurements"
                : `the ${m.type} measurements`;
          const unit = m.unit === "percent" ? "as a percentage" : "in milliseconds";
          meaning = m.percentile
            ? md`is the ${ordinal(m.percentile)} percentile of ${what} of ${service} taken within the Service Hours in a Measurement Period, ${unit}, determined by the nearest-rank method: of the n measurements in ascending order, the one at rank ⌈${m.percentile} ÷ 100 × n⌉.`
            : md`is the arithmetic mean of ${what} of ${service} taken within the Service Hours in a Measurement Period, ${unit}.`;
          break;
        }
      }
      const measured = m.measuredBy ? md` Method of measurement: ${m.measuredBy}.` : raw("");
      return clause(md`${defined(titleOf(m))} ${meaning}${measured}`);
    });
    const outages = this.bundle.objectives.some(
      (o) => o.metricType === "availability" || o.maxOutagePerIncident || o.maxTotalOutage,
    );
    if (outages) {
      clauses.push(
        clause(
          raw(
            "Outages of a service that overlap or adjoin are one incident. Downtime is counted only within the Service Hours, and an incident that spans two Measurement Periods counts in each for the part that falls in it.",
          ),
        ),
      );
    }
    if (this.bundle.objectives.length) {
      const breaches: Markdown[] = [raw("once in each Measurement Period in which its target is not met")];
      if (this.bundle.objectives.some((o) => o.maxOutagePerIncident)) {
        breaches.push(
          raw(
            "for a limit on the length of an incident, once for each incident that lasts longer than the limit, in the Measurement Period in which the incident began",
          ),
        );
      }
      if (this.bundle.objectives.some((o) => o.maxTotalOutage)) {
        breaches.push(
          raw("for a limit on total Downtime, once in each period in which total Downtime exceeds the limit"),
        );
      }
      if (breaches.length === 1) clauses.push(clause(raw(`A service level is breached ${breaches[0].text}.`)));
      else clauses.push({ blocks: [paragraph(raw("A service level is breached:")), ...lettered(breaches)] });
      clauses.push(
        clause(
          raw(
            'Values are compared with targets exactly, without rounding. A target "at least" or "at most" a value is met by that value; a value "above" or "below" a stated value must differ from it.',
          ),
        ),
      );
    }
    return clauses;
  }

  // --- Exclusions ------------------------------------------------------------------------------

  private exclusionItem(e: BundleExclusion, customer: Markdown): Markdown {
    switch (e.cause) {
      case "maintenance": {
        const conditions: Markdown[] = [];
        if (e.notice)
          conditions.push(md`announced to ${customer} at least ${formatDuration(e.notice)} before it starts`);
        if (e.allowance) {
          conditions.push(
            md`up to ${formatDuration(e.allowance.duration)} ${perWindow(e.allowance.window)} in total, counted in order of start`,
          );
        }
        return conditions.length
          ? md`Scheduled Maintenance, that is, maintenance ${join(conditions, ", ")}`
          : raw("Scheduled Maintenance, that is, any maintenance");
      }
      case "customer":
        return raw("Customer-Caused Outages");
      case "force majeure":
        return raw("outages caused by a Force Majeure Event");
    }
    return md`${String(e.cause)}`;
  }

  private lateMaintenance(exclusions: BundleExclusion[]): Markdown[] {
    const out: Markdown[] = [];
    for (const e of exclusions) {
      if (e.cause !== "maintenance") continue;
      const parts: Markdown[] = [];
      if (e.notice) parts.push(md`maintenance announced less than ${formatDuration(e.notice)} before it starts`);
      if (e.allowance)
        parts.push(
          md`maintenance in excess of ${formatDuration(e.allowance.duration)} ${inWindow(e.allowance.window)}`,
        );
      if (parts.length === 1) out.push(md`${raw(capitalise(parts[0].text))} counts as Downtime.`);
      if (parts.length === 2) out.push(md`${raw(capitalise(parts[0].text))}, and ${parts[1]}, count as Downtime.`);
    }
    return out;
  }

  private exclusionsSection(): Clause[] {
    const clauses: Clause[] = [];
    for (const s of this.bundle.services) {
      if (s.exclusions.length === 0) continue;
      const items = s.exclusions.map((e) => this.exclusionItem(e, this.party(s.customer, "customer")));
      const one = items.length === 1;
      const lead = this.measuresDowntime()
        ? md`The following ${one ? "is" : "are"} not Downtime of ${this.service(s.name)} and ${one ? "is" : "are"} disregarded in measuring its service levels:`
        : md`The following ${one ? "is" : "are"} disregarded in measuring the service levels of ${this.service(s.name)}:`;
      clauses.push(listClause(lead, items));
      const late = this.lateMaintenance(s.exclusions);
      if (late.length) clauses.push(clause(join(late, " ")));
    }
    for (const o of this.bundle.objectives) {
      const own = this.ownExclusions(o);
      if (own.length === 0) continue;
      const one = own.length === 1;
      clauses.push(
        listClause(
          md`For ${this.objective(o.name)} only, the following ${one ? "is" : "are"} also disregarded:`,
          own.map((e) => this.exclusionItem(e, this.partyFor(o.name, "customer"))),
        ),
      );
      const late = this.lateMaintenance(own);
      if (late.length) clauses.push(clause(join(late, " ")));
    }
    return clauses;
  }

  /** The objective's exclusions beyond its service's. */
  private ownExclusions(o: BundleObjective): BundleExclusion[] {
    const service = o.service === null ? undefined : this.services.get(o.service);
    const inherited = service?.exclusions ?? [];
    const prefix = o.exclusions.slice(0, inherited.length);
    if (JSON.stringify(prefix) === JSON.stringify(inherited)) return o.exclusions.slice(inherited.length);
    return o.exclusions;
  }

  // --- Support ---------------------------------------------------------------------------------

  private supportSection(): Clause[] {
    const support = this.bundle.objectives.filter((o) => o.support);
    if (support.length === 0) return [];
    const withService = this.bundle.services.length > 1;
    const head = [
      raw("Service level"),
      ...(withService ? [raw("Service")] : []),
      raw("Severity"),
      raw("Description"),
      raw("Response within"),
      raw("Resolution within"),
      raw("Required performance"),
    ];
    const rows = support.map((o) => {
      const s = o.support!;
      const time = (t: typeof s.response) => (t ? md`${formatDuration(t.within)}, ${this.hours(t.during)}` : DASH);
      return [
        md`${titleOf(o)}`,
        ...(withService ? [o.service ? this.service(o.service) : DASH] : []),
        s.severity === null ? raw("any") : md`${String(s.severity)}`,
        s.description ? md`${s.description}` : DASH,
        time(s.response),
        time(s.resolution),
        s.share
          ? md`${s.share.comparator} ${formatPercent(s.share.percent)} of tickets ${perWindow(s.share.window)}`
          : DASH,
      ];
    });
    return [
      clause(
        md`${raw(capitalise(this.theProvider().text))} shall respond to and resolve support tickets within the following times:`,
        table(head, rows),
      ),
      clause(
        raw(
          `Each time runs from when the ticket is opened. A time marked "at any time" runs continuously; a time marked "during" a calendar runs only within the hours of that calendar, excluding its holidays. A ticket meets its service level only if both its response and its resolution are on time; a ticket that has not been responded to or resolved is not on time. The required performance is measured over the tickets of that severity opened in the Measurement Period${support.some((o) => o.support!.severity === null) ? ' (for a service level whose severity is "any", over every ticket of its service, whatever its severity)' : ""}; a Measurement Period in which no such ticket is opened meets it.`,
        ),
      ),
    ];
  }

  // --- Service credits -------------------------------------------------------------------------

  private creditsSection(): Clause[] {
    const remedies = this.bundle.remedies.filter((r) => r.credits.length > 0);
    const clauses: Clause[] = remedies.map((r) => this.creditClause(r));
    if (clauses.length) {
      clauses.push(
        clause(
          raw(
            "Each Service Credit is the stated percentage of the stated fee, rounded half up to the smallest unit of the currency.",
          ),
        ),
      );
    }
    return clauses;
  }

  private creditClause(r: BundleRemedy): Clause {
    const objective = r.objective === null ? undefined : this.objectives.get(r.objective);
    const window = objective?.window ?? null;
    const period = window ? md`${inWindow(window)}` : raw("in a Measurement Period");
    const thresholds = r.credits.filter(
      (c): c is BundleCredit & { condition: { kind: "threshold" } } => c.condition.kind === "threshold",
    );
    const each = r.credits.filter((c) => c.condition.kind === "each breach");
    const blocks: Block[] = [];
    const sentences: Markdown[] = [];
    if (thresholds.length) {
      const measure = this.measure(objective);
      blocks.push(
        paragraph(
          md`If ${this.theMeasure(objective)} for ${this.objective(r.objective)} ${period} is as shown below, ${this.partyFor(r.objective, "provider")} shall give ${this.partyFor(r.objective, "customer")} the Service Credit shown:`,
        ),
        table(
          [md`${raw(capitalise(measure.text))} ${period}`, raw("Service Credit")],
          thresholds.map((c) => [
            targetText(c.condition.comparator, c.condition.value),
            md`${formatPercent(c.percent)} of ${feeOf(c.basis)}`,
          ]),
        ),
      );
    }
    for (const c of each) {
      const text = md`${raw(capitalise(this.partyFor(r.objective, "provider").text))} shall give ${this.partyFor(r.objective, "customer")} a Service Credit of ${formatPercent(c.percent)} of ${feeOf(c.basis)} for each breach of ${this.objective(r.objective)} ${period}.`;
      if (blocks.length === 0) blocks.push(paragraph(text));
      else sentences.push(text);
    }
    // "Service Credits under this clause" the first time, "These Service Credits" after.
    let named = false;
    const these = () => {
      const text = named ? "These Service Credits" : "Service Credits under this clause";
      named = true;
      return raw(text);
    };
    if (r.credits.length > 1) {
      sentences.push(md`${these()} are not cumulative: only the single largest one that applies is given.`);
    }
    if (r.cap) {
      sentences.push(
        md`${these()} shall not exceed ${formatPercent(r.cap.percent)} of ${feeOf(r.cap.basis)} ${capWindow(r.cap.window)}.`,
      );
    }
    if (r.claimWithin) {
      sentences.push(
        md`To receive a Service Credit under this clause, ${this.partyFor(r.objective, "customer")} must claim it within ${formatDuration(r.claimWithin)} after the end of the Measurement Period to which it relates.`,
      );
      named = true;
    }
    if (r.soleRemedy) {
      const others = this.bundle.remedies.filter(
        (x) => x !== r && x.objective === r.objective && (x.termination || x.actions.length),
      );
      const keys: SectionKey[] = [];
      if (others.some((x) => x.actions.length)) keys.push("actions");
      if (others.some((x) => x.termination)) keys.push("termination");
      const without = keys.length
        ? md`Without prejudice to clause${keys.length > 1 ? "s" : ""} ${raw(listAnd(keys.map((k) => sectionRef(k).text)))}, `
        : raw("");
      sentences.push(
        md`${without}${raw(without.text ? these().text.replace(/^These/, "these") : these().text)} are ${this.partyFor(r.objective, "customer")}${raw("'s")} sole and exclusive remedy for any failure to meet ${this.objective(r.objective)}.`,
      );
    }
    appendSentences(blocks, sentences);
    return { heading: md`${titleOf(r)}`, blocks };
  }

  // --- Corrective actions ----------------------------------------------------------------------

  private actionsSection(): Clause[] {
    return this.bundle.remedies
      .filter((r) => r.actions.length > 0)
      .map((r) => ({
        heading: md`${titleOf(r)}`,
        blocks: [
          paragraph(
            md`After each breach of ${this.objective(r.objective)}, ${this.partyFor(r.objective, "provider")} shall deliver to ${this.partyFor(r.objective, "customer")}:`,
          ),
          ...lettered(
            r.actions.map((a) =>
              a.within ? md`${a.description}, within ${formatDuration(a.within)} of the breach` : md`${a.description}`,
            ),
          ),
        ],
      }));
  }

  // --- Termination -----------------------------------------------------------------------------

  private terminationSection(): Clause[] {
    return this.bundle.remedies
      .filter((r) => r.termination)
      .map((r) => {
        const t = r.termination!;
        const objective = r.objective === null ? undefined : this.objectives.get(r.objective);
        const periods = objective ? pluralWindowNoun(objective.window) : "Measurement Periods";
        const notice = r.notice ? md`by giving at least ${possessive(r.notice)} notice` : raw("by notice");
        return headed(
          md`${titleOf(r)}`,
          md`If ${this.objective(r.objective)} is breached in ${String(t.breaches)} ${periods} ending within any period of ${formatDuration(t.within)}, ${this.partyFor(r.objective, "customer")} may terminate this Agreement ${notice} to ${this.partyFor(r.objective, "provider")}.`,
        );
      });
  }

  // --- Incentives ------------------------------------------------------------------------------

  private incentivesSection(): Clause[] {
    return this.bundle.incentives.filter((i) => i.bonuses.length > 0).map((i) => this.incentiveClause(i));
  }

  private incentiveClause(i: BundleIncentive): Clause {
    const objective = i.objective === null ? undefined : this.objectives.get(i.objective);
    const measure = this.theMeasure(objective);
    const window = objective?.window;
    const noun = window ? windowNoun(window) : "Measurement Period";
    const nouns = window ? pluralWindowNoun(window) : "Measurement Periods";
    const condition = (b: BundleIncentive["bonuses"][number]) => {
      const target = targetText(b.comparator, b.value);
      if (b.consecutiveWindows <= 1) return md`for each ${noun} in which ${measure} is ${target}`;
      const before = b.consecutiveWindows - 1;
      const preceding =
        before === 1 ? md`in the preceding ${noun}` : md`in each of the ${String(before)} preceding ${nouns}`;
      return md`for each ${noun} in which ${measure} is ${target}, provided that it was also ${target} ${preceding}`;
    };
    const payer = this.partyFor(i.objective, "customer");
    const payee = this.partyFor(i.objective, "provider");
    const blocks: Block[] = [];
    const sentences: Markdown[] = [];
    if (i.bonuses.length === 1) {
      const b = i.bonuses[0];
      blocks.push(
        paragraph(
          md`Under ${this.objective(i.objective)}, ${payer} shall pay ${payee} a bonus of ${formatPercent(b.percent)} of ${feeOf(b.basis)} ${condition(b)}.`,
        ),
      );
    } else {
      blocks.push(
        paragraph(md`Under ${this.objective(i.objective)}, ${payer} shall pay ${payee} the following bonus:`),
        table(
          [raw("Condition"), raw("Bonus")],
          i.bonuses.map((b) => [
            md`${raw(capitalise(condition(b).text))}`,
            md`${formatPercent(b.percent)} of ${feeOf(b.basis)}`,
          ]),
        ),
      );
      sentences.push(
        raw("Bonuses under this clause are not cumulative: only the single largest one that applies is paid."),
      );
    }
    if (i.cap) {
      sentences.push(
        md`Bonuses under this clause shall not exceed ${formatPercent(i.cap.percent)} of ${feeOf(i.cap.basis)} ${capWindow(i.cap.window)}.`,
      );
    }
    appendSentences(blocks, sentences);
    return { heading: md`${titleOf(i)}`, blocks };
  }

  // --- Reporting -------------------------------------------------------------------------------

  private reportingSection(): Clause[] {
    const clauses: Clause[] = [];
    for (const r of this.bundle.reporting) {
      for (const report of r.reports) {
        const levels = listAnd(
          report.objectives.map((name) => quoted(titleOf(this.objectives.get(name) ?? { name, title: null })).text),
        );
        const what = report.objectives.length
          ? raw(`on ${report.objectives.length === 1 ? "the service level" : "the service levels"} ${levels}`)
          : raw("on the service levels");
        const frequency = report.frequency ? md` ${FREQUENCY_WORD[report.frequency]}` : raw("");
        const within =
          report.within && report.frequency
            ? md`, within ${formatDuration(report.within)} after the end of each ${FREQUENCY_PERIOD[report.frequency]}`
            : report.within
              ? md`, within ${formatDuration(report.within)} after the end of each reporting period`
              : raw("");
        clauses.push(
          headed(
            md`${titleOf(r)}`,
            md`${raw(capitalise(this.theProvider().text))} shall report to ${this.theCustomer()}${frequency} ${what}${within}.`,
          ),
        );
      }
      if (r.review) {
        const whose = this.singleProvider() ? raw("the Provider") : raw("each provider");
        const text = md`The Parties shall meet ${FREQUENCY_WORD[r.review]} to review the performance of ${whose} against the service levels.`;
        if (r.reports.length === 0) clauses.push(headed(md`${titleOf(r)}`, text));
        else clauses.push(clause(text));
      }
    }
    return clauses;
  }

  // --- Term ------------------------------------------------------------------------------------

  private termSection(): Clause[] {
    const a = this.bundle.agreement;
    if (!a) return [];
    const clauses: Clause[] = [];
    if (a.effective || a.term) {
      const starts = a.effective
        ? md`This Agreement takes effect on ${formatDate(a.effective)}`
        : raw("This Agreement takes effect on signature");
      const term = a.term ? md` and continues for an initial term of ${formatDuration(a.term)}` : raw("");
      clauses.push(clause(md`${starts}${term}.`));
    }
    if (a.renewal) {
      const r = a.renewal;
      const period = r.period
        ? md`a further period of ${formatDuration(r.period)}`
        : raw("a further period of the same length");
      if (r.automatic) {
        const notice = r.notice
          ? md` unless either Party gives the other at least ${possessive(r.notice)} notice of non-renewal before the end of the then-current term`
          : raw(" unless either Party gives the other notice of non-renewal before the end of the then-current term");
        clauses.push(
          clause(
            md`At the end of the initial term and of each renewal period, this Agreement renews automatically for ${period}${notice}.`,
          ),
        );
      } else {
        const notice = r.notice
          ? md`, on notice given at least ${formatDuration(r.notice)} before the end of the then-current term`
          : raw("");
        clauses.push(clause(md`The Parties may agree to renew this Agreement for ${period}${notice}.`));
      }
    }
    if (a.governingLaw) {
      const article =
        /^(State|Commonwealth|Province|Republic|Kingdom|Federal|Grand Duchy|Principality|Canton|United|Netherlands|Czech Republic)\b/.test(
          a.governingLaw,
        )
          ? "the "
          : "";
      clauses.push(clause(md`This Agreement is governed by the law of ${article}${a.governingLaw}.`));
    }
    return clauses;
  }

  // --- Signatures ------------------------------------------------------------------------------

  private signatures(): SignatureBlock | undefined {
    const signing = [...this.providers, ...this.customers];
    const parties = signing.length ? signing : this.bundle.parties;
    if (parties.length === 0 || !this.bundle.agreement) return undefined;
    const head = [
      raw(""),
      ...parties.map((p) =>
        p.role ? md`For ${titleOf(p)} (${p.role === "provider" ? "Provider" : "Customer"})` : md`For ${titleOf(p)}`,
      ),
    ];
    const rows = ["Signature", "Name", "Position", "Date"].map((label) => [raw(label), ...parties.map(() => raw(""))]);
    return { intro: raw("Signed by the authorised representatives of the Parties:"), head, rows };
  }
}

/** Whether `monthly × divisor = fee` exactly (the compiler rounds a quotient that does not terminate). */
function isExactMonthly(monthly: string, fee: string, divisor: number): boolean {
  try {
    return new Decimal(monthly).times(divisor).eq(new Decimal(fee));
  } catch {
    return false;
  }
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The contract's document model, which the Markdown and the Word renderers both walk. */
export function contractDocument(bundle: RuleBundle): ContractDocument {
  return new ContractWriter(bundle).document();
}

/** The Markdown contract for a rule bundle: deterministic, and safe whatever the bundle's strings hold. */
export function renderContract(bundle: RuleBundle): string {
  return renderMarkdown(contractDocument(bundle));
}
