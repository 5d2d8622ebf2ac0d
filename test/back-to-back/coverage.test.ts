/**
 * Coverage by construction: every declaration and property kind the language has (read from the
 * language's definition, packages/language/src/definition/, so a new kind fails this test until it is covered) is used by
 * a contract that checks clean, and must reach the rule bundle, the Markdown contract and, for
 * every kind that says something about observed data, the engine's report. Kinds that only
 * describe (an address, a version) are listed with the reason the engine has nothing to do.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RuleBundle } from "@sla/compiler";
import type { EvaluationReport, ObjectiveReport } from "@sla/engine";
import { DECLARATION_KINDS, PROPERTIES as PROPERTY_DEFINITIONS } from "@sla/language";
import { describe, expect, it } from "vitest";
import { build, run } from "./pipeline.ts";

/** Every property node kind, from the language's definition: a new row fails this test until it is covered. */
const PROPERTY_KINDS = PROPERTY_DEFINITIONS.flatMap((definition) => Object.keys(definition.kinds));

const CONTRACT = `
agreement Deal "Coverage Agreement" {
  version "3.2"
  effective 2026-01-01
  term 12 months
  renewal automatic 12 months, notice 90 days
  timezone "Europe/London"
  currency GBP
  governing law "England and Wales"
  business calendar Office
  define "Incident" as "an unplanned interruption of a service"
  change of control of either party, notice within 10 business days, right to terminate or renegotiate within 6 months, remains in force
}
party Vendor "Vendor Ltd" {
  role provider
  address "1 High Street, London"
  contact "sla@vendor.example"
  called "Supplier"
}
party Client "Client plc" {
  role customer
  known as "Globex"
}
calendar Office "Office hours" {
  monday to friday 08:00 to 18:00
  holidays 2026-04-06
  timezone "America/New_York"
}
service Web "Web platform" {
  provider Vendor
  customer Client
  fee GBP 12,000.00 per month
  hours 24x7
  cap all credits at 50% of monthly fee per calendar month
  exclude maintenance {
    notice 5 days
    at most 4 hours per calendar month
  }
  exclude customer caused
  at risk 10% of monthly fee
  pool maximum 200%
  earn back after 2 consecutive months
}
service Desk "Help desk" {
  provider Vendor
  customer Client
  fee GBP 3,000.00 per month
  hours Office
}
metric Avail "Monthly Uptime" {
  service Web
  type availability
  measured by "HTTP probes every minute"
  indicator prometheus good "sum(rate(probe_success[$window]))" total "sum(rate(probe_total[$window]))"
  downtime "A minute in which the probes fail"
  downtime per 1 minute when error rate above 5%
}
metric Latency "API latency" {
  service Web
  type latency percentile 95
  measured by "Load balancer logs"
  measurer provider
  data source "Load balancer access logs"
  sample every 1 hour, method "the 95th percentile of the hour's requests"
  gaps "An hour without a sample counts as over the target"
}
objective Uptime "Availability" {
  metric Avail
  target at least 99.9% per calendar month
  exclude force majeure
  minimum at least 99.5%
  critical allocation 100%
}
objective Limits "Outage limits" {
  service Web
  max outage per incident 30 minutes
  max total outage 40 minutes per calendar month
  key measurement, promotion notice 60 days
}
objective Speed "API speed" {
  metric Latency
  target at most 300 milliseconds per calendar month
}
objective Sev1 "Severity 1" {
  service Desk
  severity 1 "Service down"
  response within 2 business hours during Office
  resolution within 1 business day during Office
  at least 90% of tickets per calendar month
}
remedy UptimeCredits "Uptime credits" {
  for Uptime
  credits are cumulative
  credit 10% of monthly fee when below 99.9%
  credit 25% of monthly fee when below 99%
  minimum credit GBP 1.00
  cap 50% of monthly fee per calendar month
  claim within 30 days
  sole remedy
}
remedy LimitCredits "Limit credits" {
  for Limits
  credit 5% of monthly fee for each breach
}
remedy Review "Corrective action" {
  for Limits
  action "Root cause analysis" within 5 business days
}
remedy Exit "Right to terminate" {
  for Uptime
  terminate when breached 1 times within 3 months
  notice 30 days
  exercise within 60 days
}
incentive Bonus "Performance bonus" {
  for Speed
  bonus 2% of monthly fee when below 200 milliseconds
  cap 2% of monthly fee per calendar month
}
incentive Orders "Order outcomes" {
  service Web
  outcome OrdersShipped "Orders shipped on time" per calendar month
  gain share 1% of monthly fee when at least 95%
  pain share 1% of monthly fee when below 80%
}
service Edge "Edge sites" {
  provider Vendor
  customer Client
  hours 24x7
}
metric EdgeUp "Site uptime" {
  service Edge
  type availability
}
objective SiteUptime "Site availability" {
  metric EdgeUp
  for each site
  target at least 99% per calendar month
}
reporting Reports "Service reporting" {
  report Uptime, Limits monthly within 5 business days
  review quarterly
}
clause Control "Change of control" {
  text """
    This Agreement survives a change of control of either party. An Incident is not a change of control.
  """
}
clause Claims "Claims procedure" {
  text "The Client claims a Service Credit by email to the Supplier."
  in credits
}
`;

