/** Every checking rule, run in this order after binding. One file per family of checks of the brief §3. */
import type { Rule } from "../context.ts";
import { CONSISTENCY_RULES } from "./consistency.ts";
import { limitsRule } from "./limits.ts";
import { STRUCTURE_RULES } from "./structure.ts";
import { bonusRule } from "./bonus.ts";
import { TIER_RULES } from "./tiers.ts";
import { VALUE_RULES } from "./values.ts";

export const RULES: Rule[] = [
  ...STRUCTURE_RULES,
  ...VALUE_RULES,
  limitsRule,
  ...TIER_RULES,
  bonusRule,
  ...CONSISTENCY_RULES,
];
