import type { RuleBundle } from "../bundle.ts";
import { SqlEngineError } from "./runner.ts";

/**
 * Forms of the contract whose figures the generated SQL does not compute yet, refused by name
 * before any SQL is generated or read back, so the SQL engine never gives an answer that differs
 * from the streaming engine's.
 */
export function refuseFormsNotInSql(bundle: RuleBundle): void {
  for (const o of bundle.objectives) {
    if (o.support?.resolution?.start === "acknowledgement")
      throw new SqlEngineError(
        `objective ${o.name}: a resolution time counted from acknowledgement is not computed in SQL yet; evaluate this contract with the streaming engine`,
      );
  }
}