const outage = (start: string, end: string, cause: string, extra: Record<string, unknown> = {}) => ({
  type: "outage",
  service: "Web",
  start,
  end,
  cause,
  ...extra,
});
const RECORDS = [
  outage("2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z", "unplanned"),
  // a bad minute of requests inside that outage: one more record of its incident, no more downtime
  { type: "requests", metric: "Avail", at: "2026-03-10T10:30:10Z", total: 10, failed: 10 },
  outage("2026-03-12T10:00:00Z", "2026-03-12T10:30:00Z", "customer"),
  outage("2026-03-14T02:00:00Z", "2026-03-14T03:00:00Z", "maintenance", { announced: "2026-03-01T00:00:00Z" }),
  outage("2026-03-16T02:00:00Z", "2026-03-16T02:10:00Z", "force majeure"),
  ...[120, 150, 180, 190, 110, 130, 170, 160, 140, 100].map((value, i) => ({
    type: "measurement",
    metric: "Latency",
    at: `2026-03-${String(i + 2).padStart(2, "0")}T12:00:00Z`,
    value,
  })),
  // opened Monday 09:00 in New York (13:00Z), answered within the hour, resolved the same day
  {
    type: "ticket",
    service: "Desk",
    severity: 1,
    opened: "2026-03-02T14:00:00Z",
    responded: "2026-03-02T15:00:00Z",
    resolved: "2026-03-02T20:00:00Z",
  },
  {
    type: "outage",
    service: "Edge",
    unit: "s-1",
    start: "2026-03-20T00:00:00Z",
    end: "2026-03-20T09:00:00Z",
    cause: "unplanned",
  },
];

type Check = {
  bundle: (b: RuleBundle) => unknown;
  /** What the contract says because of it, or what it must not say (a property kept out of the text). */
  markdown: RegExp | { absent: RegExp };
  /** Checked on the schedule-mode variant of the contract (SCHEDULE) instead of CONTRACT. */
  schedule?: true;
  /** What the engine reports because of this property, or why it has nothing to evaluate. */
  report: ((r: EvaluationReport) => unknown) | { descriptive: string };
};

const objective = (r: EvaluationReport, name: string): ObjectiveReport => r.objectives.find((o) => o.name === name)!;
const DESCRIPTIVE = (why: string) => ({ descriptive: why });

