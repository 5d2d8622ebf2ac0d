/**
 * `compileBundle` turns a checked program into the rule bundle `sla-rules/1` (see @sla/bundle):
 * every reference becomes the referenced declaration's name, every literal an exact decimal
 * string, every window and calendar an explicit object, and every rule keeps its `source`.
 *
 * The output depends only on the program: no clock, no environment, no map iteration order that
 * the source does not fix. Objects are built with their keys in the order of the types, so
 * `serializeBundle` writes byte-identical JSON for the same source.
 *
 * Meant for programs without errors (the CLI refuses to build otherwise). On a program with
 * errors it still returns a bundle, never throws: a reference that does not resolve to the kind
 * wanted becomes `null` (or is left out of a list), and a rule missing a part it cannot do without
 * (a credit without a percentage) is left out. Duplicated names keep their first declaration.
 */
import Decimal from "decimal.js";
import {
  type AgreementDeclaration,
  type CalendarDeclaration,
  type ClauseDeclaration,
  type ComparatorNode,
  type Declaration,
  type DeclarationKind,
  type DurationLiteral,
  type ExcludeProperty,
  type DowntimeSliceProperty,
  type IndicatorProperty,
  type FeeBasis as FeeBasisNode,
  formatDuration,
  type HoursSpec,
  type Identifier,
  type IncentiveDeclaration,
  type MetricDeclaration,
  type ObjectiveDeclaration,
  type PartyDeclaration,
  type Position,
  propertiesOf,
  propertyOf,
  type RemedyDeclaration,
  type ReportingDeclaration,
  type ServiceDeclaration,
  type TargetValue,
  WEEKDAYS,
  type WindowNode,
} from "@sla/language";
import type { CheckedProgram } from "@sla/language";
import { type AtRiskHelpers, objectiveFeesAtRisk, serviceFeesAtRisk } from "./compile-at-risk.ts";
import { changeOfControlOf } from "./compile-change-of-control.ts";
import { measurementPlanOf } from "./compile-measurement-plan.ts";
import { outcomeOf } from "./compile-outcome.ts";
import { type PlainHelpers, withPropertyFields } from "./from-properties.ts";
import { type ContractModel, contractModel, decimalText, durationToSeconds, rollingDays } from "@sla/language";
import { folderOf, pathToFolderUri, relativeToFolder } from "@sla/language";
import {
  BUNDLE_FORMAT,
  BUNDLE_SCHEMA_ID,
  BundleAgreement,
  type BundleBudget,
  BundleCalendar,
  BundleClause,
  type BundleCredit,
  type BundleDuration,
  type BundleExclusion,
  type BundleHours,
  BundleIncentive,
  type BundleIndicator,
  BundleMetric,
  type BundleMoney,
  BundleObjective,
  BundleParty,
  BundleRemedy,
  BundleReporting,
  BundleService,
  type BundleSupport,
  type BundleTargetValue,
  type BundleWindow,
  type Comparator,
  type FeeBasis,
  type MetricType,
  type RuleBundle,
  type Source,
  type ObjectSchema,
  type Unmapped,
  type Weekday,
} from "@sla/bundle";

export interface CompileOptions {
  /**
   * The folder `source.file` is relative to: a `file:` URI or an absolute path. Defaults to the
   * folder of the program's root file.
   */
  rootDir?: string;
}

/** Decimal places kept when a fee is divided into months and the quotient does not terminate. */
export const MONTHLY_FEE_PLACES = 20;

/**
 * The properties (by AST kind) whose bundle fields this file writes by hand, per declaration kind:
 * irregular forms, values that need the contract model or a default, and parts of a larger object.
 * The plain ones are read by the fields the bundle marks `fromProperty`; a test fails when a
 * property a declaration holds is in neither (`test/from-properties.test.ts`).
 */
export const COMPILED_BY_HAND: Readonly<Record<DeclarationKind, readonly string[]>> = {
  agreement: ["renewal", "timezone", "currency", "schedule", "master terms", "define", "change of control"],
  party: ["role", "called", "known as"],
  calendar: ["working hours", "holidays", "timezone"],
  service: ["fee", "hours", "exclude", "cap all credits", "at risk", "pool maximum", "earn back"],
  metric: ["type", "downtime slice", "indicator", "measurer", "data source", "sample", "gaps"],
  objective: [
    "metric",
    "service",
    "target",
    "max outage per incident",
    "max total outage",
    "severity",
    "response",
    "resolution",
    "tickets",
    "for each",
    "exclude",
    "critical",
    "minimum",
    "key measurement",
  ],
  remedy: ["credit", "credits cumulative", "minimum credit", "cap", "action", "terminate"],
  incentive: ["bonus", "cap", "service", "outcome", "gain share", "pain share"],
  reporting: ["report"],
  clause: ["text", "placement"],
};

