/**
 * Time-slice downtime from request records (`downtime per 1 minute when error rate above 5%`):
 * the requests of a metric are added up per slice of time, and each slice whose failed requests
 * pass the threshold becomes an unplanned outage of the metric's service, from the slice's start
 * to its end. From there the outage machinery decides it as any outage record: service hours,
 * exclusions, incidents, limits, credits.
 *
 * - Slices follow one another from the start of each hour on the agreement's clock (the length
 *   divides an hour, SLA4023), so every window (which starts and ends on a local hour) is made of
 *   whole slices, through clock changes: the hour the clocks go back holds its own slices.
 * - A slice without requests (none, or only records of 0) is not downtime: there is no evidence of
 *   a failure, as published SLAs that count in minutes write it.
 * - The failed share is compared exactly: failed × 100 against threshold × total, in decimals.
 * - A run of bad slices is one outage, named by the line of its first slice's first record (a day
 *   of errors is one record of the incident, not 1,440), as `--prometheus` gives it.
 * - Outages the data gives with another cause than `unplanned` (maintenance, customer, force
 *   majeure) keep their time: a bad slice gives only its parts outside them, so an excluded
 *   maintenance is not made downtime again by the errors it caused (as `--prometheus` does).
 */
import { IANAZone } from "luxon";
import { Dec } from "../decimal.ts";
import type { OutageRecord, RequestsRecord } from "../events.ts";
import { mergeIntervals, subtractIntervals } from "../intervals.ts";

/** A metric whose requests are sliced, and the service whose downtime its bad slices are. */
export interface RequestSlicing {
  readonly metric: string;
  readonly service: string;
  readonly lengthMs: number;
  readonly comparison: "above" | "at least";
  /** Percent, exact decimal text. */
  readonly threshold: string;
}

interface Slice {
  total: bigint;
  failed: bigint;
  /** The first line of the records in it: the line its outage names. */
  line: number;
}

const HOUR_MS = 3_600_000;
/** Clock changes fall on a quarter hour in every zone, so the offset is looked up once per quarter hour. */
const QUARTER_HOUR_MS = 900_000;

/** The requests of one metric, added up per slice as they are read. */
export class RequestSlices {
  private readonly slices = new Map<number, Slice>();
  private readonly zone: IANAZone;
  private quarter = Number.NaN;
  private offsetMs = 0;

  constructor(
    readonly slicing: RequestSlicing,
    zone: string,
  ) {
    this.zone = IANAZone.create(zone);
  }

  add(r: RequestsRecord): void {
    const start = this.sliceStart(r.at);
    const slice = this.slices.get(start);
    if (slice === undefined) this.slices.set(start, { total: BigInt(r.total), failed: BigInt(r.failed), line: r.line });
    else {
      slice.total += BigInt(r.total);
      slice.failed += BigInt(r.failed);
      if (r.line < slice.line) slice.line = r.line;
    }
  }

  /** The start of the slice holding `t`: slices of the length from each local hour's start. */
  sliceStart(t: number): number {
    const quarter = Math.floor(t / QUARTER_HOUR_MS);
    if (quarter !== this.quarter) {
      this.quarter = quarter;
      this.offsetMs = this.zone.offset(t) * 60_000;
    }
    const hourStart = t - mod(t + this.offsetMs, HOUR_MS);
    return hourStart + Math.floor((t - hourStart) / this.slicing.lengthMs) * this.slicing.lengthMs;
  }

  /**
   * The bad slices as unplanned outages of the service, in time order, less the time of `known`
   * (the service's outage records, of which those with another cause than unplanned are kept clear).
   */
  outages(known: readonly OutageRecord[]): OutageRecord[] {
    const { service, lengthMs, comparison } = this.slicing;
    const threshold = new Dec(this.slicing.threshold);
    const clear = mergeIntervals(
      known.filter((o) => o.cause !== "unplanned" && o.end > o.start).map((o) => ({ start: o.start, end: o.end })),
    );
    const out: OutageRecord[] = [];
    // slices and clear time both in order: one pass, so many slices and many outages stay linear
    let j = 0;
    for (const start of [...this.slices.keys()].sort((a, b) => a - b)) {
      const { total, failed, line } = this.slices.get(start)!;
      if (total === 0n) continue;
      const share = new Dec(failed.toString()).times(100);
      const limit = threshold.times(total.toString());
      if (comparison === "above" ? !share.gt(limit) : !share.gte(limit)) continue;
      const end = start + lengthMs;
      while (j < clear.length && clear[j].end <= start) j++;
      let k = j;
      while (k < clear.length && clear[k].start < end) k++;
      for (const part of subtractIntervals([{ start, end }], clear.slice(j, k))) {
        const last = out[out.length - 1];
        if (last !== undefined && last.end === part.start) last.end = part.end;
        else
          out.push({
            type: "outage",
            line,
            service,
            start: part.start,
            end: part.end,
            cause: "unplanned",
            announced: null,
          });
      }
    }
    return out;
  }
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}
