/**
 * The rule bundle, format `sla-rules/1`: what the compiler writes and what the engine, a billing
 * system or a monitoring system reads without knowing the language. This one definition gives both
 * the TypeScript types (`Static<typeof X>`) and the JSON Schema (`bundleSchema`), so they cannot
 * disagree.
 *
 * Conventions: every reference is the referenced declaration's name; percentages and money are
 * exact decimal strings; durations carry seconds (when the unit has a fixed length) plus the
 * contract's own wording; every rule carries its `source` so a breach can be traced to its clause.
 * Properties are listed in the order the compiler writes them (a test holds it to that).
 */
import { type Static, Type } from "@sinclair/typebox";
import { Closed, described, fromProperty, Nullable, named, StringEnum } from "./builders.ts";

export const BUNDLE_FORMAT = "sla-rules/1";
export const BUNDLE_SCHEMA_ID = "urn:sla-rules:1";

const Decimal = named(
  "decimal",
  Type.String({
    description:
      "An exact non-negative decimal number as a string, never in exponent form: `99.95`, `12000.00`, `2419.2`.",
    pattern: "^[0-9]+(\\.[0-9]+)?$",
  }),
);
const DateText = named(
  "date",
  Type.String({
    description: "A calendar date, `YYYY-MM-DD`.",
    pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
  }),
);
const TimeOfDay = named(
  "timeOfDay",
  Type.String({
    description: "A time of day, `HH:MM`, from `00:00` to `24:00`.",
    pattern: "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
  }),
);
const Currency = named("currency", Type.String({ description: "An ISO 4217 currency code.", pattern: "^[A-Z]{3}$" }));
const Name = named(
  "name",
  Type.String({ description: "A declaration's name in the contract.", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }),
);
const Title = Nullable(Type.String());

export const Source = named(
  "Source",
  Closed(
    {
      file: Type.String({ description: "Relative to the compiled root file's folder, with `/` separators." }),
      line: Type.Integer({ minimum: 1 }),
      column: Type.Integer({ minimum: 1 }),
    },
    { description: "Where a rule was written: the file and the 1-based line and column." },
  ),
);
export type Source = Static<typeof Source>;

export const DurationUnit = named(
  "DurationUnit",
  StringEnum([
    "millisecond",
    "second",
    "minute",
    "hour",
    "day",
    "business day",
    "business hour",
    "week",
    "month",
    "year",
  ]),
);
export type DurationUnit = Static<typeof DurationUnit>;

export const BundleDuration = named(
  "BundleDuration",
  Closed(
    {
      text: Type.String({ description: "The contract's own wording, normalised: `15 minutes`, `5 business days`." }),
      amount: described(Decimal, "Exact decimal amount in `unit`."),
      unit: DurationUnit,
      // absent for business days and hours (they depend on a calendar) and months and years (they vary)
      seconds: Type.Optional(
        described(Decimal, "Exact decimal seconds, for units of fixed length (millisecond to week) only."),
      ),
    },
    {
      description: "A duration as the contract words it, with its length in seconds when the unit has a fixed length.",
    },
  ),
);
export type BundleDuration = Static<typeof BundleDuration>;

export const BundleMoney = named(
  "BundleMoney",
  Closed({ amount: Decimal, currency: Currency }, { description: "An exact amount of money." }),
);
export type BundleMoney = Static<typeof BundleMoney>;

export const WindowPeriod = named(
  "WindowPeriod",
  StringEnum([
    "calendar month",
    "calendar quarter",
    "calendar year",
    "week",
    "rolling",
    "calendar day",
    "hour",
    "billing month",
  ]),
);
export type WindowPeriod = Static<typeof WindowPeriod>;

export const BundleWindow = named(
  "BundleWindow",
  Closed(
    {
      period: WindowPeriod,
      days: Type.Optional(
        Type.Integer({ minimum: 1, description: "Only for `rolling`: the window's length in days." }),
      ),
      startDay: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: 28,
          description:
            "Only for `billing month`: the day of the month each cycle starts, at 00:00 in the agreement's zone.",
        }),
      ),
      text: Type.String({ description: "The contract's wording: `per calendar month`." }),
    },
    { description: "The period over which a rule is evaluated." },
  ),
);
export type BundleWindow = Static<typeof BundleWindow>;

