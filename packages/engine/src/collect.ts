import { EventDataError } from "./errors.ts";
import type {
  ChangeOfControlRecord,
  ChargeRecord,
  EventItem,
  MeasurementRecord,
  OutageRecord,
  OutcomeRecord,
  TicketRecord,
} from "./events.ts";
import { doubled } from "./records/float-column.ts";
import { RequestSlices, type RequestSlicing } from "./records/request-slices.ts";
import { RequestStore } from "./records/requests.ts";

/** What the windows being evaluated need from the stream; everything else is dropped on arrival. */
export interface Interest {
  outageServices: ReadonlySet<string>;
  ticketServices: ReadonlySet<string>;
  metrics: ReadonlySet<string>;
  /** Tickets (by opening) and measurements in `[start, end)` are kept. */
  start: number;
  end: number;
  /** Outages overlapping `[outageStart, outageEnd]` are kept: wider, for incidents crossing an edge. */
  outageStart: number;
  outageEnd: number;
  /** Every service and metric the bundle declares: a record naming another is counted as unknown. */
  declaredServices: ReadonlySet<string>;
  declaredMetrics: ReadonlySet<string>;
  /** The outcomes incentives declare: `outcome` records of others are ignored. */
  declaredOutcomes?: ReadonlySet<string>;
  /**
   * What is evaluated per unit: `outage|Service`, `ticket|Service`, `metric|Name` (measurements)
   * and `charge|Service` (a fee as charged per unit) → the unit's word (`region`). Their records
   * must name a unit.
   */
  perUnit?: ReadonlyMap<string, string>;
  /**
   * Metrics with time-slice downtime whose service's outages are needed: their `requests` records
   * in `[outageStart, outageEnd]` are added up per slice (on `zone`'s clock) and the bad slices
   * become outages of the service.
   */
  requestSlices?: readonly RequestSlicing[];
  /** The agreement's time zone, whose hours the slices follow. */
  zone?: string;
  /** Success rate metrics: their `requests` records in `[start, end)` are kept. */
  requestMetrics?: ReadonlySet<string>;
}

/** Measurements in parallel typed arrays: a million of them cost 24 MB, not a million objects. */
export class MeasurementStore {
  at = new Float64Array(1024);
  value = new Float64Array(1024);
  line = new Float64Array(1024);
  /** Each measurement's unit, once one names a unit; null while none has. */
  unit: (string | undefined)[] | null = null;
  length = 0;

  push(r: MeasurementRecord): void {
    if (this.length === this.at.length) {
      this.at = doubled(this.at);
      this.value = doubled(this.value);
      this.line = doubled(this.line);
    }
    this.at[this.length] = r.at;
    this.value[this.length] = r.value;
    this.line[this.length] = r.line;
    // kept only once a record names a unit, so data without units costs nothing more
    if (r.unit !== undefined && this.unit === null) this.unit = new Array<string | undefined>(this.length);
    if (this.unit !== null) this.unit[this.length] = r.unit;
    this.length++;
  }
}

export interface DataStats {
  /** The last line number read. */
  lines: number;
  /** Valid records read. */
  records: number;
  /** Valid records kept for the windows evaluated. */
  used: number;
  /** Valid records for other services, metrics or periods. */
  ignored: number;
  /** Invalid lines passed over (only with skipInvalid). */
  skipped: number;
  /** The first few reasons lines were skipped. */
  skippedReasons: string[];
}

/** A scope's charges summed by `Service|period`, and the first line fees.ts refuses in it, with its words. */
export interface ChargeSums {
  sums: Map<string, { amount: string; currency: string }>;
  error: { line: number; message: string } | null;
}

