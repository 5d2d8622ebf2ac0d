import type { RuleBundle } from "./definition.ts";

/**
 * The bundle as JSON text: two-space indentation and a final line break. Keys come out in the order
 * `compileBundle` built them (the order of the definition), so the same source gives the same bytes.
 */
export function serializeBundle(bundle: RuleBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
