/**
 * `contractModel(program)`: the resolved contract model of a bound program, built once per program
 * (kept beside it in a WeakMap) and frozen. Budgets are computed on first use: most questions never
 * need them and a calendar's cost a pass over the term's windows.
 */
import { rollingDays } from "../budget/budget.ts";
import { calendarHoursOf } from "../budget/calendar-hours.ts";
import { type Binding, SymbolResolver } from "../check/binder.ts";
import type {
  Declaration,
  DeclarationKind,
  FeePeriod,
  Identifier,
  MetricDeclaration,
  ObjectiveDeclaration,
  Property,
  WindowNode,
} from "../syntax/ast.ts";
import { targetBudgets } from "./budgets.ts";
import { literalDimension, metricDimension } from "./dimension.ts";
import type {
  AgreementModel,
  Budget,
  CalendarModel,
  ContractModel,
  Goal,
  MetricModel,
  ObjectiveModel,
  PartyModel,
  RemedyModel,
  ReportingModel,
  Schedule,
  ServiceModel,
  TargetHours,
} from "./types.ts";

type Of<K extends DeclarationKind> = Extract<Declaration, { kind: K }>;

const models = new WeakMap<Binding, ContractModel>();

/** The model of a bound (checked) program; the same object for the same program. */
export function contractModel(program: Binding): ContractModel {
  let model = models.get(program);
  if (!model) {
    model = new ModelBuilder(program).build();
    models.set(program, model);
  }
  return model;
}

/** The first property of a kind the parser did not have to invent. */
function first<D extends Declaration, K extends D["properties"][number]["kind"]>(
  declaration: D,
  kind: K,
): Extract<D["properties"][number], { kind: K }> | undefined {
  for (const p of declaration.properties as Property[]) {
    if (p.kind === kind && !p.recovered) return p as Extract<D["properties"][number], { kind: K }>;
  }
  return undefined;
}

class ModelBuilder {
  private readonly byNode = new Map<Declaration, unknown>();
  private agreement: AgreementModel | undefined;
  /**
   * Budgets by what they depend on (the target's percentage, the window, the service's schedule and
   * the target's own hours; the agreement is the same for all): a contract repeats a few targets
   * over many objectives, and each set of budgets is exact decimal arithmetic, a calendar's a pass
   * over the term's windows.
   */
  private readonly budgetMemo = new Map<string, readonly Budget[]>();
  private readonly calendarIds = new Map<CalendarModel, number>();

  private budgetsFor(
    percent: string,
    window: WindowNode | undefined,
    schedule: Schedule,
    hours: TargetHours | undefined,
  ): readonly Budget[] {
    const id = (calendar: CalendarModel) => {
      let n = this.calendarIds.get(calendar);
      if (n === undefined) {
        n = this.calendarIds.size;
        this.calendarIds.set(calendar, n);
      }
      return n;
    };
    const key = [
      percent,
      window?.period ?? "",
      window ? rollingDays(window) : "",
      window?.startDay?.value ?? "",
      schedule.kind === "calendar" ? id(schedule.calendar) : "24x7",
      hours ? `${hours.scope} ${id(hours.calendar)}` : "",
    ].join("|");
    let budgets = this.budgetMemo.get(key);
    if (budgets === undefined) {
      budgets = Object.freeze(
        targetBudgets(percent, window, schedule, this.agreement, hours).map((b) => Object.freeze(b)),
      );
      this.budgetMemo.set(key, budgets);
    }
    return budgets;
  }

  private readonly symbols: SymbolResolver;

  constructor(private readonly program: Binding) {
    this.symbols = new SymbolResolver(program);
  }

