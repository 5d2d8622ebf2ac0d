import { type TimeReader, timeReader } from "./readers/local-time.ts";

export type OutageCause = "unplanned" | "maintenance" | "customer" | "force majeure";
const CAUSES: ReadonlySet<string> = new Set<OutageCause>(["unplanned", "maintenance", "customer", "force majeure"]);

/** Times are epoch milliseconds; `line` is where the record came from (1-based). */
export interface OutageRecord {
  type: "outage";
  line: number;
  /** The unit (an instance, account, region…) the record is about, for objectives held `for each` one. */
  unit?: string;
  service: string;
  start: number;
  end: number;
  cause: OutageCause;
  /** Maintenance only; null when the data names no announcement. */
  announced: number | null;
}

export interface TicketRecord {
  type: "ticket";
  line: number;
  /** The unit (an instance, account, region…) the record is about, for objectives held `for each` one. */
  unit?: string;
  service: string;
  severity: number;
  opened: number;
  /** Null while the ticket has no response (or resolution) yet. */
  responded: number | null;
  resolved: number | null;
  /** When the provider acknowledged the ticket, if the data says (a resolution clock may start there). */
  acknowledged?: number | null;
}

export interface MeasurementRecord {
  type: "measurement";
  line: number;
  /** The unit (an instance, account, region…) the record is about, for objectives held `for each` one. */
  unit?: string;
  metric: string;
  at: number;
  /** In the metric's unit. Kept as a double: exact for the up to 15 significant digits a probe reports. */
  value: number;
}

/** A party was acquired or merged (`change of control`): what the agreement's provision is evaluated from. */
export interface ChangeOfControlRecord {
  type: "change of control";
  line: number;
  /** The party that underwent it, as the contract names it. */
  party: string;
  /** When it took effect. */
  at: number;
  /** When the party gave notice of it; null when the data records none. */
  notified: number | null;
}

/** One business event of an outcome (a claim processed, an order shipped) and whether it met the outcome. */
export interface OutcomeRecord {
  type: "outcome";
  line: number;
  /** The outcome's name, as an incentive's `outcome` gives it. */
  outcome: string;
  at: number;
  met: boolean;
}

/**
 * What was charged for a service in a calendar period (`fee as charged per month`): the period is
 * given as `period` (`2026-03`, `2026-Q1` or `2026`, as the fee's period is), or as an instant `at`
 * within it, read in the agreement's zone.
 */
