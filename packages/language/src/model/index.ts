/** The resolved contract model: see types.ts. */
export { contractModel } from "./build.ts";
export { DIMENSION_WORDS, literalDimension, metricDimension } from "./dimension.ts";
export { targetBudgets } from "./budgets.ts";
export type * from "./types.ts";
