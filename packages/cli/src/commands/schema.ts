import type { Command } from "commander";
import { bundleSchema } from "@sla/compiler";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of the rule bundle that `sla build` writes")
    .addHelpText("after", "\nExamples:\n  $ sla schema > sla-rules.schema.json")
    .action(() => {
      process.stdout.write(`${JSON.stringify(bundleSchema, null, 2)}\n`);
    });
}