export const BundleHours = named(
  "BundleHours",
  Type.Union([Closed({ kind: Type.Literal("24x7") }), Closed({ kind: Type.Literal("calendar"), calendar: Name })], {
    description: "Service hours: every hour (`24x7`) or the working hours of a named calendar.",
  }),
);
export type BundleHours = Static<typeof BundleHours>;

export const Weekday = named(
  "Weekday",
  StringEnum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
);
export type Weekday = Static<typeof Weekday>;

export const BundleCalendar = named(
  "BundleCalendar",
  Closed(
    {
      name: Name,
      title: Title,
      timezone: Type.String({
        description: "IANA time zone: the calendar's own, else the agreement's, else `UTC`.",
      }),
      // working hours, e.g. monday–friday 08:00–18:00; `to` may be `24:00`
      hours: Type.Array(Closed({ days: Type.Array(Weekday), from: TimeOfDay, to: TimeOfDay })),
      // dates on which no working hours count
      holidays: Type.Array(DateText),
      source: Source,
    },
    { description: "A calendar of working hours and holidays." },
  ),
);
export type BundleCalendar = Static<typeof BundleCalendar>;

/** `change of control of either party, notice within 30 days, right to terminate within 6 months, remains in force`. */
export const BundleChangeOfControl = named(
  "BundleChangeOfControl",
  Closed(
    {
      party: StringEnum(["provider", "customer", "either"], {
        description: "Whose change of control the provision covers.",
      }),
      notice: described(BundleDuration, "How soon after the change of control the party must give notice."),
      right: StringEnum(["terminate", "renegotiate", "terminate or renegotiate"], {
        description: "The other party's right: to terminate, to require renegotiation, or either.",
      }),
      window: described(
        BundleDuration,
        "How long after the notice (or after its deadline, without one) the right lasts.",
      ),
      meanwhile: Nullable(StringEnum(["in force"]), {
        description:
          "`in force`: the agreement remains in force while the right is open; null when the contract does not say.",
      }),
      source: Source,
    },
    { description: "What happens when a party is acquired or merges; evaluated from `change of control` records." },
  ),
);
export type BundleChangeOfControl = Static<typeof BundleChangeOfControl>;

export const BundleAgreement = named(
  "BundleAgreement",
  Closed(
    {
      name: Name,
      title: Title,
      version: fromProperty("version", Nullable(Type.String())),
      effective: fromProperty("effective", Nullable(DateText)),
      term: fromProperty("term", Nullable(BundleDuration)),
      renewal: Nullable(
        Closed({ automatic: Type.Boolean(), period: Nullable(BundleDuration), notice: Nullable(BundleDuration) }),
      ),
      timezone: Type.String({ description: "IANA time zone for every window; `UTC` when the contract names none." }),
      currency: Nullable(Currency),
      governingLaw: fromProperty("governing law", Nullable(Type.String())),
      businessCalendar: fromProperty("business calendar", Nullable(Name)),
      definitions: Type.Optional(
        Type.Array(Closed({ term: Type.String(), meaning: Type.String() }), {
          description: 'Terms the contract defines itself (`define "Incident" as "…"`), in source order.',
        }),
      ),
      schedule: Type.Optional(
        Closed(
          {
            number: Type.String({ description: "The schedule's number as written (`3`)." }),
            master: Type.String({ description: "The master agreement's title (`Master Services Agreement`)." }),
            dated: Nullable(DateText),
            masterTerms: Type.Array(Type.String(), {
              description: "Terms used as the master agreement defines them.",
            }),
          },
          { description: "Present when the agreement is a schedule to a master agreement." },
        ),
      ),
      changeOfControl: Type.Optional(BundleChangeOfControl),
      source: Source,
    },
    { description: "The agreement itself: at most one per program." },
  ),
);
export type BundleAgreement = Static<typeof BundleAgreement>;