  build(): ContractModel {
    // every declaration has a model (so a rule can ask about a duplicate or an unnamed one); the
    // lists hold the first declaration of each name, as the bundle does. The declarations are
    // grouped by kind in one pass, each kind being visited twice below.
    const byKind = new Map<DeclarationKind, Binding["declarations"]>();
    for (const e of this.program.declarations) {
      const list = byKind.get(e.declaration.kind);
      if (list) list.push(e);
      else byKind.set(e.declaration.kind, [e]);
    }
    const entriesOf = <K extends DeclarationKind>(kind: K) =>
      (byKind.get(kind) ?? []) as { uri: string; declaration: Of<K> }[];
    // The first declaration of each name is its symbol, and the binder enters the symbols in
    // program order: each kind's symbols, in order, are its canonical declarations.
    const canonicalByKind = new Map<DeclarationKind, Declaration[]>();
    for (const symbol of this.program.symbols.values()) {
      const list = canonicalByKind.get(symbol.kind);
      if (list) list.push(symbol.declaration);
      else canonicalByKind.set(symbol.kind, [symbol.declaration]);
    }
    // Dependencies first: calendars before the agreement and services, services before metrics…
    const agreementEntry = entriesOf("agreement")[0];
    const zone =
      (agreementEntry && (first(agreementEntry.declaration, "timezone")?.value?.value || undefined)) ?? "UTC";
    for (const e of entriesOf("calendar")) this.calendar(e.uri, e.declaration, zone);
    for (const e of entriesOf("party")) this.party(e.uri, e.declaration);
    if (agreementEntry) this.agreement = this.agreementOf(agreementEntry.uri, agreementEntry.declaration, zone);
    for (const e of entriesOf("service")) this.service(e.uri, e.declaration);
    for (const e of entriesOf("metric")) this.metric(e.uri, e.declaration);
    for (const e of entriesOf("objective")) this.objective(e.uri, e.declaration);
    // remedies, incentives and reporting depend on objectives only, not on each other
    for (const e of entriesOf("remedy")) this.remedy(e.uri, e.declaration);
    for (const e of entriesOf("incentive")) this.remedy(e.uri, e.declaration);
    for (const e of entriesOf("reporting")) this.reporting(e.uri, e.declaration);
    const list = <T>(kind: DeclarationKind) =>
      Object.freeze((canonicalByKind.get(kind) ?? []).map((declaration) => this.byNode.get(declaration) as T));
    const named =
      <T>(kind: DeclarationKind) =>
      (name: string) => {
        const symbol = this.program.symbols.get(name);
        return symbol?.kind === kind ? (this.byNode.get(symbol.declaration) as T | undefined) : undefined;
      };
    const remedies = list<RemedyModel>("remedy");
    const incentives = list<RemedyModel>("incentive");
    const fees = new Set<FeePeriod>();
    for (const r of [...remedies, ...incentives]) for (const f of r.feeBases) fees.add(f);
    return Object.freeze({
      agreement: this.agreement,
      parties: list<PartyModel>("party"),
      calendars: list<CalendarModel>("calendar"),
      services: list<ServiceModel>("service"),
      metrics: list<MetricModel>("metric"),
      objectives: list<ObjectiveModel>("objective"),
      remedies,
      incentives,
      reporting: list<ReportingModel>("reporting"),
      objective: named<ObjectiveModel>("objective"),
      metric: named<MetricModel>("metric"),
      service: named<ServiceModel>("service"),
      calendar: named<CalendarModel>("calendar"),
      objectiveOf: (declaration: ObjectiveDeclaration) => this.byNode.get(declaration) as ObjectiveModel | undefined,
      metricOf: (declaration: MetricDeclaration) => this.byNode.get(declaration) as MetricModel | undefined,
      usesFee: (period: FeePeriod) => fees.has(period),
    });
  }

  /** The model of the declaration a reference names, when it resolves to the kind wanted. */
  private resolve<T>(identifier: Identifier | undefined, kind: DeclarationKind): T | undefined {
    if (!identifier) return undefined;
    const symbol = this.symbols.symbolOf(identifier);
    return symbol?.kind === kind ? (this.byNode.get(symbol.declaration) as T | undefined) : undefined;
  }

  private add<T extends object>(declaration: Declaration, model: T): T {
    const frozen = Object.freeze(model);
    this.byNode.set(declaration, frozen);
    return frozen;
  }

  private calendar(uri: string, d: Of<"calendar">, zone: string): void {
    this.add(d, { uri, declaration: d, name: d.name?.text ?? "", hours: Object.freeze(calendarHoursOf(d, zone)) });
  }

  private party(uri: string, d: Of<"party">): void {
    this.add(d, { uri, declaration: d, name: d.name?.text ?? "", role: first(d, "role")?.role });
  }

