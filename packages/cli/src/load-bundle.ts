/** A rule bundle from a contract (compiled on the way, refusing on errors) or from a bundle file. */
import { BUNDLE_FORMAT, compileBundle, type RuleBundle } from "@sla/compiler";
import { hasErrors } from "@sla/language";
import { CliError } from "./errors.ts";
import { readBundleFile } from "./files.ts";
import { formatDiagnostic } from "./output/diagnostics.ts";
import { styleFor } from "./output/style.ts";
import { Workspace } from "./workspace.ts";

export async function loadBundle(path: string): Promise<RuleBundle> {
  if (path.endsWith(".json")) {
    let bundle: RuleBundle;
    try {
      bundle = JSON.parse(readBundleFile(path));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${path}: not a rule bundle: ${(error as Error).message}`, 2);
    }
    if (bundle?.format !== BUNDLE_FORMAT)
      throw new CliError(`${path}: not a rule bundle (format is not ${BUNDLE_FORMAT})`, 2);
    return bundle;
  }
  const checked = new Workspace().check(path);
  if (hasErrors(checked.program.diagnostics)) {
    const style = styleFor(process.stderr);
    for (const item of Workspace.collect([checked]).filter((i) => i.diagnostic.severity === "error")) {
      process.stderr.write(`${formatDiagnostic(item, style)}\n`);
    }
    throw new CliError(`${path} has errors; fix them before evaluating`, 1);
  }
  return compileBundle(checked.program);
}