export const BundleParty = named(
  "BundleParty",
  Closed({
    name: Name,
    title: Title,
    role: Nullable(StringEnum(["provider", "customer"])),
    address: fromProperty("address", Nullable(Type.String())),
    contact: fromProperty("contact", Nullable(Type.String())),
    label: Type.Optional(
      Type.String({
        description: 'What the contract calls the party (`called "Supplier"`), in place of Provider or Customer.',
      }),
    ),
    labelIsName: Type.Optional(
      Type.Literal(true, {
        description:
          'Present when the label is a name written without an article (`known as "AWS"`: "AWS shall…"); otherwise the contract writes "the Supplier".',
      }),
    ),
    source: Source,
  }),
);
export type BundleParty = Static<typeof BundleParty>;

export const ExclusionCause = named("ExclusionCause", StringEnum(["maintenance", "customer", "force majeure"]));
export type ExclusionCause = Static<typeof ExclusionCause>;

export const BundleExclusion = named(
  "BundleExclusion",
  Closed({
    cause: ExclusionCause,
    notice: Nullable(BundleDuration, {
      description: "Maintenance only: how long before its start it must be announced.",
    }),
    allowance: Nullable(Closed({ duration: BundleDuration, window: BundleWindow }), {
      description: "Maintenance only: how much may be excluded per window, in order of start.",
    }),
    source: Source,
  }),
);
export type BundleExclusion = Static<typeof BundleExclusion>;

/** A service's fees at risk (`at risk 12% of monthly fee`, `pool maximum 250%`, `earn back after 3 consecutive months`). */
export const BundleFeesAtRisk = named(
  "BundleFeesAtRisk",
  Closed(
    {
      percent: Decimal,
      // the FeeBasis values (that definition comes later in this file)
      basis: StringEnum(["monthly fee", "quarterly fee", "annual fee"]),
      poolMaximum: Nullable(Decimal, {
        description: "The most the allocations of the service's critical service levels may add up to, in percent.",
      }),
      earnBackWindows: Nullable(Type.Integer({ minimum: 1 }), {
        description:
          "A failed critical service level's credit is paid back when it then meets its expected level for this many consecutive windows.",
      }),
      source: Source,
    },
    {
      description:
        "The At-Risk Amount: percent of the fee basis. Each failed critical service level costs its allocation of it; a month's total is capped at it.",
    },
  ),
);
export type BundleFeesAtRisk = Static<typeof BundleFeesAtRisk>;

export const FeeBasis = named("FeeBasis", StringEnum(["monthly fee", "quarterly fee", "annual fee"]));
export type FeeBasis = Static<typeof FeeBasis>;

export const BundleService = named(
  "BundleService",
  Closed({
    name: Name,
    title: Title,
    provider: fromProperty("provider", Nullable(Name)),
    customer: fromProperty("customer", Nullable(Name)),
    fee: Nullable(Closed({ amount: Decimal, currency: Currency, period: StringEnum(["month", "quarter", "year"]) })),
    // the base of every `monthly fee` percentage
    monthlyFee: Nullable(BundleMoney, {
      description:
        "The fee per month (a quarterly fee / 3, an annual fee / 12), exact; a quotient that does not terminate is rounded half-up to 20 decimal places.",
    }),
    feeCharged: Type.Optional(
      Closed(
        { period: StringEnum(["month", "quarter", "year"]) },
        {
          description:
            "`fee as charged per month` (quarter, year): the fee is the charges paid for the service in each calendar period, read from the observed data's `charge` records (then fee and monthlyFee are null); absent for a fixed fee.",
        },
      ),
    ),
    feeUnit: Type.Optional(
      Type.String({
        description:
          "`fee USD 30.00 for each instance per month` (or `fee as charged for each instance per month`): the fee, monthlyFee or charges are those of each unit of this name (as the contract writes it), for objectives held `for each` such unit; absent for a fee of the whole service.",
      }),
    ),
    hours: BundleHours,
    exclusions: Type.Array(BundleExclusion),
    contact: fromProperty(
      "contact",
      Type.Optional(
        Type.String({ description: "Who to contact about the service (its service desk); absent when not given." }),
      ),
    ),
    feesAtRisk: Type.Optional(BundleFeesAtRisk),
    creditCap: Type.Optional(
      Closed(
        { percent: Decimal, basis: FeeBasis, window: BundleWindow, source: Source },
        {
          description:
            "`cap all credits at …`: the most all service credits on the service's objectives pay together per window; absent when not given.",
        },
      ),
    ),
    source: Source,
  }),
);
export type BundleService = Static<typeof BundleService>;