  private agreementOf(uri: string, d: Of<"agreement">, timezone: string): AgreementModel {
    const term = first(d, "term")?.duration;
    return Object.freeze({
      uri,
      declaration: d,
      name: d.name?.text ?? "",
      effective: first(d, "effective")?.date?.text,
      term: term && !term.recovered ? term : undefined,
      timezone,
      currency: first(d, "currency")?.code?.text,
      businessCalendar: this.resolve<CalendarModel>(first(d, "business calendar")?.calendar, "calendar"),
    });
  }

  private service(uri: string, d: Of<"service">): void {
    // one pass over the properties: the first of each kind the parser did not invent (as `first`)
    let written = false;
    let hours: Extract<Of<"service">["properties"][number], { kind: "hours" }> | undefined;
    let fee: Extract<Of<"service">["properties"][number], { kind: "fee" }> | undefined;
    let provider: Extract<Of<"service">["properties"][number], { kind: "provider" }> | undefined;
    let customer: Extract<Of<"service">["properties"][number], { kind: "customer" }> | undefined;
    for (const p of d.properties) {
      if (p.kind === "hours") written = true;
      if (p.recovered) continue;
      if (p.kind === "hours") hours ??= p;
      else if (p.kind === "fee") fee ??= p;
      else if (p.kind === "provider") provider ??= p;
      else if (p.kind === "customer") customer ??= p;
    }
    const spec = hours?.hours;
    let schedule: Schedule | undefined;
    if (!written || spec?.kind === "Always") schedule = { kind: "24x7" };
    else {
      const calendar = this.resolve<CalendarModel>(spec, "calendar");
      schedule = calendar ? { kind: "calendar", calendar } : undefined;
    }
    this.add(d, {
      uri,
      declaration: d,
      name: d.name?.text ?? "",
      schedule: schedule && Object.freeze(schedule),
      fee:
        fee?.amount && fee.period
          ? Object.freeze({ amount: fee.amount.amount, currency: fee.amount.currency, period: fee.period })
          : undefined,
      provider: this.resolve<PartyModel>(provider?.party, "party"),
      customer: this.resolve<PartyModel>(customer?.party, "party"),
    });
  }

  private metric(uri: string, d: Of<"metric">): void {
    const type = d.properties.find((p) => p.kind === "type" && !p.recovered && p.type);
    const metricType = type?.kind === "type" ? type.type : undefined;
    this.add(d, {
      uri,
      declaration: d,
      name: d.name?.text ?? "",
      typeProperty: type?.kind === "type" ? type : undefined,
      type: metricType,
      dimension: metricType && metricDimension(metricType),
      service: this.resolve<ServiceModel>(first(d, "service")?.service, "service"),
    });
  }

  private objective(uri: string, d: Of<"objective">): void {
    // one pass over the properties: the first `metric` as written, and the first of each other kind
    // the parser did not invent (as `first`)
    type P = Of<"objective">["properties"][number];
    let metricProperty: Extract<P, { kind: "metric" }> | undefined;
    let serviceProperty: Extract<P, { kind: "service" }> | undefined;
    let target: Extract<P, { kind: "target" }> | undefined;
    let tickets: Extract<P, { kind: "tickets" }> | undefined;
    let totalOutage: Extract<P, { kind: "max total outage" }> | undefined;
    for (const p of d.properties) {
      if (p.kind === "metric") metricProperty ??= p;
      if (p.recovered) continue;
      if (p.kind === "service") serviceProperty ??= p;
      else if (p.kind === "target") target ??= p;
      else if (p.kind === "tickets") tickets ??= p;
      else if (p.kind === "max total outage") totalOutage ??= p;
    }
    const metric = this.resolve<MetricModel>(metricProperty?.metric, "metric");
    const service = this.resolve<ServiceModel>(serviceProperty?.service, "service") ?? metric?.service;
    const goal = goalOf(target, tickets);
    const dimension = target ? metric?.dimension : tickets ? "percentage" : undefined;
    const window = firstWindow(target?.window, totalOutage?.window, tickets?.window);
    const availability =
      metric?.type === "availability" &&
      target?.value?.kind === "Percentage" &&
      !target.value.recovered &&
      (target.comparator?.op === "at least" || target.comparator?.op === "above");
    const hoursCalendar = target?.scope ? this.resolve<CalendarModel>(target.hours, "calendar") : undefined;
    const hours: TargetHours | undefined =
      target?.scope && hoursCalendar ? Object.freeze({ scope: target.scope, calendar: hoursCalendar }) : undefined;
    const budgets = (): readonly Budget[] => {
      const schedule: Schedule | undefined = service ? service.schedule : { kind: "24x7" };
      // target hours that name no calendar leave the scheduled time unknown (SLA2002 says why)
      const known = !target?.scope || hours !== undefined;
      return availability && schedule && known && target?.value?.kind === "Percentage"
        ? this.budgetsFor(target.value.value, window, schedule, hours)
        : NO_BUDGETS;
    };
    const model: ObjectiveModel = new ObjectiveEntry(
      uri,
      d,
      d.name?.text ?? "",
      metric,
      service,
      dimension,
      goal,
      window,
      availability,
      hours,
      budgets,
    );
    this.add(d, model);
  }

