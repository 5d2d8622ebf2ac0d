import type { BundleObjective } from "./bundle.ts";
import type { WindowAggregates } from "./aggregates.ts";
import type { ObjectiveKind } from "./report-types.ts";

const MEASURED = new Set(["latency", "error rate", "response time", "resolution time"]);

export function kindOf(o: BundleObjective): ObjectiveKind {
  const limits = o.maxOutagePerIncident !== null || o.maxTotalOutage !== null;
  if (o.support !== null) return "support";
  if (o.target !== null && o.metricType === "availability")
    return limits ? "availability and outage limits" : "availability";
  if (limits) return "outage limits";
  if (o.target !== null && o.metricType === "success rate") return "success rate";
  if (o.target !== null && o.metricType !== null && MEASURED.has(o.metricType)) return "measurement";
  return "none";
}

/** Which aggregates an objective's windows need from the records; null when none. */
export function aggregatesKind(o: BundleObjective): WindowAggregates["kind"] | null {
  switch (kindOf(o)) {
    case "support":
      return "tickets";
    case "measurement":
      return "measurements";
    case "none":
    case "success rate": // counted from request records by `RecordWork.requests`
      return null;
    default:
      return "outages";
  }
}