const DECLARATIONS: Record<string, Check> = {
  agreement: {
    bundle: (b) => b.agreement?.name === "Deal",
    markdown: /^# Coverage Agreement$/m,
    report: (r) => r.agreement?.name === "Deal",
  },
  party: {
    bundle: (b) => b.parties.length === 2,
    markdown: /Vendor Ltd/,
    report: DESCRIPTIVE("parties are named in the contract; the report names the agreement"),
  },
  calendar: {
    bundle: (b) => b.calendars[0]?.name === "Office",
    markdown: /"\*\*Office hours\*\*" means/,
    report: (r) => objective(r, "Sev1").counted.length === 1,
  },
  service: {
    bundle: (b) => b.services.length === 3,
    markdown: /Web platform/,
    report: (r) => objective(r, "Limits").service === "Web",
  },
  metric: {
    bundle: (b) => b.metrics.length === 3,
    markdown: /Monthly Uptime/,
    report: (r) => objective(r, "Uptime").metric === "Avail",
  },
  objective: {
    bundle: (b) => b.objectives.length === 5,
    markdown: /Availability/,
    report: (r) => r.objectives.length === 5,
  },
  remedy: {
    bundle: (b) => b.remedies.length === 4,
    markdown: /Uptime credits/,
    report: (r) => r.credits.some((c) => c.remedy === "UptimeCredits"),
  },
  incentive: {
    bundle: (b) => b.incentives.length === 2,
    markdown: /Performance bonus/,
    report: (r) => r.bonuses.some((x) => x.incentive === "Bonus"),
  },
  reporting: {
    bundle: (b) => b.reporting.length === 1,
    markdown: /Service reporting|Reporting and Reviews/,
    report: DESCRIPTIVE("reporting duties are obligations to report, not measurements"),
  },
  clause: {
    bundle: (b) => b.clauses[0]?.text.includes("change of control"),
    markdown: /survives a change of control/,
    report: DESCRIPTIVE("free text"),
  },
};