export interface CollectedData {
  outages: Map<string, OutageRecord[]>;
  tickets: Map<string, TicketRecord[]>;
  measurements: Map<string, MeasurementStore>;
  /** The earliest instant any valid record mentions: where the observed data begins. */
  earliest: number | null;
  /** The latest instant any valid record mentions: how far the observed data reaches. */
  latest: number | null;
  /** `outcome` records by outcome name, kept for outcomes the bundle declares (the streaming engine reads them). */
  outcomes?: Map<string, OutcomeRecord[]>;
  /** `change of control` records, in the order read (the streaming engine reads them; DuckDB does not). */
  changesOfControl?: ChangeOfControlRecord[];
  /** `charge` records, in the order read: the fee of a service whose fee is as charged. */
  charges?: ChargeRecord[];
  /**
   * The charges already added up by a SQL engine, by scope ('' for the whole contract, `u:` and the
   * unit for one unit): read by fees.ts instead of `charges`.
   */
  chargeSums?: Map<string, ChargeSums>;
  /** The `requests` records of success rate metrics, by metric. */
  requests?: Map<string, RequestStore>;
  /**
   * The units named by the records of what is evaluated per unit (`interest.perUnit`), whatever
   * their time: keyed as `Interest.perUnit` is → the unit names.
   */
  units?: Map<string, Set<string>>;
  /** Records naming a service or metric the bundle does not declare: `service|Name` → count. */
  unknown: Map<string, number>;
  /** Records naming further unknown names once UNKNOWN_NAMES_KEPT names are kept. */
  unknownOmitted: number;
  stats: DataStats;
}

const REASONS_KEPT = 5;
/** Distinct unknown names listed in a report. */
export const UNKNOWN_NAMES_KEPT = 100;