export interface ChargeRecord {
  type: "charge";
  line: number;
  /** The unit (an instance, account, region…) the record is about, for objectives held `for each` one. */
  unit?: string;
  service: string;
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`, or null when the record gives `at` instead. */
  period: string | null;
  at: number | null;
  /** Exact decimal text. */
  amount: string;
  currency: string;
}

/**
 * Requests to a metric's service at an instant (one request, or a batch: the requests of an
 * interval from a log or a load balancer's counters, given at the interval's start): how many
 * there were and how many failed. Whole numbers; the engine adds them up exactly.
 */
export interface RequestsRecord {
  type: "requests";
  line: number;
  metric: string;
  at: number;
  total: number;
  failed: number;
}

export type EventRecord =
  | OutageRecord
  | RequestsRecord
  | TicketRecord
  | MeasurementRecord
  | ChangeOfControlRecord
  | OutcomeRecord
  | ChargeRecord;

/** A line that could not be turned into a record. */
export interface InvalidLine {
  type: "invalid";
  line: number;
  field: string | null;
  reason: string;
}

export type EventItem = EventRecord | InvalidLine;

// Keys that could reach an object's prototype if a record were ever copied by key; a data producer
// has no reason to send them, so a record carrying one is rejected rather than silently trimmed.
const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"] as const;

function invalid(line: number, field: string | null, reason: string): InvalidLine {
  return { type: "invalid", line, field, reason };
}

/** Reads one own property; null when absent, null or empty text. */
function get(raw: object, key: string): unknown {
  if (!Object.hasOwn(raw, key)) return null;
  const v = (raw as Record<string, unknown>)[key];
  return v === "" ? null : v;
}

const RFC3339_ONLY = timeReader();

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+$/;

/**
 * Validates a record given as a JSON object or as CSV cells (all text). Each check names the field
 * so a person can fix the line. `readTime` reads time fields (RFC 3339 only by default; the readers
 * pass one that knows the agreement's zone for local times).
 */
export function toEventItem(raw: unknown, line: number, readTime: TimeReader = RFC3339_ONLY): EventItem {
  const item = recordOf(raw, line, readTime);
  return item.type === "invalid" ? item : withUnit(raw as object, item);
}

const UNIT_TYPES: ReadonlySet<string> = new Set(["outage", "ticket", "measurement", "charge"]);

/** The record with its `unit`, when it gives one: text, up to 200 characters. */
function withUnit(raw: object, item: EventRecord): EventItem {
  const unit = get(raw, "unit");
  if (unit === null || !UNIT_TYPES.has(item.type)) return item;
  if (typeof unit !== "string") return invalid(item.line, "unit", "must be text");
  if (unit.length > 200) return invalid(item.line, "unit", `${clip(unit)} is longer than 200 characters`);
  (item as { unit?: string }).unit = unit;
  return item;
}

function recordOf(raw: unknown, line: number, readTime: TimeReader): EventItem {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return invalid(line, null, "not a JSON object");
  for (const key of FORBIDDEN_KEYS)
    if (Object.hasOwn(raw, key)) return invalid(line, key, "key not allowed in a record");
  const type = get(raw, "type");
  const text = (field: string): string | InvalidLine => {
    const v = get(raw, field);
    if (v === null) return invalid(line, field, "missing");
    if (typeof v !== "string") return invalid(line, field, "must be text");
    return v;
  };
  const time = (field: string, required: boolean): number | null | InvalidLine => {
    const v = get(raw, field);
    if (v === null) return required ? invalid(line, field, "missing") : null;
    if (typeof v !== "string") return invalid(line, field, "must be an RFC 3339 date-time string");
    const t = readTime(v);
    return typeof t === "number" ? t : invalid(line, field, t.reason);
  };
  switch (type) {
    case "outage": {
      const service = text("service");
      if (typeof service !== "string") return service;
      const start = time("start", true);
      if (start === null || typeof start === "object") return start as InvalidLine;
      const end = time("end", true);
      if (end === null || typeof end === "object") return end as InvalidLine;
      if (end < start) return invalid(line, "end", "end is before start");
      const cause = get(raw, "cause");
      if (cause === null) return invalid(line, "cause", "missing");
      if (typeof cause !== "string" || !CAUSES.has(cause)) {
        return invalid(
          line,
          "cause",
          `unknown cause ${JSON.stringify(clip(String(cause)))} (expected unplanned, maintenance, customer or force majeure)`,
        );
      }
      const announced = cause === "maintenance" ? time("announced", false) : null;
      if (announced !== null && typeof announced === "object") return announced;
      return { type: "outage", line, service, start, end, cause: cause as OutageCause, announced };
    }
    case "ticket": {
      const service = text("service");
      if (typeof service !== "string") return service;
      const sev = get(raw, "severity");
      let severity: number;
      if (typeof sev === "number" && Number.isInteger(sev)) severity = sev;
      else if (typeof sev === "string" && INTEGER.test(sev)) severity = Number(sev);
      else return invalid(line, "severity", sev === null ? "missing" : "must be a whole number");
      if (!Number.isSafeInteger(severity)) return invalid(line, "severity", `${clip(String(sev))} is too large`);
      const opened = time("opened", true);
      if (opened === null || typeof opened === "object") return opened as InvalidLine;
      const responded = time("responded", false);
      if (responded !== null && typeof responded === "object") return responded;
      if (responded !== null && responded < opened) return invalid(line, "responded", "responded is before opened");
      const resolved = time("resolved", false);
      if (resolved !== null && typeof resolved === "object") return resolved;
      if (resolved !== null && resolved < opened) return invalid(line, "resolved", "resolved is before opened");
      const acknowledged = time("acknowledged", false);
      if (acknowledged !== null && typeof acknowledged === "object") return acknowledged;
      if (acknowledged !== null && acknowledged < opened)
        return invalid(line, "acknowledged", "acknowledged is before opened");
      if (acknowledged === null) return { type: "ticket", line, service, severity, opened, responded, resolved };
      return { type: "ticket", line, service, severity, opened, responded, resolved, acknowledged };
    }
    case "measurement": {
      const metric = text("metric");
      if (typeof metric !== "string") return metric;
      const at = time("at", true);
      if (at === null || typeof at === "object") return at as InvalidLine;
      const v = get(raw, "value");
      const value =
        typeof v === "number" ? v : typeof v === "string" && NUMBER.test(v.trim()) ? Number(v.trim()) : null;
      if (value === null) return invalid(line, "value", v === null ? "missing" : "must be a number");
      // `1e400`, as text or as a JSON number, is beyond a double: it would count as Infinity.
      if (!Number.isFinite(value))
        return invalid(line, "value", `${clip(typeof v === "string" ? v.trim() : String(v))} is not a finite number`);
      return { type: "measurement", line, metric, at, value };
    }
    case "change of control": {
      const party = text("party");
      if (typeof party !== "string") return party;
      const at = time("at", true);
      if (at === null || typeof at === "object") return at as InvalidLine;
      const notified = time("notified", false);
      if (notified !== null && typeof notified === "object") return notified;
      if (notified !== null && notified < at) return invalid(line, "notified", "notified is before at");
      return { type: "change of control", line, party, at, notified };
    }
    case "outcome": {
      const outcome = text("outcome");
      if (typeof outcome !== "string") return outcome;
      const at = time("at", true);
      if (at === null || typeof at === "object") return at as InvalidLine;
      const m = get(raw, "met");
      const met = m === true || m === "true" ? true : m === false || m === "false" ? false : null;
      if (met === null) return invalid(line, "met", m === null ? "missing" : "must be true or false");
      return { type: "outcome", line, outcome, at, met };
    }
    case "charge":
      return toCharge(raw, line, text, time);
    case "requests":
      return toRequests(raw, line, text, time);
    case null:
      return invalid(line, "type", "missing");
    default:
      return invalid(
        line,
        "type",
        `unknown record type ${JSON.stringify(clip(String(type)))} (expected outage, ticket, measurement, requests, outcome, change of control or charge)`,
      );
  }
}

const CHARGE_PERIOD = /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/;
const AMOUNT = /^\d+(?:\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

function toCharge(
  raw: object,
  line: number,
  text: (field: string) => string | InvalidLine,
  time: (field: string, required: boolean) => number | null | InvalidLine,
): ChargeRecord | InvalidLine {
  const service = text("service");
  if (typeof service !== "string") return service;
  const period = get(raw, "period");
  let chargePeriod: string | null = null;
  let at: number | null = null;
  if (period !== null) {
    if (typeof period !== "string" || !CHARGE_PERIOD.test(period))
      return invalid(line, "period", "must be a calendar month, quarter or year: YYYY-MM, YYYY-Qn or YYYY");
    if (get(raw, "at") !== null) return invalid(line, "at", "give either period or at, not both");
    chargePeriod = period;
  } else {
    const t = time("at", false);
    if (t === null) return invalid(line, "period", "missing (give the period charged, or an instant in it as at)");
    if (typeof t === "object") return t;
    at = t;
  }
  // A JSON number comes as its shortest decimal text: the number written, up to 15 significant digits; text is exact.
  const a = get(raw, "amount");
  const amount = typeof a === "number" && Number.isFinite(a) ? String(a) : typeof a === "string" ? a.trim() : null;
  if (amount === null) return invalid(line, "amount", a === null ? "missing" : "must be a decimal number");
  if (!AMOUNT.test(amount)) return invalid(line, "amount", "must be a decimal number of at least 0, such as 1234.50");
  const currency = text("currency");
  if (typeof currency !== "string") return currency;
  if (!CURRENCY.test(currency)) return invalid(line, "currency", "must be an ISO 4217 code such as USD");
  return { type: "charge", line, service, period: chargePeriod, at, amount, currency };
}

/**
 * `total` and one of `failed` or `good`: whole numbers, as JSON numbers or text, at most
 * 2^53 − 1 each so they stay exact as numbers; the sums are exact decimals.
 */
function toRequests(
  raw: object,
  line: number,
  text: (field: string) => string | InvalidLine,
  time: (field: string, required: boolean) => number | null | InvalidLine,
): RequestsRecord | InvalidLine {
  const metric = text("metric");
  if (typeof metric !== "string") return metric;
  const at = time("at", true);
  if (at === null || typeof at === "object") return at as InvalidLine;
  const count = (field: string): number | null | InvalidLine => {
    const v = get(raw, field);
    if (v === null) return null;
    const n =
      typeof v === "number" ? v : typeof v === "string" && INTEGER.test(v.trim()) ? Number(v.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < 0) return invalid(line, field, "must be a whole number of requests, 0 or more");
    if (!Number.isSafeInteger(n)) return invalid(line, field, `${clip(String(v).trim())} is too large`);
    return n;
  };
  const total = count("total");
  if (total === null) return invalid(line, "total", "missing");
  if (typeof total === "object") return total;
  const failedCount = count("failed");
  if (failedCount !== null && typeof failedCount === "object") return failedCount;
  const good = count("good");
  if (good !== null && typeof good === "object") return good;
  if (failedCount === null && good === null)
    return invalid(line, "failed", "missing (give the failed requests as failed, or the successful ones as good)");
  if (failedCount !== null && good !== null) return invalid(line, "good", "give either failed or good, not both");
  const failed = failedCount ?? total - (good as number);
  if (failed > total || failed < 0)
    return invalid(
      line,
      failedCount !== null ? "failed" : "good",
      `${failedCount !== null ? "failed" : "good"} requests are more than the total of ${total}`,
    );
  return { type: "requests", line, metric, at, total, failed };
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