export const MetricType = named(
  "MetricType",
  StringEnum(["availability", "latency", "error rate", "success rate", "response time", "resolution time"]),
);
export type MetricType = Static<typeof MetricType>;

/** Where an indicator's queries take the range a reader or an export puts in (`5m`, `1h`). */
export const INDICATOR_WINDOW = "$window";

const IndicatorQuery = (meaning: string) =>
  Type.String({ description: `${meaning} A PromQL expression; \`$window\` stands for the range an export puts in.` });

const IndicatorSlice = Type.Optional(
  Closed(
    {
      length: BundleDuration,
      above: described(Decimal, "The share of failed events, in percent, above which a slice is downtime."),
    },
    {
      description:
        "Availability only: time is counted in slices of `length`; a slice whose failed events are above `above` percent of all is downtime (OpenSLO Timeslices).",
    },
  ),
);

/** Where a metric's data lives, for exports to monitoring; not part of the written contract. */
export const BundleIndicator = named(
  "BundleIndicator",
  Type.Union([
    Closed({
      source: StringEnum(["prometheus"]),
      kind: StringEnum(["good-total"]),
      good: IndicatorQuery("The rate of good events."),
      total: IndicatorQuery("The rate of all events."),
      slice: IndicatorSlice,
    }),
    Closed({
      source: StringEnum(["prometheus"]),
      kind: StringEnum(["errors-total"]),
      errors: IndicatorQuery("The rate of failed events."),
      total: IndicatorQuery("The rate of all events."),
      slice: IndicatorSlice,
    }),
    Closed({
      source: StringEnum(["prometheus"]),
      kind: StringEnum(["histogram"]),
      histogram: Type.String({
        description: 'A histogram\'s bucket series selector (`…_bucket{job="api"}`), without a range.',
      }),
      threshold: BundleDuration,
    }),
  ]),
);
export type BundleIndicator = Static<typeof BundleIndicator>;

/** A metric's row of the Measurement Plan: who measures, with what, how often and how, and what gaps count as. */
export const BundleMeasurementPlan = named(
  "BundleMeasurementPlan",
  Closed({
    measurer: Nullable(StringEnum(["provider", "customer", "independent"])),
    dataSource: Nullable(Type.String()),
    interval: Nullable(BundleDuration, {
      description: "How often the metric is sampled; the engine checks each month's measurements against it.",
    }),
    method: Nullable(Type.String()),
    gaps: Nullable(Type.String({ description: "What the plan says gaps in the samples count as, as written." })),
    source: Source,
  }),
);
export type BundleMeasurementPlan = Static<typeof BundleMeasurementPlan>;

export const BundleMetric = named(
  "BundleMetric",
  Closed({
    name: Name,
    title: Title,
    service: fromProperty("service", Nullable(Name)),
    type: MetricType,
    percentile: Nullable(Decimal, {
      description: "Latency only: the percentile compared with the target (nearest rank).",
    }),
    // `percent` for availability and error rate, `millisecond` otherwise
    unit: StringEnum(["percent", "millisecond"]),
    measuredBy: fromProperty("measured by", Nullable(Type.String())),
    downtimeDefinition: fromProperty("downtime", Nullable(Type.String())),
    downtimeSlice: Type.Optional(
      Closed(
        {
          length: BundleDuration,
          comparison: StringEnum(["above", "at least"]),
          threshold: described(
            Decimal,
            "The share of a slice's requests, in percent, that must fail for it to be downtime.",
          ),
        },
        {
          description:
            "Availability only (`downtime per 1 minute when error rate above 5%`): the engine cuts the metric's `requests` records into slices of `length` on the windows' clock; a slice whose failed requests are `above` (or `at least`) `threshold` percent of its requests is an unplanned outage of the metric's service. A slice without requests is not downtime.",
        },
      ),
    ),
    indicator: Type.Optional(BundleIndicator),
    measurementPlan: Type.Optional(BundleMeasurementPlan),
    source: Source,
  }),
);
export type BundleMetric = Static<typeof BundleMetric>;

