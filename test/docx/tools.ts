/**
 * LibreOffice (to open a .docx as Word would and print it to PDF) and poppler (to read the PDF's
 * text and draw its pages) for the round trip test. Installed with apt when missing and the test
 * runs as root (as in CI, where `.ci/run` installs them too); otherwise the test is skipped with
 * the reason.
 */
import { spawnSync } from "node:child_process";

export const TOOLS = ["soffice", "pdftotext", "pdftoppm"] as const;
export const PACKAGES = ["libreoffice-writer-nogui", "poppler-utils"];

function missing(): string[] {
  return TOOLS.filter((tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0);
}

/** Undefined when the tools are there (installing them first if need be), else why they are not. */
export function ensureTools(): string | undefined {
  const absent = missing();
  if (absent.length === 0) return undefined;
  const cannot = `${absent.join(", ")} not installed; install ${PACKAGES.join(" and ")} to run this test`;
  if (process.getuid?.() !== 0) return `${cannot} (not root, so the test cannot install them)`;
  if (spawnSync("sh", ["-c", "command -v apt-get"]).status !== 0) return `${cannot} (no apt-get here)`;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // Another apt may hold the lock for a while (CI installs other packages); wait for it.
  const lock = ["-o", "DPkg::Lock::Timeout=600"];
  for (const args of [
    [...lock, "update", "-qq"],
    [...lock, "install", "-y", "-qq", "--no-install-recommends", ...PACKAGES],
  ]) {
    const run = spawnSync("apt-get", args, { env, encoding: "utf8", timeout: 900_000 });
    if (run.status !== 0) {
      const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim().split("\n").slice(-5).join("\n");
      return `${cannot}: apt-get ${args.join(" ")} failed (${run.error?.message ?? `exit ${run.status}`}):\n${output}`;
    }
  }
  const still = missing();
  return still.length ? `${still.join(", ")} still missing after installing ${PACKAGES.join(" and ")}` : undefined;
}
