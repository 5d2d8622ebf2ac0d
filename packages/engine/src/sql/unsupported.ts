import type { RuleBundle } from "../bundle.ts";
import { SqlEngineError } from "./runner.ts";

/**
 * Forms of the contract whose figures the generated SQL does not compute yet, refused by name
 * before any SQL is generated or read back, so the SQL engine never gives an answer that differs
 * from the streaming engine's.
 */
export function refuseFormsNotInSql(bundle: RuleBundle): void {
  for (const o of bundle.objectives) {
    if (o.forEach)
      throw new SqlEngineError(
        `objective ${o.name}: it is held for each ${o.forEach}, which the SQL engine does not evaluate yet (\`sla export sql --by-unit\` groups a contract's figures by unit, but not one objective's); evaluate this contract with the streaming engine`,
      );
  }
  for (const s of bundle.services) {
    if (s.feeUnit)
      throw new SqlEngineError(
        `service ${s.name}: its fee is per ${s.feeUnit}, which the SQL engine does not evaluate yet; evaluate this contract with the streaming engine`,
      );
    if (s.feeCharged)
      throw new SqlEngineError(
        `service ${s.name}: a fee as charged is read from charge records, which the SQL engine does not read yet; evaluate this contract with the streaming engine`,
      );
  }
}