  private remedy(uri: string, d: Of<"remedy"> | Of<"incentive">): void {
    const feeBases = new Set<FeePeriod>();
    for (const p of d.properties as Property[]) {
      if ((p.kind === "credit" || p.kind === "bonus" || p.kind === "cap") && !p.recovered && p.basis)
        feeBases.add(p.basis.period);
    }
    this.add(d, {
      uri,
      declaration: d,
      name: d.name?.text ?? "",
      kind: d.kind,
      objective: this.resolve<ObjectiveModel>(first(d, "for")?.objective, "objective"),
      feeBases: feeBases as ReadonlySet<FeePeriod>,
    });
  }

  private reporting(uri: string, d: Of<"reporting">): void {
    const objectives: ObjectiveModel[] = [];
    for (const p of d.properties) {
      if (p.kind !== "report" || p.recovered) continue;
      for (const id of p.objectives) {
        const objective = this.resolve<ObjectiveModel>(id, "objective");
        if (objective) objectives.push(objective);
      }
    }
    this.add(d, { uri, declaration: d, name: d.name?.text ?? "", objectives: Object.freeze(objectives) });
  }
}

const NO_BUDGETS: readonly Budget[] = Object.freeze([]);

/** The first window written in full (the parser invented none of it). */
function firstWindow(
  a: WindowNode | undefined,
  b: WindowNode | undefined,
  c: WindowNode | undefined,
): WindowNode | undefined {
  if (a && !a.recovered) return a;
  if (b && !b.recovered) return b;
  return c && !c.recovered ? c : undefined;
}

/**
 * An objective's model, its budgets worked out on first use. A class rather than an object literal
 * with a `budgets` getter: V8 keeps each such literal in a slow dictionary of its own, and rules
 * read these objects constantly; instances of a class share one fast shape, the getter on the
 * prototype and the cache in a private field (which freezing leaves writable).
 */
class ObjectiveEntry implements ObjectiveModel {
  #budgets: readonly Budget[] | undefined;
  readonly #computeBudgets: () => readonly Budget[];

  constructor(
    readonly uri: string,
    readonly declaration: ObjectiveDeclaration,
    readonly name: string,
    readonly metric: MetricModel | undefined,
    readonly service: ServiceModel | undefined,
    readonly dimension: ObjectiveModel["dimension"],
    readonly goal: Goal | undefined,
    readonly window: WindowNode | undefined,
    readonly availability: boolean,
    readonly hours: TargetHours | undefined,
    computeBudgets: () => readonly Budget[],
  ) {
    this.#computeBudgets = computeBudgets;
  }

  get budgets(): readonly Budget[] {
    this.#budgets ??= this.#computeBudgets();
    return this.#budgets;
  }
}

function goalOf(
  target: Extract<Property, { kind: "target" }> | undefined,
  tickets: Extract<Property, { kind: "tickets" }> | undefined,
): Goal | undefined {
  for (const p of [target, tickets]) {
    const literal = p?.kind === "target" ? p.value : p?.share;
    if (!p || !literal || literal.recovered || !p.comparator) continue;
    return Object.freeze({
      property: p,
      comparator: p.comparator.op,
      literal,
      dimension: literalDimension(literal),
      tickets: p.kind === "tickets",
    });
  }
  return undefined;
}