const PROPERTIES: Record<string, Check> = {
  version: {
    bundle: (b) => b.agreement?.version === "3.2",
    markdown: /Version 3\.2/,
    report: DESCRIPTIVE("a document version"),
  },
  effective: {
    bundle: (b) => b.agreement?.effective === "2026-01-01",
    markdown: /1 January 2026/,
    report: (r) => r.objectives.every((o) => o.status === "complete"),
  },
  term: {
    bundle: (b) => b.agreement?.term?.text === "12 months",
    markdown: /12 months/,
    report: DESCRIPTIVE("checked with a fixed term below: the term here renews"),
  },
  renewal: {
    bundle: (b) => b.agreement?.renewal?.automatic === true,
    markdown: /renew/i,
    report: DESCRIPTIVE("checked below: an automatic renewal keeps windows after the first term inside it"),
  },
  timezone: {
    bundle: (b) => b.agreement?.timezone === "Europe/London",
    markdown: /Europe\/London/,
    report: (r) => r.window.hours === "743" && r.agreement?.timezone === "Europe/London",
  },
  currency: {
    bundle: (b) => b.agreement?.currency === "GBP",
    markdown: /GBP/,
    report: (r) => r.totalCredit.currency === "GBP",
  },
  "governing law": {
    bundle: (b) => b.agreement?.governingLaw === "England and Wales",
    markdown: /England and Wales/,
    report: DESCRIPTIVE("a legal choice"),
  },
  "business calendar": {
    bundle: (b) => b.agreement?.businessCalendar === "Office",
    markdown: /Business Day/,
    report: (r) => r.actions[0]?.due !== null,
  },
  role: {
    bundle: (b) => b.parties[0].role === "provider",
    markdown: /\(the "\*\*Supplier\*\*"\)/,
    report: DESCRIPTIVE("who provides; the report is about the service"),
  },
  address: {
    bundle: (b) => b.parties[0].address === "1 High Street, London",
    markdown: /1 High Street, London/,
    report: DESCRIPTIVE("a postal address"),
  },
  contact: {
    bundle: (b) => b.parties[0].contact === "sla@vendor.example",
    markdown: /sla@vendor\.example/,
    report: DESCRIPTIVE("a contact"),
  },
  "working hours": {
    bundle: (b) => b.calendars[0].hours[0]?.from === "08:00",
    markdown: /08:00 to 18:00/,
    report: (r) => objective(r, "Sev1").counted[0]?.kind === "ticket",
  },
  holidays: {
    bundle: (b) => b.calendars[0].holidays[0] === "2026-04-06",
    markdown: /6 April 2026/,
    report: DESCRIPTIVE("checked below: a holiday in April moves a deadline"),
  },
  provider: {
    bundle: (b) => b.services[0].provider === "Vendor",
    markdown: /the Supplier/,
    report: DESCRIPTIVE("who provides the service"),
  },
  customer: {
    bundle: (b) => b.services[0].customer === "Client",
    markdown: /shall provide \*\*Web platform\*\* to Globex/,
    report: DESCRIPTIVE("who receives the service"),
  },
  fee: {
    bundle: (b) => b.services[0].fee?.amount === "12000.00",
    markdown: /GBP 12,000\.00/,
    report: (r) => r.credits.find((c) => c.remedy === "UptimeCredits")?.amount === "1200.00",
  },
  hours: {
    bundle: (b) => b.services[1].hours.kind === "calendar",
    markdown: /during Office hours/,
    report: (r) => objective(r, "Uptime").scheduled?.hours === "743",
  },
  exclude: {
    bundle: (b) => b.objectives[0].exclusions.length === 3,
    markdown: /Force Majeure Event/,
    report: (r) => objective(r, "Uptime").excluded.length === 3,
  },
  notice: {
    bundle: (b) => b.services[0].exclusions[0].notice?.text === "5 days" && b.remedies[3].notice?.text === "30 days",
    markdown: /5 days/,
    report: (r) =>
      objective(r, "Uptime").excluded.some((e) => e.kind === "outage" && e.cause === "maintenance") &&
      r.terminationRights[0]?.notice === "30 days",
  },
  allowance: {
    bundle: (b) => b.services[0].exclusions[0].allowance?.duration.text === "4 hours",
    markdown: /4 hours/,
    report: (r) => objective(r, "Uptime").excluded.some((e) => e.kind === "outage" && e.cause === "maintenance"),
  },
  service: {
    bundle: (b) => b.metrics[0].service === "Web" && b.objectives[1].service === "Web",
    markdown: /Web platform/,
    report: (r) => objective(r, "Limits").service === "Web",
  },
  type: {
    bundle: (b) => b.metrics[1].type === "latency" && b.metrics[1].percentile === "95",
    markdown: /95th percentile/,
    report: (r) => objective(r, "Speed").measurements?.percentile === "95",
  },
  "measured by": {
    bundle: (b) => b.metrics[0].measuredBy !== null,
    markdown: /HTTP probes every minute/,
    report: DESCRIPTIVE("how data is gathered, before it reaches the engine"),
  },
  downtime: {
    bundle: (b) => b.metrics[0].downtimeDefinition !== null,
    markdown: /probes fail/,
    report: DESCRIPTIVE("what the monitoring counts as down, before it reaches the engine"),
  },
  "downtime slice": {
    bundle: (b) => b.metrics[0].downtimeSlice?.threshold === "5",
    markdown: /Each period of 1 minute in which the error rate of the requests to .* is above 5% is Downtime in full/,
    report: (r) =>
      objective(r, "Uptime").counted.some(
        (c) => c.kind === "incident" && c.records.some((x) => x.start === "2026-03-10T10:30:00Z"),
      ),
  },
  metric: {
    bundle: (b) => b.objectives[0].metric === "Avail",
    markdown: /Monthly Uptime/,
    report: (r) => objective(r, "Uptime").kind === "availability",
  },
  target: {
    bundle: (b) => b.objectives[0].target?.value.value === "99.9",
    markdown: /at least 99\.9%/,
    report: (r) => objective(r, "Uptime").met === false && objective(r, "Uptime").budget?.seconds === "2674.8",
  },
  "max outage per incident": {
    bundle: (b) => b.objectives[1].maxOutagePerIncident !== null,
    markdown: /longer than 30 minutes/,
    report: (r) => objective(r, "Limits").breachDetails.some((x) => x.kind === "per incident"),
  },
  "max total outage": {
    bundle: (b) => b.objectives[1].maxTotalOutage !== null,
    markdown: /at most 40 minutes/,
    report: (r) => objective(r, "Limits").breachDetails.some((x) => x.kind === "total outage"),
  },
  severity: {
    bundle: (b) => b.objectives[3].support?.severity === 1,
    markdown: /Service down/,
    report: (r) => objective(r, "Sev1").tickets?.severity === 1,
  },
  response: {
    bundle: (b) => b.objectives[3].support?.response?.within.text === "2 business hours",
    markdown: /2 Business Hours/,
    report: (r) => {
      const t = objective(r, "Sev1").counted[0];
      return t.kind === "ticket" && t.response?.met === true;
    },
  },
  resolution: {
    bundle: (b) => b.objectives[3].support?.resolution?.within.text === "1 business day",
    markdown: /1 Business Day/,
    report: (r) => {
      const t = objective(r, "Sev1").counted[0];
      return t.kind === "ticket" && t.resolution?.met === true;
    },
  },
  tickets: {
    bundle: (b) => b.objectives[3].support?.share?.percent === "90",
    markdown: /at least 90% of tickets/,
    report: (r) => objective(r, "Sev1").value === "100",
  },
  "for each": {
    bundle: (b) => b.objectives[4].forEach === "site",
    markdown: /\| at least 99%, for each site \|/,
    report: (r) =>
      objective(r, "SiteUptime").perUnit?.[0]?.unitName === "s-1" && objective(r, "SiteUptime").met === false,
  },
  for: {
    bundle: (b) => b.remedies[0].objective === "Uptime",
    markdown: /service level "Availability"/,
    report: (r) => r.credits.some((c) => c.objective === "Uptime"),
  },
  credit: {
    bundle: (b) => b.remedies[0].credits.length === 2,
    markdown: /10%/,
    report: (r) => r.credits.find((c) => c.remedy === "LimitCredits")?.percent === "10",
  },
  "cap all credits": {
    bundle: (b) => b.services[0].creditCap?.percent === "50",
    markdown: /All Service Credits for Web platform, under every clause together, shall not exceed 50%/,
    report: (r) => r.credits.find((c) => c.remedy === "UptimeCredits")?.serviceCap?.percent === "50",
  },
  "credits cumulative": {
    bundle: (b) => b.remedies[0].cumulative === true,
    markdown: /are cumulative: every one that applies is given/,
    report: (r) => r.credits.find((c) => c.remedy === "UptimeCredits")?.tiers?.length === 1,
  },
  "minimum credit": {
    bundle: (b) => b.remedies[0].minimumCredit?.amount === "1.00",
    markdown: /comes to less than GBP 1\.00 after that limit is not given/,
    report: (r) => r.credits.find((c) => c.remedy === "UptimeCredits")?.minimumCredit === "1.00",
  },
  cap: {
    bundle: (b) => b.remedies[0].cap?.percent === "50" && b.incentives[0].cap?.percent === "2",
    markdown: /shall not exceed 50%/,
    report: (r) => r.credits.find((c) => c.remedy === "UptimeCredits")?.cap?.percent === "50",
  },
  claim: {
    bundle: (b) => b.remedies[0].claimWithin?.text === "30 days",
    markdown: /30 days/,
    report: (r) => r.claimDeadline !== null,
  },
  "sole remedy": {
    bundle: (b) => b.remedies[0].soleRemedy,
    markdown: /sole and exclusive remedy|sole remedy/i,
    report: (r) => r.credits.find((c) => c.remedy === "UptimeCredits")?.soleRemedy === true,
  },
  action: {
    bundle: (b) => b.remedies[2].actions[0]?.description === "Root cause analysis",
    markdown: /Root cause analysis/,
    report: (r) => r.actions.some((a) => a.description === "Root cause analysis"),
  },
  terminate: {
    bundle: (b) => b.remedies[3].termination?.breaches === 1,
    markdown: /terminate/i,
    report: (r) => r.terminationRights[0]?.exercisable === true,
  },
  exercise: {
    bundle: (b) => b.remedies[3].exerciseWithin?.text === "60 days",
    markdown: /exercised within 60 days/,
    report: (r) => r.terminationRights[0]?.exerciseBy !== undefined,
  },
  bonus: {
    bundle: (b) => b.incentives[0].bonuses.length === 1,
    markdown: /bonus of 2%/,
    report: (r) => r.bonuses[0]?.percent === "2",
  },
  report: {
    bundle: (b) => b.reporting[0].reports[0].objectives.length === 2,
    markdown: /monthly/,
    report: DESCRIPTIVE("a duty to report"),
  },
  review: {
    bundle: (b) => b.reporting[0].review === "quarterly",
    markdown: /quarterly/i,
    report: DESCRIPTIVE("a duty to meet"),
  },
  text: { bundle: (b) => b.clauses[0].text !== "", markdown: /change of control/, report: DESCRIPTIVE("free text") },
  placement: {
    bundle: (b) => b.clauses[1]?.placement === "credits",
    // inside the Service Credits section, before the section that follows it
    markdown: /## \d+\. Service Credits[\s\S]*\*\*Claims procedure\.\*\* The Client claims[\s\S]*## \d+\. Corrective/,
    report: DESCRIPTIVE("where a clause of text stands"),
  },
  define: {
    bundle: (b) => b.agreement?.definitions?.[0]?.term === "Incident",
    markdown: /"\*\*Incident\*\*" means an unplanned interruption of a service/,
    report: DESCRIPTIVE("a defined term of the text"),
  },
  called: {
    bundle: (b) => b.parties[0].label === "Supplier",
    markdown: /the Supplier/,
    report: DESCRIPTIVE("what the text calls a party"),
  },
  "known as": {
    bundle: (b) => b.parties[1].label === "Globex" && b.parties[1].labelIsName === true,
    markdown: /Globex shall pay the Supplier/,
    report: DESCRIPTIVE("what the text calls a party"),
  },
  "change of control": {
    bundle: (b) => b.agreement?.changeOfControl?.right === "terminate or renegotiate",
    markdown: /If either Party undergoes a Change of Control/,
    report: (r) => Array.isArray(r.changeOfControl),
  },
  "at risk": {
    bundle: (b) => b.services[0].feesAtRisk?.percent === "10",
    markdown: /\| 10% of the Monthly Fee \| GBP 1,200\.00 \|/,
    report: (r) => r.feesAtRisk?.[0].atRisk.amount === "1200.00",
  },
  "pool maximum": {
    bundle: (b) => b.services[0].feesAtRisk?.poolMaximum === "200",
    markdown: /\| 200% \| 100% \|/,
    report: (r) => r.feesAtRisk?.[0].poolMaximum === "200",
  },
  "earn back": {
    bundle: (b) => b.services[0].feesAtRisk?.earnBackWindows === 2,
    markdown: /each of the 2 consecutive calendar months that follow/,
    report: (r) => r.feesAtRisk?.[0].earnedBack !== undefined,
  },
  critical: {
    bundle: (b) => b.objectives[0].critical?.allocation === "100",
    markdown: /\| Availability \| at least 99\.9% \| at least 99\.5% \| 100% \|/,
    report: (r) => r.feesAtRisk?.[0].criticalLevels.some((l) => l.objective === "Uptime"),
  },
  minimum: {
    bundle: (b) => b.objectives[0].minimum?.value.value === "99.5",
    markdown: /Minimum Service Level/,
    report: (r) => r.feesAtRisk?.[0].criticalLevels.find((l) => l.objective === "Uptime")?.minimum === "at least 99.5%",
  },
  "key measurement": {
    bundle: (b) => b.objectives[1].keyMeasurement?.promotionNotice?.text === "60 days",
    markdown: /\| Outage limits \| .* \| on 60 days' notice from Globex \|/,
    report: (r) => r.feesAtRisk?.[0].keyMeasurements.some((l) => l.objective === "Limits"),
  },
  measurer: {
    bundle: (b) => b.metrics[1].measurementPlan?.measurer === "provider",
    markdown: /\| API latency \| the Supplier \|/,
    report: (r) => r.measurementPlans?.[0].metric === "Latency",
  },
  "data source": {
    bundle: (b) => b.metrics[1].measurementPlan?.dataSource === "Load balancer access logs",
    markdown: /Load balancer access logs/,
    report: DESCRIPTIVE("where the samples come from, named in the Measurement Plan"),
  },
  sample: {
    bundle: (b) => b.metrics[1].measurementPlan?.interval?.seconds === "3600",
    markdown: /every 1 hour/,
    // March in London has 743 hours (the clocks go forward on the 29th)
    report: (r) => r.measurementPlans?.[0].expectedSamples === 743,
  },
  gaps: {
    bundle: (b) => b.metrics[1].measurementPlan?.gaps?.startsWith("An hour"),
    markdown: /An hour without a sample counts as over the target/,
    report: (r) => r.measurementPlans?.[0].treatment?.startsWith("An hour"),
  },
  outcome: {
    bundle: (b) => b.incentives[1].outcome?.name === "OrdersShipped",
    markdown: /The outcome "Orders shipped on time" is measured in each calendar month/,
    report: (r) => r.outcomePay?.[0].outcome === "OrdersShipped",
  },
  "gain share": {
    bundle: (b) => b.incentives[1].outcome?.gainShare[0].percent === "1",
    markdown: /\| at least 95% \| 1% of the Monthly Fee \| — \|/,
    report: (r) => r.outcomePay?.[0].gainShare === null,
  },
  "pain share": {
    bundle: (b) => b.incentives[1].outcome?.painShare[0].percent === "1",
    markdown: /\| below 80% \| — \| 1% of the Monthly Fee \|/,
    report: (r) => r.outcomePay?.[0].painShare === null,
  },
  indicator: {
    bundle: (b) => b.metrics[0].indicator?.kind === "good-total",
    markdown: { absent: /probe_success/ },
    report: DESCRIPTIVE("where monitoring reads the metric: sla export uses it, evaluation reads observed records"),
  },
  schedule: {
    schedule: true,
    bundle: (b) => b.agreement?.schedule?.number === "3",
    markdown: /Schedule 3 to the Master Services Agreement dated 15 January 2026/,
    report: DESCRIPTIVE("how the document is framed"),
  },
  "master terms": {
    schedule: true,
    bundle: (b) => b.agreement?.schedule?.masterTerms[0] === "Charges",
    markdown: /Charges\*\*" has the meaning given in the Master Agreement/,
    report: DESCRIPTIVE("terms defined by the master agreement"),
  },
};

