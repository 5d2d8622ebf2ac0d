/**
 * Names in the data that the contract does not declare. A record for `ec2region` when the
 * contract declares `Ec2Region` would otherwise be dropped and the service read 100% met; so each
 * unknown name is reported with the nearest declared one, and a near miss (the same letters up to
 * case, or at most two edits away) is marked so the caller can refuse it.
 */
import { closestName, editDistance } from "@sla/language/helpers";
import type { RuleBundle } from "./bundle.ts";
import type { UnknownNameReport } from "./report-types.ts";

const NEAR_MISS_EDITS = 2;

export function unknownNames(bundle: RuleBundle, counts: ReadonlyMap<string, number>): UnknownNameReport[] {
  const declared = {
    service: bundle.services.map((s) => s.name),
    metric: bundle.metrics.map((m) => m.name),
  };
  const out: UnknownNameReport[] = [];
  for (const [key, records] of counts) {
    const bar = key.indexOf("|");
    const kind = key.slice(0, bar) as UnknownNameReport["kind"];
    const name = key.slice(bar + 1);
    const candidates = declared[kind];
    // the nearest by edit distance ignoring case; `closestName` also weighs prefixes
    let nearest: string | null = null;
    let distance = Number.POSITIVE_INFINITY;
    for (const c of candidates) {
      const d = editDistance(name.toLowerCase(), c.toLowerCase());
      if (d < distance) {
        distance = d;
        nearest = c;
      }
    }
    const suggested = closestName(name, candidates) ?? null;
    const nearMiss = distance <= NEAR_MISS_EDITS;
    out.push({ kind, name, records, nearest: nearMiss ? nearest : (suggested ?? nearest), nearMiss });
  }
  return out.sort(
    (a, b) => Number(b.nearMiss) - Number(a.nearMiss) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
  );
}
