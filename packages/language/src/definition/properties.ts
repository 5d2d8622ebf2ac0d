/**
 * Every property of the language, as data: its CST rule, the AST kind(s) it builds with their
 * hover documentation, its syntax, and whether a declaration may hold it more than once. The
 * declarations that may hold it are named by its `heldBy`, or (for the properties that came
 * before `heldBy`) listed in `declarations.ts`.
 */
import type { KeywordDoc } from "./docs.ts";
import {
  block,
  choice,
  comma,
  type DeclarationKind,
  type Element,
  flag,
  kw,
  list,
  oneOf,
  optional,
  value,
} from "./shape.ts";

export interface PropertyDefinition {
  /** The CST rule, `<camelKind>Property`: completion, hover and incremental parsing key on it. */
  readonly rule: string;
  /** The AST kind(s) the rule builds, each with its hover text. */
  readonly kinds: Readonly<Record<string, KeywordDoc>>;
  readonly syntax: readonly Element[];
  /**
   * The words whose range is the property's `keyword` (hover, narrow diagnostics). Default: the
   * first keyword; empty: the first token, for a property that starts with a value.
   */
  readonly keywords?: readonly string[];
  /**
   * `once`: a second one in a declaration is a duplicate. `many`: any number. `keyed`: once per
   * window or cause, a hand-written key in check/rules/structure.ts.
   */
  readonly repeat: "once" | "many" | "keyed";
  /** What a syntax error says when something follows a complete property of this kind. */
  readonly complete?: string;
  /** The AST builder is hand-written (an irregular form); the grammar is still derived from `syntax`. */
  readonly customBuilder?: true;
  /**
   * The declaration kinds whose bodies hold it, after the properties `declarations.ts` lists (in
   * the order of this table). A property is held either here or in those lists, never both.
   */
  readonly heldBy?: readonly DeclarationKind[];
  /**
   * The AST kind of the property this one qualifies, which the same declaration must then hold
   * (`exercise within` is about `terminate`): without it the checker reports SLA3010 rather than
   * the tools ignoring the line.
   */
  readonly needs?: string;
}

const FEE_PERIODS = { month: ["month"], quarter: ["quarter"], year: ["year"] } as const;

