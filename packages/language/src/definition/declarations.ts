/**
 * Every declaration kind, as data: the properties its body may hold (by CST rule, in the order the
 * grammar tries them) and its hover documentation.
 */
import type { KeywordDoc } from "./docs.ts";
import { PROPERTIES, type PropertyDefinition, type PropertyRule } from "./properties.ts";

export interface DeclarationDefinition {
  readonly kind: string;
  readonly properties: readonly PropertyRule[];
  readonly doc: KeywordDoc;
}

export const IMPORT_DOC: KeywordDoc = {
  syntax: 'import "path/to/file.sla"',
  meaning:
    "Makes the declarations of another file visible here. The path is relative to this file. Names must stay unique across all imported files.",
};

/**
 * The body of each kind as listed here; `DECLARATIONS` adds the properties whose rows name the
 * kind in `heldBy`. These lists are the order the grammar tries a body's properties in.
 */
const LISTED = [
  {
    kind: "agreement",
    properties: [
      "versionProperty",
      "effectiveProperty",
      "termProperty",
      "renewalProperty",
      "timezoneProperty",
      "currencyProperty",
      "governingLawProperty",
      "businessCalendarProperty",
      "scheduleProperty",
      "masterTermsProperty",
      "defineProperty",
      "changeOfControlProperty",
    ],
    doc: {
      syntax: 'agreement Name "Title" { version … effective … term … currency … }',
      meaning:
        "The agreement itself: its version, start date, term and renewal, time zone, currency, governing law and business calendar. A contract has at most one; `sla build` needs one.",
    },
  },
  {
    kind: "party",
    properties: ["roleProperty", "addressProperty", "contactProperty", "calledProperty", "knownAsProperty"],
    doc: {
      syntax: 'party Name "Legal name" { role provider|customer  address "…"  contact "…" }',
      meaning: "A party to the agreement. At least one provider and one customer are needed.",
    },
  },
  {
    kind: "calendar",
    properties: ["workingHoursProperty", "holidaysProperty", "timezoneProperty"],
    doc: {
      syntax: 'calendar Name "Title" { monday to friday 08:00 to 18:00  holidays 2026-12-25, … }',
      meaning:
        "Working hours and holidays. Services use a calendar for their hours; `business day` and `business hour` durations count on the agreement's business calendar.",
    },
  },
  {
    kind: "service",
    properties: [
      "providerProperty",
      "customerProperty",
      "feeProperty",
      "hoursProperty",
      "excludeProperty",
      "contactProperty",
      "creditCapProperty",
      "atRiskProperty",
      "poolMaximumProperty",
      "earnBackProperty",
    ],
    doc: {
      syntax: 'service Name "Title" { provider P  customer C  fee GBP 1,000 per month  hours 24x7 }',
      meaning:
        "A service the provider delivers to the customer, with its fee, its service hours and the exclusions that apply to all its objectives.",
    },
  },
  {
    kind: "metric",
    properties: [
      "serviceProperty",
      "typeProperty",
      "measuredByProperty",
      "downtimeProperty",
      "downtimeSliceProperty",
      "indicatorProperty",
      "measurerProperty",
      "dataSourceProperty",
      "sampleProperty",
      "gapsProperty",
    ],
    doc: {
      syntax: 'metric Name "Title" { service S  type availability  measured by "…" }',
      meaning:
        "What is measured for a service, and how: availability, latency (with a percentile), error rate, response time or resolution time.",
    },
  },
  {
    kind: "objective",
    properties: [
      "metricProperty",
      "serviceProperty",
      "targetProperty",
      "maxOutageProperty",
      "severityProperty",
      "responseProperty",
      "resolutionProperty",
      "ticketsProperty",
      "forEachProperty",
      "excludeProperty",
      "criticalProperty",
      "minimumProperty",
      "keyMeasurementProperty",
    ],
    doc: {
      syntax: 'objective Name "Title" { metric M  target at least 99.9% per calendar month }',
      meaning:
        "A service level the provider commits to: a target on a metric per window, outage limits, or support response and resolution times for a severity.",
    },
  },
  {
    kind: "remedy",
    properties: [
      "forProperty",
      "creditProperty",
      "creditsCumulativeProperty",
      "minimumCreditProperty",
      "capProperty",
      "claimProperty",
      "soleRemedyProperty",
      "actionProperty",
      "terminateProperty",
      "noticeProperty",
    ],
    doc: {
      syntax: 'remedy Name "Title" { for Objective  credit 10% of monthly fee when below 99.9% … }',
      meaning:
        "What the customer receives when an objective is missed: service credits in tiers, a cap, a claim period, corrective actions, or a right to terminate.",
    },
  },
  {
    kind: "incentive",
    properties: [
      "forProperty",
      "bonusProperty",
      "capProperty",
      "serviceProperty",
      "outcomeProperty",
      "gainShareProperty",
      "painShareProperty",
    ],
    doc: {
      syntax: 'incentive Name "Title" { for Objective  bonus 5% of monthly fee when above 99.99% }',
      meaning: "What the provider earns for exceeding an objective.",
    },
  },
  {
    kind: "reporting",
    properties: ["reportProperty", "reviewProperty"],
    doc: {
      syntax: 'reporting Name "Title" { report A, B monthly within 5 business days  review quarterly }',
      meaning: "Which objectives are reported, how often and how soon; how often the service is reviewed.",
    },
  },
  {
    kind: "clause",
    properties: ["textProperty", "placementProperty"],
    doc: {
      syntax: 'clause Name "Title" { text """ … """  in exclusions }',
      meaning: "Contract prose that the tools carry into the rendered contract unchanged.",
    },
  },
] as const satisfies readonly DeclarationDefinition[];

type Row = (typeof PROPERTIES)[number];

/** The rules whose rows name a declaration kind in `heldBy`. */
type HeldBy<Kind> = Row extends infer R
  ? R extends { rule: infer Rule; heldBy: readonly (infer Holder)[] }
    ? Kind extends Holder
      ? Rule
      : never
    : never
  : never;

type WithHeld<D> = D extends { kind: infer Kind; properties: readonly (infer Rule)[] }
  ? Omit<D, "properties"> & { readonly properties: readonly (Rule | HeldBy<Kind>)[] }
  : never;

/** Every declaration kind with its whole body: the listed properties, then those whose rows name it. */
export const DECLARATIONS = LISTED.map((d) => ({
  ...d,
  properties: [
    ...d.properties,
    ...(PROPERTIES as readonly PropertyDefinition[])
      .filter((p) => p.heldBy?.includes(d.kind))
      .map((p) => p.rule as PropertyRule),
  ],
})) as readonly WithHeld<(typeof LISTED)[number]>[];