export const Comparator = named("Comparator", StringEnum(["at least", "at most", "above", "below"]));
export type Comparator = Static<typeof Comparator>;

export const BundleTargetValue = named(
  "BundleTargetValue",
  Closed(
    {
      kind: StringEnum(["percentage", "duration", "number"]),
      value: described(Decimal, "Percent for a percentage, milliseconds for a duration, as written for a number."),
      text: Type.String({ description: "The contract's wording: `99.9%`, `300 milliseconds`." }),
    },
    { description: "A target value as an exact decimal string." },
  ),
);
export type BundleTargetValue = Static<typeof BundleTargetValue>;

export const BundleBudget = named(
  "BundleBudget",
  Closed(
    {
      days: Type.Integer({ minimum: 0, description: "Calendar days in the window; 0 for an hour." }),
      seconds: Decimal,
      // for people: `43m 12s`
      text: Type.String(),
      // service on a calendar only: the window (`2026-02`) and its scheduled seconds
      window: Type.Optional(Type.String()),
      scheduled: Type.Optional(Decimal),
    },
    {
      description:
        "Allowed downtime for a window of `days` days under an availability target: (scheduled time) × (100 − target)%. For a service on a calendar, the windows of the term with the least and the most scheduled time (`window`, `scheduled`).",
    },
  ),
);
export type BundleBudget = Static<typeof BundleBudget>;

const Within = Closed({
  within: BundleDuration,
  during: BundleHours,
  start: Type.Optional(
    StringEnum(["acknowledgement"], {
      description:
        "The clock starts when the ticket was acknowledged rather than opened; a ticket without an acknowledgement is late.",
    }),
  ),
});

export const BundleSupport = named(
  "BundleSupport",
  Closed({
    // null: every ticket of the service counts
    severity: Nullable(Type.Integer({ minimum: 0 })),
    description: Nullable(Type.String()),
    response: Nullable(Within),
    resolution: Nullable(Within),
    // `at least 95% of tickets per calendar month`
    share: Nullable(Closed({ comparator: Comparator, percent: Decimal, window: BundleWindow })),
    source: Source,
  }),
);
export type BundleSupport = Static<typeof BundleSupport>;

export const BundleObjective = named(
  "BundleObjective",
  Closed({
    name: Name,
    title: Title,
    service: Nullable(Name, { description: "The service measured: given directly or through the metric." }),
    metric: Nullable(Name),
    metricType: Nullable(MetricType),
    window: BundleWindow,
    target: Nullable(Closed({ comparator: Comparator, value: BundleTargetValue, source: Source })),
    hours: Type.Optional(
      Closed(
        { scope: StringEnum(["during", "outside"]), calendar: Name },
        {
          description:
            "The target's own hours: only the service's scheduled time inside (`during`) or outside (`outside`) the calendar's working time counts.",
        },
      ),
    ),
    budgets: Type.Array(BundleBudget, {
      description: "Availability targets only: the downtime each possible window length allows.",
    }),
    maxOutagePerIncident: Nullable(Closed({ duration: BundleDuration, source: Source })),
    maxTotalOutage: Nullable(Closed({ duration: BundleDuration, window: BundleWindow, source: Source })),
    support: Nullable(BundleSupport),
    exclusions: Type.Array(BundleExclusion, {
      description: "The service's exclusions followed by the objective's own.",
    }),
    forEach: Type.Optional(
      Type.String({
        description:
          "`for each region`: the objective holds for each unit of this name (as the contract writes it) that the observed data names in its records' `unit` field, each evaluated from its own records; absent for the service as a whole.",
      }),
    ),
    critical: Type.Optional(
      Closed(
        { allocation: Nullable(Decimal), source: Source },
        {
          description:
            "A Critical Service Level: failing its minimum (its target without one) in a window costs its allocation, in percent, of the service's At-Risk Amount.",
        },
      ),
    ),
    minimum: Type.Optional(
      Closed(
        { comparator: Comparator, value: BundleTargetValue, source: Source },
        {
          description:
            "The Minimum Service Level; the target is then the Expected Service Level (trend and corrective action).",
        },
      ),
    ),
    keyMeasurement: Type.Optional(
      Closed(
        { promotionNotice: Nullable(BundleDuration), source: Source },
        {
          description:
            "A Key Measurement: reported, no credit; the customer may promote it to a critical service level on this notice.",
        },
      ),
    ),
    source: Source,
  }),
);
export type BundleObjective = Static<typeof BundleObjective>;

