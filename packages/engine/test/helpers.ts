import type {
  BundleCalendar,
  BundleDuration,
  BundleExclusion,
  BundleIncentive,
  BundleObjective,
  BundleRemedy,
  BundleService,
  BundleWindow,
  Comparator,
  RuleBundle,
  WindowPeriod,
} from "../src/bundle.ts";
import { type EvaluateOptions, type EvaluationReport, evaluate, ndjsonEvents } from "../src/index.ts";

const at = { file: "test.sla", line: 1, column: 1 };

const UNIT_SECONDS: Record<string, number> = {
  millisecond: 0.001,
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
  week: 604800,
};

/** `"30 minutes"`, `"2 business hours"`, `"6 months"` as the compiler writes them. */
export function dur(text: string): BundleDuration {
  const m = /^(\d+(?:\.\d+)?) (business day|business hour|millisecond|second|minute|hour|day|week|month|year)s?$/.exec(
    text,
  );
  if (!m) throw new Error(`bad duration ${text}`);
  const unit = m[2] as BundleDuration["unit"];
  const d: BundleDuration = { text, amount: m[1], unit };
  if (UNIT_SECONDS[unit] !== undefined) d.seconds = String(Number(m[1]) * UNIT_SECONDS[unit]);
  return d;
}

export function win(period: WindowPeriod = "calendar month", days?: number): BundleWindow {
  return {
    period,
    ...(days ? { days } : {}),
    text: period === "rolling" ? `per rolling ${days} days` : `per ${period}`,
  };
}

export function maintenance(
  notice: string | null,
  allowance: string | null,
  window: WindowPeriod = "calendar month",
): BundleExclusion {
  return {
    cause: "maintenance",
    notice: notice === null ? null : dur(notice),
    allowance: allowance === null ? null : { duration: dur(allowance), window: win(window) },
    source: at,
  };
}

export const customer: BundleExclusion = { cause: "customer", notice: null, allowance: null, source: at };
export const forceMajeure: BundleExclusion = { cause: "force majeure", notice: null, allowance: null, source: at };

export function calendar(
  name: string,
  timezone: string,
  from = "08:00",
  to = "18:00",
  holidays: string[] = [],
): BundleCalendar {
  return {
    name,
    title: null,
    timezone,
    hours: [{ days: ["monday", "tuesday", "wednesday", "thursday", "friday"], from, to }],
    holidays,
    source: at,
  };
}

function objective(name: string, o: Partial<BundleObjective>): BundleObjective {
  return {
    name,
    title: null,
    service: "Svc",
    metric: null,
    metricType: null,
    window: win(),
    target: null,
    budgets: [],
    maxOutagePerIncident: null,
    maxTotalOutage: null,
    support: null,
    exclusions: [],
    source: at,
    ...o,
  };
}

export function availability(name: string, percent: string, o: Partial<BundleObjective> = {}): BundleObjective {
  return objective(name, {
    metric: "Avail",
    metricType: "availability",
    target: { comparator: "at least", value: { kind: "percentage", value: percent, text: `${percent}%` }, source: at },
    ...o,
  });
}

export function limits(
  name: string,
  perIncident: string | null,
  total: string | null,
  o: Partial<BundleObjective> = {},
): BundleObjective {
  return objective(name, {
    maxOutagePerIncident: perIncident ? { duration: dur(perIncident), source: at } : null,
    maxTotalOutage: total ? { duration: dur(total), window: win(), source: at } : null,
    ...o,
  });
}

export function latency(name: string, targetMs: string, o: Partial<BundleObjective> = {}): BundleObjective {
  return objective(name, {
    metric: "Latency",
    metricType: "latency",
    target: {
      comparator: "at most",
      value: { kind: "duration", value: targetMs, text: `${targetMs} milliseconds` },
      source: at,
    },
    ...o,
  });
}

export function support(
  name: string,
  severity: number,
  response: [string, string | null] | null,
  resolution: [string, string | null] | null,
  percent = "90",
  o: Partial<BundleObjective> = {},
): BundleObjective {
  const during = (cal: string | null) =>
    cal === null ? { kind: "24x7" as const } : { kind: "calendar" as const, calendar: cal };
  return objective(name, {
    support: {
      severity,
      description: null,
      response: response ? { within: dur(response[0]), during: during(response[1]) } : null,
      resolution: resolution ? { within: dur(resolution[0]), during: during(resolution[1]) } : null,
      share: { comparator: "at least", percent, window: win() },
      source: at,
    },
    ...o,
  });
}

type Tier = { percent: string; comparator?: Comparator; value?: string } | { percent: string; eachBreach: true };