export const PROPERTIES = [
  // agreement
  {
    rule: "versionProperty",
    kinds: { version: { syntax: 'version "2.1"', meaning: "The version of this agreement's text." } },
    syntax: [...kw("version"), value("string", "value")],
    repeat: "once",
  },
  {
    rule: "effectiveProperty",
    kinds: { effective: { syntax: "effective 2026-01-01", meaning: "The date the agreement takes effect." } },
    syntax: [...kw("effective"), value("date", "date")],
    repeat: "once",
  },
  {
    rule: "termProperty",
    kinds: { term: { syntax: "term 24 months", meaning: "How long the agreement runs from its effective date." } },
    syntax: [...kw("term"), value("duration", "duration")],
    repeat: "once",
  },
  {
    rule: "renewalProperty",
    kinds: {
      renewal: {
        syntax: "renewal automatic 12 months, notice 90 days",
        meaning: "How the agreement renews at the end of its term, and the notice needed to stop the renewal.",
      },
    },
    syntax: [
      ...kw("renewal"),
      flag("automatic", "automatic"),
      value("duration", "period"),
      optional(comma, ...kw("notice"), value("duration", "notice")),
    ],
    repeat: "once",
    customBuilder: true,
  },
  {
    rule: "timezoneProperty",
    kinds: {
      timezone: {
        syntax: 'timezone "Europe/London"',
        meaning:
          "The IANA time zone in which windows (a calendar month…) and calendars are counted, daylight saving included.",
      },
    },
    syntax: [...kw("timezone"), value("string", "value")],
    repeat: "once",
  },
  {
    rule: "currencyProperty",
    kinds: { currency: { syntax: "currency GBP", meaning: "The ISO 4217 currency of every amount in the contract." } },
    syntax: [...kw("currency"), value("name", "code")],
    repeat: "once",
  },
  {
    rule: "governingLawProperty",
    kinds: {
      "governing law": { syntax: 'governing law "England and Wales"', meaning: "The law that governs the agreement." },
    },
    syntax: [...kw("governing", "law"), value("string", "value")],
    keywords: ["governing", "law"],
    repeat: "once",
  },
  {
    rule: "businessCalendarProperty",
    kinds: {
      "business calendar": {
        syntax: "business calendar BusinessHours",
        meaning: "The calendar on which `business day` and `business hour` durations are counted.",
      },
    },
    syntax: [...kw("business", "calendar"), value("name", "calendar", "calendar")],
    keywords: ["business", "calendar"],
    repeat: "once",
  },
  {
    rule: "scheduleProperty",
    kinds: {
      schedule: {
        syntax: 'schedule 3 to "Master Services Agreement" dated 2026-01-15',
        meaning:
          'The agreement is a schedule to a master agreement: the contract is headed "Schedule 3 to the Master Services Agreement dated …", says "this Schedule", and has no recital of parties or signature block of its own.',
      },
    },
    syntax: [
      ...kw("schedule"),
      value("number", "number"),
      ...kw("to"),
      value("string", "master"),
      optional(...kw("dated"), value("date", "dated")),
    ],
    repeat: "once",
  },
  {
    rule: "defineProperty",
    kinds: {
      define: {
        syntax: 'define "Incident" as "an unplanned interruption of a service"',
        meaning:
          'A term the contract defines itself, listed in the Definitions in alphabetical order with the generated ones ("Incident" means …). Clause text uses it by its exact spelling.',
      },
    },
    syntax: [...kw("define"), value("string", "term"), ...kw("as"), value("string", "meaning")],
    repeat: "many",
  },
  {
    rule: "masterTermsProperty",
    kinds: {
      "master terms": {
        syntax: 'master terms "Services", "Charges"',
        meaning:
          "Terms this schedule uses as the master agreement defines them: each is listed in the Definitions as having the meaning given in the Master Agreement. Needs `schedule`.",
      },
    },
    syntax: [...kw("master", "terms"), list("string", "terms")],
    keywords: ["master", "terms"],
    repeat: "once",
  },
  {
    rule: "changeOfControlProperty",
    kinds: {
      "change of control": {
        syntax:
          "change of control of either party, notice within 30 days, right to terminate or renegotiate within 6 months, remains in force",
        meaning:
          "What happens when a party is acquired or merges: it must give notice within a period; the other party may then terminate (or require renegotiation) within a window after the notice; and, with `remains in force`, the agreement stays in force meanwhile. Evaluated from `change of control` records.",
      },
    },
    syntax: [
      ...kw("change", "of", "control", "of"),
      oneOf("party", { provider: ["provider"], customer: ["customer"], either: ["either", "party"] }),
      comma,
      ...kw("notice", "within"),
      value("duration", "notice"),
      comma,
      ...kw("right", "to"),
      oneOf("right", {
        "terminate or renegotiate": ["terminate", "or", "renegotiate"],
        terminate: ["terminate"],
        renegotiate: ["renegotiate"],
      }),
      ...kw("within"),
      value("duration", "window"),
      optional(comma, oneOf("meanwhile", { "in force": ["remains", "in", "force"] })),
    ],
    keywords: ["change", "of", "control"],
    repeat: "once",
  },
  // party
  {
    rule: "roleProperty",
    kinds: {
      role: {
        syntax: "role provider | role customer",
        meaning: "Whether the party provides the services or receives them.",
      },
    },
    syntax: [...kw("role"), oneOf("role", { provider: ["provider"], customer: ["customer"] })],
    repeat: "once",
    customBuilder: true,
  },
  {
    rule: "addressProperty",
    kinds: { address: { syntax: 'address "…"', meaning: "The party's address for notices." } },
    syntax: [...kw("address"), value("string", "value")],
    repeat: "once",
  },
  {
    rule: "contactProperty",
    kinds: {
      contact: {
        syntax: 'contact "…"',
        meaning: "Who to contact about this agreement: at a party, or for a service (its service desk).",
      },
    },
    syntax: [...kw("contact"), value("string", "value")],
    repeat: "once",
  },
  {
    rule: "calledProperty",
    kinds: {
      called: {
        syntax: 'called "Supplier"',
        meaning:
          "What the contract calls the party, as the deal names it (`Supplier`, `Client`): used in every clause instead of Provider or Customer.",
      },
    },
    syntax: [...kw("called"), value("string", "value")],
    repeat: "once",
  },
  {
    rule: "knownAsProperty",
    kinds: {
      "known as": {
        syntax: 'known as "AWS"',
        meaning:
          "A name the contract uses for the party, without an article (`AWS`, `GitHub`): used in every clause instead of Provider or Customer, as `called` is for a term such as the Supplier.",
      },
    },
    syntax: [...kw("known", "as"), value("string", "value")],
    keywords: ["known", "as"],
    repeat: "once",
  },
  // calendar
  {
    rule: "workingHoursProperty",
    kinds: {
      "working hours": {
        syntax: "monday to friday 08:00 to 18:00",
        meaning: "The days and the hours of the day that count as working time, in the agreement's time zone.",
      },
    },
    syntax: [list("daySpan", "days"), value("time", "from"), ...kw("to"), value("time", "to")],
    keywords: [],
    repeat: "many",
    customBuilder: true,
  },
  {
    rule: "holidaysProperty",
    kinds: {
      holidays: { syntax: "holidays 2026-12-25, 2026-12-28", meaning: "Dates that are not working days." },
    },
    syntax: [...kw("holidays"), list("date", "dates")],
    repeat: "many",
  },
  // service
  {
    rule: "providerProperty",
    kinds: {
      provider: {
        syntax: "provider Acme",
        meaning: "The party that provides this service; it must have `role provider`.",
      },
    },
    syntax: [...kw("provider"), value("name", "party", "party")],
    repeat: "once",
  },
  {
    rule: "customerProperty",
    kinds: {
      customer: {
        syntax: "customer Globex",
        meaning: "The party that receives this service; it must have `role customer`.",
      },
    },
    syntax: [...kw("customer"), value("name", "party", "party")],
    repeat: "once",
  },
  {
    rule: "feeProperty",
    kinds: {
      fee: {
        syntax: "fee GBP 12,000.00 per month | fee as charged per month | fee USD 30.00 for each instance per month",
        meaning:
          "What the customer pays for the service. Credits and bonuses are percentages of it. `fee as charged per month`: the charges paid for the service in each month, supplied with the observed data as `charge` records. `for each instance` before the period: the fee (or the charges) of each unit, for objectives held `for each instance`.",
      },
    },
    syntax: [
      ...kw("fee"),
      choice([value("money", "amount")], [oneOf("charged", { "as charged": ["as", "charged"] })]),
      optional(...kw("for", "each"), value("name", "unit")),
      ...kw("per"),
      oneOf("period", FEE_PERIODS),
    ],
    repeat: "once",
  },
  {
    rule: "creditCapProperty",
    kinds: {
      "cap all credits": {
        syntax: "cap all credits at 50% of monthly fee per calendar month",
        meaning:
          "The most all the service credits on the service's objectives, from every remedy together, pay per window (after each remedy's own cap and minimum).",
      },
    },
    syntax: [
      ...kw("cap", "all", "credits", "at"),
      value("percentage", "percentage"),
      ...kw("of"),
      value("feeBasis", "basis"),
      value("window", "window"),
    ],
    keywords: ["cap", "all", "credits"],
    repeat: "once",
  },
  {
    rule: "hoursProperty",
    kinds: {
      hours: {
        syntax: "hours 24x7 | hours BusinessHours",
        meaning:
          "When the service is due: around the clock, or within a calendar's hours. Only that time counts towards availability.",
      },
    },
    syntax: [...kw("hours"), value("hoursSpec", "hours", "calendar")],
    repeat: "once",
  },
  {
    rule: "excludeProperty",
    kinds: {
      exclude: {
        syntax:
          "exclude maintenance { notice 5 days  at most 4 hours per calendar month } | exclude customer caused | exclude force majeure",
        meaning:
          "Outages that do not count as downtime: announced maintenance (with its notice and allowance), outages the customer caused, force majeure.",
      },
    },
    syntax: [
      ...kw("exclude"),
      choice(
        [...kw("maintenance"), optional(block("noticeProperty", "allowanceProperty"))],
        kw("customer", "caused"),
        kw("force", "majeure"),
      ),
    ],
    repeat: "keyed",
    customBuilder: true,
  },
  {
    rule: "noticeProperty",
    kinds: {
      notice: {
        syntax: "notice 5 days",
        meaning: "How long in advance something must be announced (maintenance) or given (termination).",
      },
    },
    syntax: [...kw("notice"), value("duration", "duration")],
    repeat: "once",
    // in a remedy, the notice to exercise a right to terminate (in a maintenance block, `needs` is not checked)
    needs: "terminate",
  },
  {
    rule: "allowanceProperty",
    kinds: {
      allowance: {
        syntax: "at most 4 hours per calendar month",
        meaning: "How much announced maintenance may be excluded per window; anything beyond counts as downtime.",
      },
    },
    syntax: [...kw("at", "most"), value("duration", "duration"), value("window", "window")],
    keywords: ["at", "most"],
    repeat: "keyed",
  },
  // metric
  {
    rule: "serviceProperty",
    kinds: { service: { syntax: "service Hosting", meaning: "The service this metric or objective is about." } },
    syntax: [...kw("service"), value("name", "service", "service")],
    repeat: "once",
  },
  {
    rule: "typeProperty",
    kinds: {
      type: {
        syntax:
          "type availability | latency percentile 95 | error rate | success rate | response time | resolution time",
        meaning:
          "What kind of quantity the metric is, which decides the units its targets may use. A success rate is counted from `requests` records: the requests that did not fail, in percent of all requests in the window.",
      },
    },
    syntax: [
      ...kw("type"),
      choice(
        kw("availability"),
        [...kw("latency"), optional(...kw("percentile"), value("number", "percentile"))],
        kw("error", "rate"),
        kw("success", "rate"),
        kw("response", "time"),
        kw("resolution", "time"),
      ),
    ],
    repeat: "once",
    customBuilder: true,
  },
  {
    rule: "measuredByProperty",
    kinds: { "measured by": { syntax: 'measured by "…"', meaning: "How the measurements are taken." } },
    syntax: [...kw("measured", "by"), value("string", "value")],
    keywords: ["measured", "by"],
    repeat: "once",
  },
  {
    rule: "downtimeProperty",
    kinds: {
      downtime: { syntax: 'downtime "…"', meaning: "What counts as downtime for this availability metric." },
    },
    syntax: [...kw("downtime"), value("string", "value")],
    repeat: "once",
  },
  {
    rule: "downtimeSliceProperty",
    kinds: {
      "downtime slice": {
        syntax: "downtime per 1 minute when error rate above 5%",
        meaning:
          "Time-slice downtime, counted from the metric's `requests` records: time is cut into slices of the given length, and a slice whose failed requests are above (or `at least`) the given share of its requests is Downtime. A slice without requests is not Downtime. An availability metric only.",
      },
    },
    syntax: [
      ...kw("downtime", "per"),
      value("duration", "length"),
      ...kw("when", "error", "rate"),
      oneOf("comparison", { above: ["above"], "at least": ["at", "least"] }),
      value("percentage", "threshold"),
    ],
    keywords: ["downtime", "per"],
    repeat: "once",
  },
  {
    rule: "indicatorProperty",
    kinds: {
      indicator: {
        syntax:
          'indicator prometheus good "…" total "…" [slice 1 minute above 5%] | indicator prometheus errors "…" total "…" | indicator prometheus histogram "…" below 300 milliseconds',
        meaning:
          "Where the metric's data lives, for `sla export openslo`, `sla export prometheus` and `sla evaluate --prometheus`: Prometheus queries for the good (or failed) and all events, or a latency histogram and the time a good request stays below. `$window` in a query is the range an export puts in (`5m`, `1h`, …). On an availability metric, `slice 1 minute above 5%` counts time in slices: a slice whose share of failed events is above 5% is downtime (OpenSLO Timeslices). Not part of the written contract.",
      },
    },
    syntax: [
      ...kw("indicator"),
      oneOf("source", { prometheus: ["prometheus"] }),
      choice(
        [...kw("good"), value("string", "good"), ...kw("total"), value("string", "total")],
        [...kw("errors"), value("string", "errors"), ...kw("total"), value("string", "total")],
        [...kw("histogram"), value("string", "histogram"), ...kw("below"), value("duration", "threshold")],
      ),
      optional(...kw("slice"), value("duration", "slice"), ...kw("above"), value("percentage", "sliceAbove")),
    ],
    repeat: "once",
    customBuilder: true,
  },
  // a metric's measurement plan
  {
    rule: "measurerProperty",
    kinds: {
      measurer: {
        syntax: "measurer provider | measurer customer | measurer independent party",
        meaning: "Who measures the metric, in the Measurement Plan.",
      },
    },
    syntax: [
      ...kw("measurer"),
      oneOf("party", { provider: ["provider"], customer: ["customer"], independent: ["independent", "party"] }),
    ],
    repeat: "once",
  },
  {
    rule: "dataSourceProperty",
    kinds: {
      "data source": {
        syntax: 'data source "Synthetic monitoring (Dynatrace)"',
        meaning: "The tool or data source the measurements come from, in the Measurement Plan.",
      },
    },
    syntax: [...kw("data", "source"), value("string", "value")],
    keywords: ["data", "source"],
    repeat: "once",
  },
  {
    rule: "sampleProperty",
    kinds: {
      sample: {
        syntax: 'sample every 1 minute, method "Synthetic quote transaction from two data centres"',
        meaning:
          "How often the metric is sampled, and how: the engine checks each report month's measurements against this frequency and reports the gaps.",
      },
    },
    syntax: [
      ...kw("sample", "every"),
      value("duration", "interval"),
      optional(comma, ...kw("method"), value("string", "method")),
    ],
    repeat: "once",
  },
  {
    rule: "gapsProperty",
    kinds: {
      gaps: {
        syntax: 'gaps "A missing sample counts as a failed transaction"',
        meaning:
          "How the Measurement Plan treats gaps in the samples. The engine reports the gaps and this text; it does not change a result on account of it.",
      },
    },
    syntax: [...kw("gaps"), value("string", "treatment")],
    repeat: "once",
  },
  // objective
  {
    rule: "metricProperty",
    kinds: { metric: { syntax: "metric Availability", meaning: "The metric this objective sets a target for." } },
    syntax: [...kw("metric"), value("name", "metric", "metric")],
    repeat: "once",
  },
  {
    rule: "targetProperty",
    kinds: {
      target: {
        syntax: "target at least 99.9% per calendar month during SupportHours",
        meaning:
          "The level the metric must reach in each window. Compared exactly: exactly 99.9% is met by `at least 99.9%` and is not `below 99.9%`. On availability, `during CALENDAR` counts only the service's hours inside that calendar's hours, and `outside CALENDAR` only those outside them, so one service can have one target in support hours and another outside them.",
      },
    },
    syntax: [
      ...kw("target"),
      value("comparator", "comparator"),
      value("quantity", "value"),
      value("window", "window"),
      optional(oneOf("scope", { during: ["during"], outside: ["outside"] }), value("name", "hours", "calendar")),
    ],
    repeat: "once",
  },
  {
    rule: "maxOutageProperty",
    kinds: {
      "max outage per incident": {
        syntax: "max outage per incident 30 minutes",
        meaning: "No single incident may last longer; each longer incident is one breach.",
      },
      "max total outage": {
        syntax: "max total outage 40 minutes per calendar month",
        meaning: "The downtime a window may hold in total; a window with more is one breach.",
      },
    },
    syntax: [
      ...kw("max"),
      choice(
        [...kw("outage", "per", "incident"), value("duration", "duration")],
        [...kw("total", "outage"), value("duration", "duration"), value("window", "window")],
      ),
    ],
    keywords: ["max", "outage", "total", "per", "incident"],
    repeat: "keyed",
    customBuilder: true,
  },
  {
    rule: "severityProperty",
    kinds: {
      severity: { syntax: 'severity 1 "Service unavailable"', meaning: "Which tickets this support objective covers." },
    },
    syntax: [...kw("severity"), value("number", "level"), optional(value("string", "description"))],
    repeat: "once",
  },
  {
    rule: "responseProperty",
    kinds: {
      response: {
        syntax: "response within 15 minutes during 24x7",
        meaning: "How soon a ticket must get its first response, counted within the given hours.",
      },
    },
    syntax: [
      ...kw("response", "within"),
      value("duration", "duration"),
      optional(...kw("during"), value("hoursSpec", "during", "calendar")),
    ],
    repeat: "once",
  },
  {
    rule: "resolutionProperty",
    kinds: {
      resolution: {
        syntax: "resolution within 4 hours from acknowledgement during BusinessHours",
        meaning:
          "How soon a ticket must be resolved, counted within the given hours: from when it was opened, or with `from acknowledgement` from when the provider acknowledged it (a ticket never acknowledged is late).",
      },
    },
    syntax: [
      ...kw("resolution", "within"),
      value("duration", "duration"),
      optional(...kw("from"), oneOf("start", { acknowledgement: ["acknowledgement"] })),
      optional(...kw("during"), value("hoursSpec", "during", "calendar")),
    ],
    repeat: "once",
  },
  {
    rule: "ticketsProperty",
    kinds: {
      tickets: {
        syntax: "at least 95% of tickets per calendar month",
        meaning: "The share of a window's tickets that must meet both the response and the resolution targets.",
      },
    },
    syntax: [
      value("comparator", "comparator"),
      value("percentage", "share"),
      ...kw("of", "tickets"),
      value("window", "window"),
    ],
    keywords: [],
    repeat: "keyed",
  },
  // per-unit objectives
  {
    rule: "forEachProperty",
    kinds: {
      "for each": {
        syntax: "for each region",
        meaning:
          "The objective holds for each unit the observed data names (an instance, account, region, organisation…): each unit's records are evaluated on their own, and its breaches and credits are its own; the report sums the credits. The word is the unit's name as the contract writes it; records carry it in their `unit` field.",
      },
    },
    syntax: [...kw("for", "each"), value("name", "unit")],
    keywords: ["for", "each"],
    repeat: "once",
  },
  // fees at risk (service and objective)
  {
    rule: "atRiskProperty",
    kinds: {
      "at risk": {
        syntax: "at risk 12% of monthly fee",
        meaning:
          "The service's At-Risk Amount: the most its critical service levels can take back in service credits in one month.",
      },
    },
    syntax: [...kw("at", "risk"), value("percentage", "percentage"), ...kw("of"), value("feeBasis", "basis")],
    keywords: ["at", "risk"],
    repeat: "once",
  },
  {
    rule: "poolMaximumProperty",
    kinds: {
      "pool maximum": {
        syntax: "pool maximum 250%",
        meaning:
          "The most the allocations of the service's critical service levels may add up to (the Pool Percentage Available for Allocation).",
      },
    },
    syntax: [...kw("pool", "maximum"), value("percentage", "percentage")],
    keywords: ["pool", "maximum"],
    repeat: "once",
  },
  {
    rule: "earnBackProperty",
    kinds: {
      "earn back": {
        syntax: "earn back after 3 consecutive months",
        meaning:
          "A credit for a failed critical service level is paid back to the provider when that service level then meets its expected level for this many consecutive windows.",
      },
    },
    syntax: [...kw("earn", "back", "after"), value("number", "windows"), ...kw("consecutive", "months")],
    keywords: ["earn", "back"],
    repeat: "once",
  },
  {
    rule: "criticalProperty",
    kinds: {
      critical: {
        syntax: "critical allocation 40%",
        meaning:
          "A Critical Service Level: failing its minimum in a window costs its allocation (a percentage of the pool) of the service's At-Risk Amount.",
      },
    },
    syntax: [...kw("critical"), optional(...kw("allocation"), value("percentage", "allocation"))],
    repeat: "once",
  },
  {
    rule: "minimumProperty",
    kinds: {
      minimum: {
        syntax: "minimum at least 99.5%",
        meaning:
          "The Minimum Service Level: below it a critical service level has failed and a credit is due. The target is then the Expected Service Level, below which the provider reports the trend and acts.",
      },
    },
    syntax: [...kw("minimum"), value("comparator", "comparator"), value("quantity", "value")],
    repeat: "once",
  },
  {
    rule: "keyMeasurementProperty",
    kinds: {
      "key measurement": {
        syntax: "key measurement, promotion notice 90 days",
        meaning:
          "A Key Measurement: reported against its target but carrying no credit; with `promotion notice`, the customer may make it a critical service level on that much notice.",
      },
    },
    syntax: [
      ...kw("key", "measurement"),
      optional(comma, ...kw("promotion", "notice"), value("duration", "promotionNotice")),
    ],
    keywords: ["key", "measurement"],
    repeat: "once",
  },
  // remedy and incentive
  {
    rule: "forProperty",
    kinds: { for: { syntax: "for Uptime", meaning: "The objective this remedy or incentive applies to." } },
    syntax: [...kw("for"), value("name", "objective", "objective")],
    repeat: "once",
  },
  {
    rule: "creditProperty",
    kinds: {
      credit: {
        syntax:
          "credit 10% of monthly fee when below 99.9% | credit 10% of monthly fee when below 99.99% but at least 99.0% | credit USD 500.00 when below 99.0% | credit 5% of monthly fee for each breach | credit USD 100.00 for each started 30 minutes of downtime beyond the allowance | credit 5% of monthly fee when breached 1 to 2 times per calendar quarter",
        meaning:
          "A service credit tier: a percentage of a fee, or a fixed amount of money. Tiers are not cumulative: the single largest credit whose condition holds applies; a band (`when below 99.99% but at least 99.0%`) holds when both bounds do; `for each breach` is multiplied by the window's breaches; `for each full 1 hour of downtime` (or `started`: a part counts as one) by the window's downtime in those units, `beyond the allowance` the downtime over what the target allows; `when breached 1 to 2 times per calendar quarter` (or `5 or more times`, or `3 times`) counts the objective's breached windows in that period and is paid with its last window.",
      },
    },
    syntax: [
      ...kw("credit"),
      choice([value("percentage", "percentage"), ...kw("of"), value("feeBasis", "basis")], [value("money", "amount")]),
      choice(
        [
          ...kw("when"),
          choice(
            [value("comparator"), value("quantity"), optional(...kw("but"), value("comparator"), value("quantity"))],
            [
              ...kw("breached"),
              value("number"),
              optional(choice([...kw("to"), value("number")], kw("or", "more"))),
              ...kw("times"),
              value("window"),
            ],
          ),
        ],
        [
          ...kw("for", "each"),
          choice(kw("breach"), [
            choice(kw("full"), kw("started")),
            value("duration"),
            ...kw("of", "downtime"),
            optional(...kw("beyond", "the", "allowance")),
          ]),
        ],
      ),
    ],
    complete:
      "a credit tier is one threshold (`when below 99.0%`) or one band (`when below 99.99% but at least 99.0%`); give each further tier its own `credit` line",
    repeat: "many",
    customBuilder: true,
  },
  {
    rule: "creditsCumulativeProperty",
    kinds: {
      "credits cumulative": {
        syntax: "credits are cumulative | credits are not cumulative",
        meaning:
          "Whether every credit tier whose condition holds is paid, added together (`cumulative`), or only the single largest (`not cumulative`, as without this line).",
      },
    },
    syntax: [
      ...kw("credits", "are"),
      oneOf("mode", { "not cumulative": ["not", "cumulative"], cumulative: ["cumulative"] }),
    ],
    keywords: ["credits", "are"],
    repeat: "once",
  },
  {
    rule: "minimumCreditProperty",
    kinds: {
      "minimum credit": {
        syntax: "minimum credit USD 1.00",
        meaning:
          "The smallest credit paid: a window's credit (after the cap) of less than this amount is not paid at all.",
      },
    },
    syntax: [...kw("minimum", "credit"), value("money", "amount")],
    keywords: ["minimum", "credit"],
    repeat: "once",
  },
  {
    rule: "capProperty",
    kinds: {
      cap: {
        syntax: "cap 100% of monthly fee per calendar month",
        meaning: "The most this remedy or incentive pays per window.",
      },
    },
    syntax: [
      ...kw("cap"),
      value("percentage", "percentage"),
      ...kw("of"),
      value("feeBasis", "basis"),
      optional(value("window", "window")),
    ],
    repeat: "once",
  },
  {
    rule: "claimProperty",
    kinds: { claim: { syntax: "claim within 30 days", meaning: "How long the customer has to claim a credit." } },
    syntax: [...kw("claim", "within"), value("duration", "duration")],
    repeat: "once",
  },
  {
    rule: "soleRemedyProperty",
    kinds: {
      "sole remedy": {
        syntax: "sole remedy",
        meaning: "The remedy is the customer's only remedy for missing the objective.",
      },
    },
    syntax: kw("sole", "remedy"),
    keywords: ["sole", "remedy"],
    repeat: "once",
  },
  {
    rule: "actionProperty",
    kinds: {
      action: {
        syntax: 'action "Root cause analysis report" within 5 business days',
        meaning: "Something the provider must do after a breach, and by when.",
      },
    },
    syntax: [...kw("action"), value("string", "description"), optional(...kw("within"), value("duration", "duration"))],
    repeat: "many",
  },
  {
    rule: "terminateProperty",
    kinds: {
      terminate: {
        syntax: "terminate when breached 3 times within 6 months",
        meaning: "The customer may terminate when the objective is breached this often.",
      },
    },
    syntax: [
      ...kw("terminate", "when", "breached"),
      value("number", "times"),
      ...kw("times", "within"),
      value("duration", "within"),
    ],
    repeat: "once",
  },
  {
    rule: "exerciseProperty",
    kinds: {
      exercise: {
        syntax: "exercise within 30 days",
        meaning:
          "How long the customer has to exercise a right to terminate, from the end of the last breached window that gives it; the right lapses if it is not exercised by then.",
      },
    },
    syntax: [...kw("exercise", "within"), value("duration", "duration")],
    keywords: ["exercise", "within"],
    repeat: "once",
    heldBy: ["remedy"],
    needs: "terminate",
  },
  {
    rule: "bonusProperty",
    kinds: {
      bonus: {
        syntax: "bonus 5% of monthly fee when above 99.99% for 3 consecutive months",
        meaning: "What the provider earns when the objective is exceeded (for so many consecutive windows).",
      },
    },
    syntax: [
      ...kw("bonus"),
      value("percentage", "percentage"),
      ...kw("of"),
      value("feeBasis", "basis"),
      ...kw("when"),
      value("comparator", "comparator"),
      value("quantity", "threshold"),
      optional(...kw("for"), value("number", "consecutive"), ...kw("consecutive", "months")),
    ],
    repeat: "many",
  },
  // outcome-based pay (on an incentive)
  {
    rule: "outcomeProperty",
    kinds: {
      outcome: {
        syntax: 'outcome ClaimsProcessed "Claims processed within two business days" per calendar month',
        meaning:
          "A business outcome the customer cares about, measured from `outcome` records naming it: each window's value is the share of its records that met the outcome. Gain-share and pain-share bands pay on it.",
      },
    },
    syntax: [
      ...kw("outcome"),
      value("name", "name"),
      optional(value("string", "description")),
      value("window", "window"),
    ],
    repeat: "once",
  },
  {
    rule: "gainShareProperty",
    kinds: {
      "gain share": {
        syntax: "gain share 2% of monthly fee when at least 98%",
        meaning:
          "A gain-share band: what the customer pays the provider when the outcome's share reaches it. Bands are not cumulative: the largest that holds applies.",
      },
    },
    syntax: [
      ...kw("gain", "share"),
      value("percentage", "percentage"),
      ...kw("of"),
      value("feeBasis", "basis"),
      ...kw("when"),
      value("comparator", "comparator"),
      value("quantity", "threshold"),
      optional(...kw("but"), value("comparator", "boundComparator"), value("quantity", "bound")),
    ],
    keywords: ["gain", "share"],
    repeat: "many",
  },
  {
    rule: "painShareProperty",
    kinds: {
      "pain share": {
        syntax: "pain share 2% of monthly fee when below 90% but at least 80%",
        meaning:
          "A pain-share band: the fee reduction the provider bears when the outcome's share falls into it. Bands are not cumulative: the largest that holds applies.",
      },
    },
    syntax: [
      ...kw("pain", "share"),
      value("percentage", "percentage"),
      ...kw("of"),
      value("feeBasis", "basis"),
      ...kw("when"),
      value("comparator", "comparator"),
      value("quantity", "threshold"),
      optional(...kw("but"), value("comparator", "boundComparator"), value("quantity", "bound")),
    ],
    keywords: ["pain", "share"],
    repeat: "many",
  },
  // reporting
  {
    rule: "reportProperty",
    kinds: {
      report: {
        syntax: "report Uptime, Sev1Support monthly within 5 business days",
        meaning: "Which objectives the provider reports on, how often, and how soon after each period.",
      },
    },
    syntax: [
      ...kw("report"),
      list("name", "objectives", "objective"),
      value("frequency", "frequency"),
      optional(...kw("within"), value("duration", "within")),
    ],
    repeat: "many",
  },
  {
    rule: "reviewProperty",
    kinds: { review: { syntax: "review quarterly", meaning: "How often the parties review the service." } },
    syntax: [...kw("review"), value("frequency", "frequency")],
    repeat: "once",
  },
  // clause
  {
    rule: "textProperty",
    kinds: { text: { syntax: 'text """ … """', meaning: "The clause's wording." } },
    syntax: [...kw("text"), value("text", "value")],
    repeat: "once",
  },
  {
    rule: "placementProperty",
    kinds: {
      placement: {
        syntax: "in exclusions | in measurement | in support | in credits | in reporting",
        meaning:
          "The section of the contract the clause belongs to (an exclusion's prose in Exclusions, a claims procedure in Service Credits). Without it the clause is a section of its own after Term.",
      },
    },
    syntax: [
      ...kw("in"),
      oneOf("section", {
        exclusions: ["exclusions"],
        measurement: ["measurement"],
        support: ["support"],
        credits: ["credits"],
        reporting: ["reporting"],
      }),
    ],
    repeat: "once",
  },
] as const satisfies readonly PropertyDefinition[];

export type PropertyRule = (typeof PROPERTIES)[number]["rule"];
/** The rules whose AST builder is hand-written: `build-ast.ts` must have one for each (a compile error otherwise). */
export type CustomBuiltRule = Extract<(typeof PROPERTIES)[number], { customBuilder: true }>["rule"];