type Declared<K extends DeclarationKind> = { uri: string; declaration: Extract<Declaration, { kind: K }> };

class Compiler {
  private readonly folder: string;
  private readonly agreement: Declared<"agreement"> | undefined;
  /** Links and budgets resolved once, shared with the checker and the language server. */
  private readonly model: ContractModel;
  /** What the generic step needs to convert the fields the bundle reads from plain properties. */
  private readonly plain: PlainHelpers = { ref: (identifier, kind) => this.ref(identifier, kind), duration };

  constructor(
    private readonly program: CheckedProgram,
    options: CompileOptions,
  ) {
    this.folder = options.rootDir !== undefined ? pathToFolderUri(options.rootDir) : folderOf(program.root);
    this.agreement = this.declared("agreement")[0];
    this.model = contractModel(program);
  }

  compile(): RuleBundle {
    return {
      $schema: BUNDLE_SCHEMA_ID,
      format: BUNDLE_FORMAT,
      agreement: this.agreement ? this.compileAgreement(this.agreement) : null,
      parties: this.declared("party").map((d) => this.compileParty(d)),
      calendars: this.declared("calendar").map((d) => this.compileCalendar(d)),
      services: this.declared("service").map((d) => this.compileService(d)),
      metrics: this.declared("metric").map((d) => this.compileMetric(d)),
      objectives: this.declared("objective").map((d) => this.compileObjective(d)),
      remedies: this.declared("remedy").map((d) => this.compileRemedy(d)),
      incentives: this.declared("incentive").map((d) => this.compileIncentive(d)),
      reporting: this.declared("reporting").map((d) => this.compileReporting(d)),
      clauses: this.declared("clause").map((d) => this.compileClause(d)),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Program access

  /** The named declarations of a kind in program order; a duplicated name keeps its first declaration. */
  private declared<K extends DeclarationKind>(kind: K): Declared<K>[] {
    return this.program.declarations.filter(
      (d): d is Declared<K> =>
        d.declaration.kind === kind &&
        d.declaration.name !== undefined &&
        this.program.symbols.get(d.declaration.name.text)?.declaration === d.declaration,
    );
  }

  /** The declaration a name refers to, when it exists and is of the kind wanted. */
  private lookup<K extends DeclarationKind>(identifier: Identifier | undefined, kind: K): Declared<K> | undefined {
    if (!identifier) return undefined;
    const symbol = this.program.symbols.get(identifier.text);
    if (!symbol || symbol.kind !== kind) return undefined;
    return { uri: symbol.uri, declaration: symbol.declaration as Extract<Declaration, { kind: K }> };
  }

  private ref(identifier: Identifier | undefined, kind: DeclarationKind): string | null {
    return this.lookup(identifier, kind) ? identifier!.text : null;
  }

  /** A declaration's bundle object: the fields read from plain properties filled in, in the definition's order. */
  private withFields<S extends ObjectSchema>(schema: S, d: Declaration, byHand: Unmapped<S>): S["static"] {
    return withPropertyFields(schema, d, byHand, this.plain);
  }

  private source(uri: string, position: Position): Source {
    return { file: relativeToFolder(this.folder, uri), line: position.line, column: position.column };
  }

  private atRiskHelpers(uri: string): AtRiskHelpers {
    return {
      source: (position) => this.source(uri, position as Position),
      targetValue: (value) => this.targetValue(value),
      duration,
    };
  }

  private timezone(): string {
    const zone = this.agreement && propertyOf(this.agreement.declaration, "timezone")?.value?.value;
    return zone || "UTC";
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  private compileAgreement({
    uri,
    declaration: d,
  }: {
    uri: string;
    declaration: AgreementDeclaration;
  }): BundleAgreement {
    const renewal = propertyOf(d, "renewal");
    return this.withFields(BundleAgreement, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      renewal: renewal
        ? { automatic: renewal.automatic, period: duration(renewal.period), notice: duration(renewal.notice) }
        : null,
      timezone: this.timezone(),
      currency: propertyOf(d, "currency")?.code?.text ?? null,
      ...definitionsOf(d),
      ...scheduleOf(d),
      ...changeOfControlOf(d, (position) => this.source(uri, position), duration),
      source: this.source(uri, d.range.start),
    });
  }

  private compileParty({ uri, declaration: d }: { uri: string; declaration: PartyDeclaration }): BundleParty {
    return this.withFields(BundleParty, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      role: propertyOf(d, "role")?.role ?? null,
      ...labelOf(propertyOf(d, "called")?.value?.value, propertyOf(d, "known as")?.value?.value),
      source: this.source(uri, d.range.start),
    });
  }

  private compileCalendar({ uri, declaration: d }: { uri: string; declaration: CalendarDeclaration }): BundleCalendar {
    const hours: BundleCalendar["hours"] = [];
    for (const p of propertiesOf(d, "working hours")) {
      if (!p.from || !p.to || p.days.length === 0) continue;
      const days = new Set<Weekday>();
      for (const span of p.days) for (const day of weekdaySpan(span.from, span.to)) days.add(day);
      hours.push({ days: WEEKDAYS.filter((day) => days.has(day)), from: p.from.text, to: p.to.text });
    }
    const holidays = new Set<string>();
    for (const p of propertiesOf(d, "holidays")) for (const date of p.dates) holidays.add(date.text);
    return this.withFields(BundleCalendar, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      timezone: propertyOf(d, "timezone")?.value?.value || this.timezone(),
      hours,
      holidays: [...holidays].sort(),
      source: this.source(uri, d.range.start),
    });
  }