/** The same contract as a schedule to a master agreement. */
const SCHEDULE = CONTRACT.replace(
  "  business calendar Office\n",
  '  business calendar Office\n  schedule 3 to "Master Services Agreement" dated 2026-01-15\n  master terms "Charges"\n',
);

describe("every declaration and property kind reaches the bundle, the contract and the report", () => {
  const built = build(CONTRACT);
  const schedule = build(SCHEDULE);
  const reports = run(built.bundle, RECORDS, { from: "2026-03" });

  it("covers every kind the language defines", () => {
    expect(PROPERTY_KINDS.length).toBeGreaterThan(40);
    expect([...new Set(PROPERTY_KINDS)].filter((k) => !(k in PROPERTIES))).toEqual([]);
    expect(DECLARATION_KINDS.filter((k) => !(k in DECLARATIONS))).toEqual([]);
  });

  it("checks clean", () => {
    expect(built.diagnostics.filter((d) => !d.startsWith("info"))).toEqual([]);
    expect(schedule.diagnostics.filter((d) => !d.startsWith("info"))).toEqual([]);
  });

  it.each(
    Object.entries({
      ...DECLARATIONS,
      ...Object.fromEntries(Object.entries(PROPERTIES).map(([k, v]) => [`property ${k}`, v])),
    }),
  )("%s", async (_, check) => {
    const { bundle, markdown } = check.schedule ? schedule : built;
    expect(check.bundle(bundle)).toBeTruthy();
    if (check.markdown instanceof RegExp) expect(markdown).toMatch(check.markdown);
    else expect(markdown).not.toMatch(check.markdown.absent);
    const [report] = await reports;
    if (typeof check.report === "function") expect(check.report(report)).toBeTruthy();
    else expect(check.report.descriptive.length).toBeGreaterThan(0);
  });

  it("no objective of a clean contract is one the engine cannot evaluate", async () => {
    const [report] = await reports;
    expect(report.objectives.filter((o) => o.kind === "none")).toEqual([]);
  });

  it("term, renewal and holidays reach the engine", async () => {
    const fixed = build(CONTRACT.replace("  renewal automatic 12 months, notice 90 days\n", ""));
    const [after] = await run(fixed.bundle, RECORDS, { from: "2027-02" });
    expect(after.objectives.every((o) => o.status === "outside term")).toBe(true);
    const [renewed] = await run(built.bundle, RECORDS, { from: "2027-02" });
    expect(renewed.objectives.every((o) => o.status === "complete")).toBe(true);
    // Friday 2026-04-03 10:00 New York + 1 business day: Tuesday 2026-04-07, as Monday the 6th is a holiday
    const ticket = {
      type: "ticket",
      service: "Desk",
      severity: 1,
      opened: "2026-04-03T14:00:00Z",
      responded: "2026-04-03T14:30:00Z",
      resolved: "2026-04-07T13:00:00Z",
    };
    const [april] = await run(built.bundle, [ticket], { from: "2026-04" });
    const t = objective(april, "Sev1").counted[0];
    expect(t.kind === "ticket" && t.resolution?.deadline).toBe("2026-04-07T14:00:00Z");
  });
});