const CreditCondition = Type.Union([
  Closed({
    kind: Type.Literal("threshold"),
    comparator: Comparator,
    value: BundleTargetValue,
    bound: Type.Optional(
      Closed(
        { comparator: Comparator, value: BundleTargetValue },
        {
          description:
            "A band's other bound, facing the other way (`but at least 99.0%`): the credit is due when both hold.",
        },
      ),
    ),
  }),
  Closed({ kind: Type.Literal("each breach") }),
  Closed(
    {
      kind: Type.Literal("breaches"),
      least: Type.Integer({ minimum: 1, description: "The fewest breached windows the band holds for." }),
      most: Nullable(Type.Integer({ minimum: 1 }), { description: "The most; null for `N or more times`." }),
      window: BundleWindow,
    },
    {
      description:
        "`when breached 1 to 2 times per calendar quarter`: the objective's breached windows ending in that period, paid once with its last window.",
    },
  ),
  Closed(
    {
      kind: Type.Literal("each unit"),
      unit: BundleDuration,
      rounding: StringEnum(["full", "started"], {
        description: "`full`: only whole units count; `started`: a part of a unit counts as one.",
      }),
      beyondAllowance: Type.Boolean({
        description: "Only downtime over what the target allows (or over the `max total outage`) counts.",
      }),
    },
    { description: "`for each started 30 minutes of downtime beyond the allowance`: paid once per unit of downtime." },
  ),
]);

export const BundleCredit = named(
  "BundleCredit",
  Type.Union([
    Closed({ percent: Decimal, basis: FeeBasis, condition: CreditCondition, source: Source }),
    Closed(
      { amount: BundleMoney, condition: CreditCondition, source: Source },
      { description: "A fixed amount of money (`credit USD 500.00 when below 99.0%`)." },
    ),
  ]),
);
export type BundleCredit = Static<typeof BundleCredit>;

const Cap = Nullable(Closed({ percent: Decimal, basis: FeeBasis, window: Nullable(BundleWindow), source: Source }));

export const BundleRemedy = named(
  "BundleRemedy",
  Closed({
    name: Name,
    title: Title,
    objective: fromProperty("for", Nullable(Name)),
    credits: Type.Array(BundleCredit, {
      description: "Not cumulative unless `cumulative`: the single largest credit whose condition holds applies.",
    }),
    cumulative: Type.Optional(
      Type.Literal(true, {
        description: "`credits are cumulative`: every credit whose condition holds is paid, added together.",
      }),
    ),
    minimumCredit: Type.Optional(
      described(BundleMoney, "`minimum credit`: a window's credit (after the cap) of less than this is not paid."),
    ),
    cap: Cap,
    claimWithin: fromProperty("claim", Nullable(BundleDuration)),
    soleRemedy: fromProperty("sole remedy", Type.Boolean()),
    actions: Type.Array(Closed({ description: Type.String(), within: Nullable(BundleDuration), source: Source })),
    termination: Nullable(Closed({ breaches: Type.Integer({ minimum: 1 }), within: BundleDuration, source: Source })),
    notice: fromProperty("notice", Nullable(BundleDuration)),
    exerciseWithin: fromProperty(
      "exercise",
      Type.Optional(
        described(
          BundleDuration,
          "`exercise within 30 days`: how long the customer has to exercise the termination right, from the end of the last breached window that gives it; absent when the right has no deadline.",
        ),
      ),
    ),
    source: Source,
  }),
);
export type BundleRemedy = Static<typeof BundleRemedy>;