  private compileService({ uri, declaration: d }: { uri: string; declaration: ServiceDeclaration }): BundleService {
    const fee = propertyOf(d, "fee");
    const money = fee?.amount && fee.period ? fee.amount : undefined;
    return this.withFields(BundleService, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      fee: money && fee?.period ? { amount: money.amount, currency: money.currency, period: fee.period } : null,
      monthlyFee: money && fee?.period ? monthlyFee(money.amount, money.currency, fee.period) : null,
      ...(fee?.charged && fee.period ? { feeCharged: { period: fee.period } } : {}),
      ...(fee?.unit && fee.period ? { feeUnit: fee.unit.text } : {}),
      hours: this.hours(propertyOf(d, "hours")?.hours) ?? { kind: "24x7" },
      exclusions: this.exclusions(uri, propertiesOf(d, "exclude")),
      ...serviceFeesAtRisk(d, this.atRiskHelpers(uri)),
      ...this.creditCap(uri, propertyOf(d, "cap all credits")),
      source: this.source(uri, d.range.start),
    });
  }

  private compileMetric({ uri, declaration: d }: { uri: string; declaration: MetricDeclaration }): BundleMetric {
    const type = propertyOf(d, "type");
    const metricType: MetricType = type?.type ?? "availability";
    return this.withFields(BundleMetric, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      type: metricType,
      percentile: metricType === "latency" ? (type?.percentile?.value ?? null) : null,
      unit: metricUnit(metricType),
      ...downtimeSliceOf(propertyOf(d, "downtime slice")),
      ...indicatorOf(propertyOf(d, "indicator")),
      ...measurementPlanOf(d, (position) => this.source(uri, position), duration),
      source: this.source(uri, d.range.start),
    });
  }

  private compileObjective({
    uri,
    declaration: d,
  }: {
    uri: string;
    declaration: ObjectiveDeclaration;
  }): BundleObjective {
    // objective → metric → type, and its own service else its metric's: resolved once, by the model
    const model = this.model.objectiveOf(d);
    const metric = model?.metric;
    const metricType = metric ? (metric.type ?? "availability") : null;
    const service = model?.service;

    const targetProperty = propertyOf(d, "target");
    const targetValue = this.targetValue(targetProperty?.value);
    const target =
      targetProperty?.comparator && targetValue
        ? {
            comparator: targetProperty.comparator.op,
            value: targetValue,
            source: this.source(uri, targetProperty.range.start),
          }
        : null;

    const perIncident = propertyOf(d, "max outage per incident");
    const perIncidentDuration = duration(perIncident?.duration);
    const total = propertyOf(d, "max total outage");
    const totalDuration = duration(total?.duration);
    const totalWindow = window(total?.window);
    const tickets = propertyOf(d, "tickets");

    const objectiveWindow =
      window(targetProperty?.window) ?? totalWindow ?? window(tickets?.window) ?? window(undefined, "calendar month")!;

    return this.withFields(BundleObjective, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      service: service ? service.declaration.name!.text : null,
      metric: metric ? metric.declaration.name!.text : null,
      metricType,
      window: objectiveWindow,
      target,
      ...(model?.hours ? { hours: { scope: model.hours.scope, calendar: model.hours.calendar.name } } : {}),
      budgets: metricType === "availability" && target ? this.budgets(d) : [],
      maxOutagePerIncident:
        perIncident && perIncidentDuration
          ? { duration: perIncidentDuration, source: this.source(uri, perIncident.range.start) }
          : null,
      maxTotalOutage:
        total && totalDuration
          ? {
              duration: totalDuration,
              window: totalWindow ?? objectiveWindow,
              source: this.source(uri, total.range.start),
            }
          : null,
      support: this.support(uri, d),
      exclusions: [
        ...(service ? this.exclusions(service.uri, propertiesOf(service.declaration, "exclude")) : []),
        ...this.exclusions(uri, propertiesOf(d, "exclude")),
      ],
      ...(propertyOf(d, "for each")?.unit ? { forEach: propertyOf(d, "for each")!.unit!.text } : {}),
      ...objectiveFeesAtRisk(d, this.atRiskHelpers(uri)),
      source: this.source(uri, d.range.start),
    });
  }

  private support(uri: string, d: ObjectiveDeclaration): BundleSupport | null {
    const severity = propertyOf(d, "severity");
    const response = propertyOf(d, "response");
    const resolution = propertyOf(d, "resolution");
    const tickets = propertyOf(d, "tickets");
    // Without a severity, the targets apply to every ticket of the service (a catch-all level).
    if (!severity?.level && !response && !resolution && !tickets) return null;
    const within = (p: typeof response | typeof resolution) => {
      const w = duration(p?.duration);
      if (!p || !w) return null;
      const during = this.hours(p.during) ?? { kind: "24x7" as const };
      // only a resolution clock may start at acknowledgement
      return p.kind === "resolution" && p.start ? { within: w, during, start: p.start } : { within: w, during };
    };
    const shareWindow = window(tickets?.window);
    return {
      severity: severity?.level ? Number(severity.level.value) : null,
      description: severity?.description?.value ?? null,
      response: within(response),
      resolution: within(resolution),
      share:
        tickets?.comparator && tickets.share
          ? {
              comparator: tickets.comparator.op,
              percent: tickets.share.value,
              window: shareWindow ?? window(undefined, "calendar month")!,
            }
          : null,
      source: this.source(uri, (severity ?? response ?? resolution ?? tickets)!.range.start),
    };
  }

  private compileRemedy({ uri, declaration: d }: { uri: string; declaration: RemedyDeclaration }): BundleRemedy {
    const credits: BundleCredit[] = [];
    for (const p of propertiesOf(d, "credit")) {
      const basis = feeBasis(p.basis);
      const size = p.amount
        ? { amount: { amount: p.amount.amount, currency: p.amount.currency } }
        : p.percentage && basis
          ? { percent: p.percentage.value, basis }
          : undefined;
      if (!size || !p.condition) continue;
      let condition: BundleCredit["condition"];
      if (p.condition.kind === "each breach") condition = { kind: "each breach" };
      else if (p.condition.kind === "breaches") {
        const per = window(p.condition.window);
        if (!p.condition.from || !per) continue;
        const least = Number(p.condition.from.value);
        const most = p.condition.orMore ? null : p.condition.to ? Number(p.condition.to.value) : least;
        condition = { kind: "breaches", least, most, window: per };
      } else if (p.condition.kind === "each unit") {
        const unit = duration(p.condition.unit);
        if (!unit || !p.condition.rounding) continue;
        condition = {
          kind: "each unit",
          unit,
          rounding: p.condition.rounding,
          beyondAllowance: p.condition.beyondAllowance,
        };
      } else {
        const value = this.targetValue(p.condition.threshold);
        if (!p.condition.comparator || !value) continue;
        condition = { kind: "threshold", comparator: p.condition.comparator.op, value };
        const { bound } = p.condition;
        if (bound) {
          const boundValue = this.targetValue(bound.threshold);
          if (!bound.comparator || !boundValue) continue;
          condition.bound = { comparator: bound.comparator.op, value: boundValue };
        }
      }
      credits.push({ ...size, condition, source: this.source(uri, p.range.start) });
    }
    const terminate = propertyOf(d, "terminate");
    const terminateWithin = duration(terminate?.within);
    const minimum = propertyOf(d, "minimum credit")?.amount;
    return this.withFields(BundleRemedy, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      credits,
      ...(propertyOf(d, "credits cumulative")?.mode === "cumulative" ? { cumulative: true as const } : {}),
      ...(minimum ? { minimumCredit: { amount: minimum.amount, currency: minimum.currency } } : {}),
      cap: this.cap(uri, d),
      actions: propertiesOf(d, "action")
        .filter((p) => p.description)
        .map((p) => ({
          description: p.description!.value,
          within: duration(p.duration),
          source: this.source(uri, p.range.start),
        })),
      termination:
        terminate?.times && terminateWithin
          ? {
              breaches: Number(terminate.times.value),
              within: terminateWithin,
              source: this.source(uri, terminate.range.start),
            }
          : null,
      source: this.source(uri, d.range.start),
    });
  }

  private compileIncentive({
    uri,
    declaration: d,
  }: {
    uri: string;
    declaration: IncentiveDeclaration;
  }): BundleIncentive {
    const bonuses: BundleIncentive["bonuses"] = [];
    for (const p of propertiesOf(d, "bonus")) {
      const basis = feeBasis(p.basis);
      const value = this.targetValue(p.threshold);
      if (!p.percentage || !basis || !p.comparator || !value) continue;
      bonuses.push({
        percent: p.percentage.value,
        basis,
        comparator: comparator(p.comparator),
        value,
        consecutiveWindows: p.consecutive ? Number(p.consecutive.value) : 1,
        source: this.source(uri, p.range.start),
      });
    }
    return this.withFields(BundleIncentive, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      bonuses,
      cap: this.cap(uri, d),
      ...outcomeOf(d, {
        source: (position) => this.source(uri, position),
        targetValue: (value) => this.targetValue(value),
        window: (node) => window(node),
        ref: (identifier) => this.ref(identifier, "service"),
      }),
      source: this.source(uri, d.range.start),
    });
  }

  private compileReporting({
    uri,
    declaration: d,
  }: {
    uri: string;
    declaration: ReportingDeclaration;
  }): BundleReporting {
    return this.withFields(BundleReporting, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      reports: propertiesOf(d, "report").map((p) => ({
        objectives: p.objectives.filter((o) => this.lookup(o, "objective")).map((o) => o.text),
        frequency: p.frequency ?? null,
        within: duration(p.within),
        source: this.source(uri, p.range.start),
      })),
      source: this.source(uri, d.range.start),
    });
  }

  private compileClause({ uri, declaration: d }: { uri: string; declaration: ClauseDeclaration }): BundleClause {
    return this.withFields(BundleClause, d, {
      name: d.name!.text,
      title: d.title?.value ?? null,
      text: propertiesOf(d, "text")
        .map((p) => p.value?.value ?? "")
        .filter((text) => text !== "")
        .join("\n\n"),
      ...placementOf(propertyOf(d, "placement")?.section),
      source: this.source(uri, d.range.start),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Parts

  private hours(spec: HoursSpec | undefined): BundleHours | undefined {
    if (!spec) return undefined;
    if (spec.kind === "Always") return { kind: "24x7" };
    return this.lookup(spec, "calendar") ? { kind: "calendar", calendar: spec.text } : undefined;
  }

  private exclusions(uri: string, properties: ExcludeProperty[]): BundleExclusion[] {
    const result: BundleExclusion[] = [];
    for (const p of properties) {
      if (!p.cause) continue;
      const notice = p.properties.find((q) => q.kind === "notice");
      const allowance = p.properties.find((q) => q.kind === "allowance");
      const allowanceDuration = allowance?.kind === "allowance" ? duration(allowance.duration) : null;
      const allowanceWindow = allowance?.kind === "allowance" ? window(allowance.window) : null;
      result.push({
        cause: p.cause === "customer caused" ? "customer" : p.cause,
        notice: notice?.kind === "notice" ? duration(notice.duration) : null,
        allowance:
          allowanceDuration && allowanceWindow ? { duration: allowanceDuration, window: allowanceWindow } : null,
        source: this.source(uri, p.range.start),
      });
    }
    return result;
  }

  private cap(uri: string, d: RemedyDeclaration | IncentiveDeclaration): BundleRemedy["cap"] {
    const cap = propertyOf(d, "cap");
    const basis = feeBasis(cap?.basis);
    if (!cap?.percentage || !basis) return null;
    return {
      percent: cap.percentage.value,
      basis,
      window: window(cap.window),
      source: this.source(uri, cap.range.start),
    };
  }

  /** A service's `cap all credits at …`, only when given (bundles without it are unchanged). */
  private creditCap(
    uri: string,
    p: ReturnType<typeof propertyOf<ServiceDeclaration, "cap all credits">>,
  ): Pick<BundleService, "creditCap"> {
    const basis = feeBasis(p?.basis);
    const per = window(p?.window);
    if (!p?.percentage || !basis || !per) return {};
    return { creditCap: { percent: p.percentage.value, basis, window: per, source: this.source(uri, p.range.start) } };
  }

  /** The downtime budgets of an availability target (the contract model's), as bundle values. */
  private budgets(d: ObjectiveDeclaration): BundleBudget[] {
    return (this.model.objectiveOf(d)?.budgets ?? []).map((b) => {
      const budget: BundleBudget = { days: b.days, seconds: b.seconds, text: b.text };
      if (b.window !== undefined) budget.window = b.window;
      if (b.scheduled !== undefined) budget.scheduled = b.scheduled;
      return budget;
    });
  }

  private targetValue(value: TargetValue | undefined): BundleTargetValue | null {
    if (!value) return null;
    switch (value.kind) {
      case "Percentage":
        return { kind: "percentage", value: value.value, text: `${value.value}%` };
      case "Number":
        return { kind: "number", value: value.value, text: value.value };
      case "Duration": {
        const seconds = durationToSeconds(value.amount, value.unit);
        if (seconds === undefined) return null;
        return {
          kind: "duration",
          value: decimalText(seconds.times(1000)),
          text: formatDuration(value.amount, value.unit),
        };
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Values that need nothing but the literal

/** The contract's own defined terms as an optional field, so agreements without any are unchanged. */
function definitionsOf(d: AgreementDeclaration): Pick<BundleAgreement, "definitions"> {
  const definitions = propertiesOf(d, "define").flatMap((p) =>
    p.term && p.meaning ? [{ term: p.term.value, meaning: p.meaning.value }] : [],
  );
  return definitions.length ? { definitions } : {};
}

/** The schedule framing as an optional field, so agreements that are not schedules are unchanged. */
function scheduleOf(d: AgreementDeclaration): Pick<BundleAgreement, "schedule"> {
  const schedule = propertyOf(d, "schedule");
  if (!schedule?.number || !schedule.master) return {};
  return {
    schedule: {
      number: schedule.number.value,
      master: schedule.master.value,
      dated: schedule.dated?.text ?? null,
      masterTerms: (propertyOf(d, "master terms")?.terms ?? []).map((t) => t.value),
    },
  };
}

/** A clause's section as an optional field, so clauses placed after Term are unchanged. */
function placementOf(section: BundleClause["placement"]): Pick<BundleClause, "placement"> {
  return section ? { placement: section } : {};
}

/** A party's label as optional fields, so bundles of parties without one are unchanged. */
function labelOf(called: string | undefined, knownAs: string | undefined): { label?: string; labelIsName?: true } {
  if (called) return { label: called };
  return knownAs ? { label: knownAs, labelIsName: true } : {};
}

/** Time-slice downtime as an optional field, so bundles of metrics without it are unchanged. */
function downtimeSliceOf(p: DowntimeSliceProperty | undefined): Pick<BundleMetric, "downtimeSlice"> {
  const length = duration(p?.length);
  if (!p || !length || !p.comparison || p.threshold?.value === undefined) return {};
  return { downtimeSlice: { length, comparison: p.comparison, threshold: p.threshold.value } };
}

/** A metric's indicator as an optional field, so bundles of metrics without one are unchanged. */
function indicatorOf(p: IndicatorProperty | undefined): { indicator?: BundleIndicator } {
  if (p?.source !== "prometheus") return {};
  const source = "prometheus" as const;
  const threshold = duration(p.threshold);
  const length = duration(p.slice);
  const slice = length && p.sliceAbove ? { slice: { length, above: p.sliceAbove.value } } : {};
  if (p.good?.value !== undefined && p.total?.value !== undefined)
    return { indicator: { source, kind: "good-total", good: p.good.value, total: p.total.value, ...slice } };
  if (p.errors?.value !== undefined && p.total?.value !== undefined)
    return { indicator: { source, kind: "errors-total", errors: p.errors.value, total: p.total.value, ...slice } };
  if (p.histogram?.value !== undefined && threshold)
    return { indicator: { source, kind: "histogram", histogram: p.histogram.value, threshold } };
  return {};
}

/** A duration literal as the bundle writes it (also what `from-properties.ts` converts durations with). */
export function duration(literal: DurationLiteral | undefined): BundleDuration | null {
  if (!literal) return null;
  const seconds = durationToSeconds(literal.amount, literal.unit);
  const result: BundleDuration = {
    text: formatDuration(literal.amount, literal.unit),
    amount: literal.amount,
    unit: literal.unit,
  };
  if (seconds !== undefined) result.seconds = decimalText(seconds);
  return result;
}

const WINDOW_TEXT: Record<Exclude<BundleWindow["period"], "rolling" | "billing month">, string> = {
  "calendar month": "per calendar month",
  "calendar quarter": "per calendar quarter",
  "calendar year": "per calendar year",
  week: "per week",
  "calendar day": "per calendar day",
  hour: "per hour",
};

/** A window; `fallback` gives a default period when the source has none. */
function window(
  node: WindowNode | undefined,
  fallback?: Exclude<BundleWindow["period"], "rolling" | "billing month">,
): BundleWindow | null {
  if (!node) return fallback ? { period: fallback, text: WINDOW_TEXT[fallback] } : null;
  if (node.period === "billing month") {
    const startDay = Number(node.startDay?.value);
    if (!Number.isInteger(startDay)) return null;
    return { period: "billing month", startDay, text: `per billing month from day ${startDay}` };
  }
  if (node.period !== "rolling") return { period: node.period, text: WINDOW_TEXT[node.period] };
  const length = node.length;
  const days = rollingDays(node);
  if (!length || days === undefined) return null;
  return { period: "rolling", days, text: `per rolling ${formatDuration(length.amount, length.unit)}` };
}

function weekdaySpan(from: Weekday, to: Weekday): Weekday[] {
  const start = WEEKDAYS.indexOf(from);
  const end = WEEKDAYS.indexOf(to);
  const days: Weekday[] = [];
  for (let i = start; ; i = (i + 1) % 7) {
    days.push(WEEKDAYS[i]);
    if (i === end) break;
  }
  return days;
}

function comparator(node: ComparatorNode): Comparator {
  return node.op;
}

function feeBasis(node: FeeBasisNode | undefined): FeeBasis | null {
  if (!node) return null;
  return node.period === "month" ? "monthly fee" : node.period === "quarter" ? "quarterly fee" : "annual fee";
}

function metricUnit(type: MetricType): BundleMetric["unit"] {
  return type === "availability" || type === "error rate" || type === "success rate" ? "percent" : "millisecond";
}

/**
 * The fee per month: the fee itself, a quarterly fee / 3 or an annual fee / 12. Exact when the
 * quotient terminates, written with at least the fee's own decimal places (`36000.00` a year is
 * `3000.00` a month). A quotient that does not terminate (`10000.00 / 3`) is rounded half-up to
 * MONTHLY_FEE_PLACES decimal places: far below any currency's minor unit, so a percentage of it
 * rounds to the minor unit as the exact value would.
 */
export function monthlyFee(amount: string, currency: string, period: "month" | "quarter" | "year"): BundleMoney {
  if (period === "month") return { amount, currency };
  const fee = new Decimal(amount);
  const divisor = period === "quarter" ? 3 : 12;
  const places = amount.includes(".") ? amount.length - amount.indexOf(".") - 1 : 0;
  const Exact = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_UP });
  const quotient = new Exact(fee).div(divisor);
  const exact = quotient.times(divisor).eq(fee) && quotient.decimalPlaces() <= MONTHLY_FEE_PLACES;
  const monthly = exact
    ? quotient.toFixed(Math.max(places, quotient.decimalPlaces()))
    : quotient.toDecimalPlaces(MONTHLY_FEE_PLACES, Decimal.ROUND_HALF_UP).toFixed(MONTHLY_FEE_PLACES);
  return { amount: monthly, currency };
}

export function compileBundle(program: CheckedProgram, options: CompileOptions = {}): RuleBundle {
  return new Compiler(program, options).compile();
}