export async function collect(
  items: AsyncIterable<EventItem> | Iterable<EventItem>,
  interest: Interest,
  skipInvalid: boolean,
): Promise<CollectedData> {
  const outages = new Map<string, OutageRecord[]>();
  const tickets = new Map<string, TicketRecord[]>();
  const measurements = new Map<string, MeasurementStore>();
  const changesOfControl: ChangeOfControlRecord[] = [];
  const outcomes = new Map<string, OutcomeRecord[]>();
  const charges: ChargeRecord[] = [];
  const stats: DataStats = { lines: 0, records: 0, used: 0, ignored: 0, skipped: 0, skippedReasons: [] };
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  const unknown = new Map<string, number>();
  let unknownOmitted = 0;
  const requests = new Map<string, RequestStore>();
  const slicesOf = new Map(
    (interest.requestSlices ?? []).map((s) => [s.metric, new RequestSlices(s, interest.zone ?? "UTC")]),
  );
  // a file of a million distinct names must not hold a million entries
  const count = (key: string) => {
    const seen = unknown.get(key);
    if (seen !== undefined) unknown.set(key, seen + 1);
    else if (unknown.size < UNKNOWN_NAMES_KEPT) unknown.set(key, 1);
    else unknownOmitted++;
  };
  const units = new Map<string, Set<string>>();
  for await (const item of items) {
    if (item.line > stats.lines) stats.lines = item.line;
    const unitKey = interest.perUnit === undefined ? undefined : unitKeyOf(item);
    const unitWord = unitKey === undefined ? undefined : interest.perUnit!.get(unitKey);
    if (unitWord !== undefined) {
      const unit = (item as { unit?: string }).unit;
      if (unit === undefined) {
        const err = missingUnit(item, interest.perUnit)!;
        if (!skipInvalid) throw err;
        stats.skipped++;
        if (stats.skippedReasons.length < REASONS_KEPT) stats.skippedReasons.push(err.message);
        continue;
      }
      let named = units.get(unitKey!);
      if (named === undefined) {
        named = new Set();
        units.set(unitKey!, named);
      }
      named.add(unit);
    }
    switch (item.type) {
      case "invalid": {
        const err = new EventDataError(item.line, item.field, item.reason);
        if (!skipInvalid) throw err;
        stats.skipped++;
        if (stats.skippedReasons.length < REASONS_KEPT) stats.skippedReasons.push(err.message);
        continue;
      }
      case "measurement": {
        stats.records++;
        if (item.at < earliest) earliest = item.at;
        if (item.at > latest) latest = item.at;
        if (!interest.declaredMetrics.has(item.metric)) count(`metric|${item.metric}`);
        if (interest.metrics.has(item.metric) && item.at >= interest.start && item.at < interest.end) {
          let store = measurements.get(item.metric);
          if (store === undefined) {
            store = new MeasurementStore();
            measurements.set(item.metric, store);
          }
          store.push(item);
          stats.used++;
        } else stats.ignored++;
        continue;
      }
      case "requests": {
        stats.records++;
        if (item.at < earliest) earliest = item.at;
        if (item.at > latest) latest = item.at;
        if (!interest.declaredMetrics.has(item.metric)) count(`metric|${item.metric}`);
        const slices = slicesOf.get(item.metric);
        const sliced = slices !== undefined && item.at >= interest.outageStart && item.at <= interest.outageEnd;
        if (sliced) slices.add(item);
        const counted =
          interest.requestMetrics?.has(item.metric) === true && item.at >= interest.start && item.at < interest.end;
        if (counted) {
          let store = requests.get(item.metric);
          if (store === undefined) {
            store = new RequestStore();
            requests.set(item.metric, store);
          }
          store.push(item);
        }
        if (sliced || counted) stats.used++;
        else stats.ignored++;
        continue;
      }
      case "outage": {
        stats.records++;
        if (item.start < earliest) earliest = item.start;
        if (item.end > latest) latest = item.end;
        if (!interest.declaredServices.has(item.service)) count(`service|${item.service}`);
        if (
          interest.outageServices.has(item.service) &&
          item.end >= interest.outageStart &&
          item.start <= interest.outageEnd
        ) {
          push(outages, item.service, item);
          stats.used++;
        } else stats.ignored++;
        continue;
      }
      case "outcome": {
        stats.records++;
        if (interest.declaredOutcomes?.has(item.outcome)) {
          push(outcomes, item.outcome, item);
          stats.used++;
        } else stats.ignored++;
        continue;
      }
      case "charge": {
        // a bill, not an observation of the service: it moves neither end of the observed data
        stats.records++;
        if (!interest.declaredServices.has(item.service)) {
          count(`service|${item.service}`);
          stats.ignored++;
          continue;
        }
        stats.used++;
        charges.push(item);
        continue;
      }
      case "change of control": {
        // not an observation of the service, so it moves neither end of the observed data
        stats.records++;
        stats.used++;
        changesOfControl.push(item);
        continue;
      }
      case "ticket": {
        stats.records++;
        if (item.opened < earliest) earliest = item.opened;
        latest = Math.max(latest, item.opened, item.responded ?? item.opened, item.resolved ?? item.opened);
        if (!interest.declaredServices.has(item.service)) count(`service|${item.service}`);
        if (interest.ticketServices.has(item.service) && item.opened >= interest.start && item.opened < interest.end) {
          push(tickets, item.service, item);
          stats.used++;
        } else stats.ignored++;
        continue;
      }
    }
  }
  // every outage record is read by now, so a bad slice can leave their time to maintenance and the like
  for (const slices of slicesOf.values()) {
    const { service } = slices.slicing;
    for (const o of slices.outages(outages.get(service) ?? [])) push(outages, service, o);
  }
  return {
    outages,
    tickets,
    measurements,
    earliest: Number.isFinite(earliest) ? earliest : null,
    latest: Number.isFinite(latest) ? latest : null,
    unknown,
    unknownOmitted,
    stats,
    ...(changesOfControl.length ? { changesOfControl } : {}),
    ...(outcomes.size ? { outcomes } : {}),
    ...(charges.length ? { charges } : {}),
    ...(requests.size ? { requests } : {}),
    ...(units.size ? { units } : {}),
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * The error of a record that names no unit where what it is a record of is evaluated per unit
 * (`interest.perUnit`), as `collect` reports it; undefined when it needs none or names one.
 */
export function missingUnit(
  item: EventItem,
  perUnit: ReadonlyMap<string, string> | undefined,
): EventDataError | undefined {
  const key = perUnit === undefined ? undefined : unitKeyOf(item);
  const word = key === undefined ? undefined : perUnit!.get(key);
  if (word === undefined || (item as { unit?: string }).unit !== undefined) return undefined;
  return new EventDataError(item.line, "unit", `missing: ${unitReason(key!, word)}`);
}

/** Where a record's unit is looked up in `Interest.perUnit`. */
function unitKeyOf(item: EventItem): string | undefined {
  switch (item.type) {
    case "outage":
    case "ticket":
      return `${item.type}|${item.service}`;
    case "measurement":
      return `metric|${item.metric}`;
    case "charge":
      return `charge|${item.service}`;
    default:
      return undefined;
  }
}

function unitReason(key: string, unit: string): string {
  const [kind, name] = [key.slice(0, key.indexOf("|")), key.slice(key.indexOf("|") + 1)];
  if (kind === "charge") return `the fee of service ${name} is charged per ${unit}`;
  const what = kind === "metric" ? `metric ${name}` : `the ${kind}s of service ${name}`;
  return `${what} ${kind === "metric" ? "is" : "are"} evaluated for each ${unit}`;
}