describe("every defined term the contract uses is defined", () => {
  const TERMS = [
    "Annual Fee",
    "Business Day",
    "Business Hour",
    "Customer-Caused Outage",
    "Downtime",
    "Force Majeure Event",
    "Measurement Period",
    "Monthly Fee",
    "Quarterly Fee",
    "Scheduled Maintenance",
    "Scheduled Time",
    "Service Credit",
    "Service Hours",
  ];
  const read = (path: string) =>
    readFileSync(fileURLToPath(new URL(`../../examples/${path}`, import.meta.url)), "utf8");
  // the examples import examples/common/*.sla; the pipeline's root is file:///contract/test.sla
  const common = Object.fromEntries(
    readdirSync(fileURLToPath(new URL("../../examples/common/", import.meta.url)))
      .filter((f) => f.endsWith(".sla"))
      .map((f) => [`file:///contract/common/${f}`, read(`common/${f}`)]),
  );
  const examples = ["cloud-hosting", "it-outsourcing", "service-desk"].map((name) => [name, read(`${name}.sla`)]);
  const variants: [string, string][] = [
    ["coverage contract", CONTRACT],
    ["quarterly fee only", CONTRACT.replaceAll("of monthly fee", "of quarterly fee")],
    ["annual fee only", CONTRACT.replaceAll("of monthly fee", "of annual fee")],
  ];

  it.each([...variants, ...examples])("%s", (_, text) => {
    const { markdown } = build(text, common);
    const undefinedTerms = TERMS.filter(
      (term) => new RegExp(`\\b${term}s?\\b`).test(markdown) && !markdown.includes(`"**${term}**"`),
    );
    expect(undefinedTerms).toEqual([]);
  });
});
