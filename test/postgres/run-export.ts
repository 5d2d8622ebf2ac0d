/**
 * `sla export sql` run for real, the one way every test of the export does it: the folder written
 * to a temporary place, its run.sh over the records (psql or the DuckDB stand-in, as `env` says),
 * and what `readBack` makes of the result files.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { EvaluateOptions, RuleBundle } from "@sla/engine";
import { buildSqlExport, type SqlExportManifest } from "../../packages/cli/src/sql-export.ts";

export interface ExportCase {
  bundle: RuleBundle;
  /** The records file's text. */
  ndjson: string;
  options: EvaluateOptions;
}

export async function runExport<T>(
  c: ExportCase,
  dialect: "duckdb" | "postgres",
  env: Record<string, string>,
  readBack: (bundle: RuleBundle, manifest: SqlExportManifest, read: (name: string) => string) => Promise<T>,
  byUnit = false,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `sla-export-${dialect}-`));
  try {
    const options = byUnit ? { ...c.options, byUnit } : c.options;
    const { manifest, files } = await buildSqlExport(c.bundle, "contract.sla", dialect, options);
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(join(dir, "records.ndjson"), c.ndjson);
    const run = spawnSync("sh", [join(dir, "run.sh"), "records.ndjson"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
    if (run.status !== 0) throw new Error(`run.sh exited ${run.status}: ${run.stderr}`);
    return await readBack(c.bundle, manifest, (name) => readFileSync(join(dir, "results", `${name}.csv`), "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