export function remedy(
  name: string,
  objectiveName: string,
  tiers: Tier[],
  o: Partial<BundleRemedy> & { capPercent?: string } = {},
): BundleRemedy {
  const { capPercent, ...rest } = o;
  return {
    name,
    title: null,
    objective: objectiveName,
    credits: tiers.map((t) => ({
      percent: t.percent,
      basis: "monthly fee",
      condition:
        "eachBreach" in t
          ? { kind: "each breach" }
          : {
              kind: "threshold",
              comparator: t.comparator ?? "below",
              value: { kind: "percentage", value: t.value ?? "0", text: `${t.value}%` },
            },
      source: { ...at, line: 10 },
    })),
    cap: capPercent ? { percent: capPercent, basis: "monthly fee", window: win(), source: at } : null,
    claimWithin: null,
    soleRemedy: false,
    actions: [],
    termination: null,
    notice: null,
    source: at,
    ...rest,
  };
}

export function bonus(
  name: string,
  objectiveName: string,
  percent: string,
  above: string,
  consecutive: number,
): BundleIncentive {
  return {
    name,
    title: null,
    objective: objectiveName,
    bonuses: [
      {
        percent,
        basis: "monthly fee",
        comparator: "above",
        value: { kind: "percentage", value: above, text: `${above}%` },
        consecutiveWindows: consecutive,
        source: at,
      },
    ],
    cap: null,
    source: at,
  };
}

export interface BundleOptions {
  timezone?: string;
  currency?: string;
  fee?: string;
  effective?: string | null;
  hours?: BundleService["hours"];
  calendars?: BundleCalendar[];
  businessCalendar?: string | null;
  objectives: BundleObjective[];
  remedies?: BundleRemedy[];
  incentives?: BundleIncentive[];
  percentile?: string | null;
  title?: string;
}

/** A complete bundle around one service `Svc`, its metrics `Avail` and `Latency`, and the given rules. */
export function bundle(b: BundleOptions): RuleBundle {
  const currency = b.currency ?? "GBP";
  const fee = b.fee ?? "1000.00";
  return {
    $schema: "urn:sla-rules:1",
    format: "sla-rules/1",
    agreement: {
      name: "Test",
      title: b.title ?? "Test agreement",
      version: null,
      effective: b.effective === undefined ? null : b.effective,
      term: null,
      renewal: null,
      timezone: b.timezone ?? "UTC",
      currency,
      governingLaw: null,
      businessCalendar: b.businessCalendar ?? null,
      source: at,
    },
    parties: [],
    calendars: b.calendars ?? [],
    services: [
      {
        name: "Svc",
        title: null,
        provider: null,
        customer: null,
        fee: { amount: fee, currency, period: "month" },
        monthlyFee: { amount: fee, currency },
        hours: b.hours ?? { kind: "24x7" },
        exclusions: [],
        source: at,
      },
    ],
    metrics: [
      {
        name: "Avail",
        title: null,
        service: "Svc",
        type: "availability",
        percentile: null,
        unit: "percent",
        measuredBy: null,
        downtimeDefinition: null,
        source: at,
      },
      {
        name: "Latency",
        title: null,
        service: "Svc",
        type: "latency",
        percentile: b.percentile === undefined ? "95" : b.percentile,
        unit: "millisecond",
        measuredBy: null,
        downtimeDefinition: null,
        source: at,
      },
    ],
    objectives: b.objectives,
    remedies: b.remedies ?? [],
    incentives: b.incentives ?? [],
    reporting: [],
    clauses: [],
  };
}

export function outage(start: string, end: string, cause = "unplanned", announced?: string, service = "Svc"): string {
  return JSON.stringify({ type: "outage", service, start, end, cause, ...(announced ? { announced } : {}) });
}

export function ticket(severity: number, opened: string, responded: string | null, resolved: string | null): string {
  return JSON.stringify({ type: "ticket", service: "Svc", severity, opened, responded, resolved });
}

export function measurement(at: string, value: number, metric = "Latency"): string {
  return JSON.stringify({ type: "measurement", metric, at, value });
}

export async function run(
  b: RuleBundle,
  lines: string[],
  from: string,
  o: Omit<EvaluateOptions, "from"> = {},
): Promise<EvaluationReport[]> {
  return evaluate(b, ndjsonEvents(lines), { from, ...o });
}

export async function one(b: RuleBundle, lines: string[], period: string): Promise<EvaluationReport> {
  const [r] = await run(b, lines, period);
  return r;
}

export function objectiveOf(r: EvaluationReport, name: string) {
  const o = r.objectives.find((x) => x.name === name);
  if (!o) throw new Error(`no objective ${name}`);
  return o;
}
