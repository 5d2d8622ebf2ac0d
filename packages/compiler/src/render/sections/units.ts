/** Service levels held `for each region`: the words after the level, and the clause that says what they mean. */
import type { BundleObjective } from "../../bundle-types.ts";
import { type Clause, clause } from "../document.ts";
import { type Markdown, md, raw } from "../escape.ts";

/** `, for each region` after a level's target, or nothing. */
export function forEachText(o: BundleObjective): Markdown {
  return o.forEach ? md`, for each ${o.forEach}` : raw("");
}

/**
 * What "for each region" means, for the levels of one section: each unit is judged on its own
 * records, and its credit is of its own fee when the fee is stated per unit.
 */
export function unitsClause(objectives: readonly BundleObjective[], counted: string): Clause | null {
  const units = [...new Set(objectives.flatMap((o) => (o.forEach ? [o.forEach] : [])))];
  if (units.length === 0) return null;
  const each = units.map((u) => `"for each ${u}"`).join(" or ");
  return clause(
    md`A service level stated ${raw(each)} applies to each such unit of the service separately: only the ${raw(counted)} recorded for that unit count towards it, and it is met or missed, and any Service Credit is due, for each unit on its own; where the fee is stated per unit, a Service Credit that is a percentage of a fee is a percentage of that unit's fee. The Service Credits of all units are added together.`,
  );
}