const OutcomeBand = Closed({
  percent: Decimal,
  basis: FeeBasis,
  comparator: Comparator,
  value: BundleTargetValue,
  bound: Type.Optional(
    Closed(
      { comparator: Comparator, value: BundleTargetValue },
      { description: "A band's other bound (`but below 98%`): the band holds when both do." },
    ),
  ),
  source: Source,
});

/** Outcome-based pay: a business outcome measured from `outcome` records, with gain-share and pain-share bands. */
export const BundleOutcome = named(
  "BundleOutcome",
  Closed({
    name: Type.String({ description: "The outcome's name, as `outcome` records give it." }),
    description: Nullable(Type.String()),
    window: BundleWindow,
    service: Nullable(Name, { description: "The service whose fee the bands are shares of." }),
    gainShare: Type.Array(OutcomeBand, {
      description: "Paid by the customer when the outcome's share is in the band; the largest that holds applies.",
    }),
    painShare: Type.Array(OutcomeBand, {
      description:
        "A fee reduction borne by the provider when the share is in the band; the largest that holds applies.",
    }),
    source: Source,
  }),
);
export type BundleOutcome = Static<typeof BundleOutcome>;

export const BundleIncentive = named(
  "BundleIncentive",
  Closed({
    name: Name,
    title: Title,
    objective: fromProperty("for", Nullable(Name)),
    bonuses: Type.Array(
      Closed({
        percent: Decimal,
        basis: FeeBasis,
        comparator: Comparator,
        value: BundleTargetValue,
        consecutiveWindows: Type.Integer({
          minimum: 1,
          description: "How many consecutive windows the condition must hold for; 1 when not given.",
        }),
        source: Source,
      }),
    ),
    cap: Cap,
    outcome: Type.Optional(BundleOutcome),
    source: Source,
  }),
);
export type BundleIncentive = Static<typeof BundleIncentive>;

export const Frequency = named("Frequency", StringEnum(["weekly", "monthly", "quarterly", "annually"]));
export type Frequency = Static<typeof Frequency>;

export const BundleReporting = named(
  "BundleReporting",
  Closed({
    name: Name,
    title: Title,
    reports: Type.Array(
      Closed({
        objectives: Type.Array(Name),
        frequency: Nullable(Frequency),
        within: Nullable(BundleDuration),
        source: Source,
      }),
    ),
    review: fromProperty("review", Nullable(Frequency)),
    source: Source,
  }),
);
export type BundleReporting = Static<typeof BundleReporting>;

export const BundleClause = named(
  "BundleClause",
  Closed({
    name: Name,
    title: Title,
    text: Type.String(),
    placement: Type.Optional(
      StringEnum(["exclusions", "measurement", "support", "credits", "reporting"], {
        description: "The section the clause is placed in (`in exclusions`); without it, a section of its own.",
      }),
    ),
    source: Source,
  }),
);
export type BundleClause = Static<typeof BundleClause>;

export const RuleBundle = Closed(
  {
    $schema: Type.Literal(BUNDLE_SCHEMA_ID),
    format: Type.Literal(BUNDLE_FORMAT),
    agreement: Nullable(BundleAgreement),
    parties: Type.Array(BundleParty),
    calendars: Type.Array(BundleCalendar),
    services: Type.Array(BundleService),
    metrics: Type.Array(BundleMetric),
    objectives: Type.Array(BundleObjective),
    remedies: Type.Array(BundleRemedy),
    incentives: Type.Array(BundleIncentive),
    reporting: Type.Array(BundleReporting),
    clauses: Type.Array(BundleClause),
  },
  {
    title: "SLA rule bundle, format sla-rules/1",
    description:
      "What the .sla compiler writes and what an evaluation engine, a billing system or a monitoring system reads without knowing the language. Every reference is the referenced declaration's name; percentages, money and seconds are exact decimal strings; every rule carries its source. See docs/bundle.md.",
  },
);
export type RuleBundle = Static<typeof RuleBundle>;
