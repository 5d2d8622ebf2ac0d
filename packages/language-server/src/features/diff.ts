/**
 * `sla/diff` `{ uri }` → `{ markdown, changes }`: what the open contract (its buffers, saved or
 * not) says differently from its last committed version, as the bulleted change list of
 * `sla diff HEAD FILE --format md`; or `{ error }` when there is no committed version or either
 * version has errors. The committed files, imports included, are read with `git show HEAD:path`.
 */
import { execFileSync } from "node:child_process";
import { dirname, relative } from "node:path";
import { changesMarkdown, compileBundle, diffBundles } from "@sla/compiler";
import { checkProgram, type SourceHost } from "@sla/language";
import { fileName } from "../analysis/kinds.ts";
import type { ServerContext } from "../context.ts";
import { uriToPath } from "../workspace/workspace.ts";
import type { ContractParams, DiffResult } from "../protocol.ts";
import { checked } from "./contract-requests.ts";

export function diffWithHead(context: ServerContext, params: ContractParams): DiffResult {
  const program = checked(context, params);
  if ("error" in program) return program;
  const path = uriToPath(program.root);
  if (!path) return { error: `Only files on disk have a committed version, not ${program.root}.` };
  const root = git(["rev-parse", "--show-toplevel"], dirname(path))?.trim();
  if (!root) return { error: `${fileName(program.root)} is not in a git repository.` };
  const commit = git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], root)?.trim();
  if (!commit) return { error: "The repository has no commit yet." };
  const host = headHost(root, commit);
  if (host.readFile(program.root) === undefined)
    return { error: `${fileName(program.root)} has no committed version: it is not in HEAD.` };
  const before = checkProgram(program.root, host);
  const errors = before.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const lines = errors
      .slice(0, 10)
      .map(
        (d) =>
          `- HEAD:${relative(root, uriToPath(d.uri) ?? d.uri)}:${d.range.start.line}:${d.range.start.column}: ${d.code} ${d.message}`,
      );
    return {
      error: `The committed version has ${errors.length === 1 ? "1 error" : `${errors.length} errors`}:\n\n${lines.join("\n")}`,
    };
  }
  const changes = diffBundles(compileBundle(before), compileBundle(program));
  const title = `# Changes to ${fileName(program.root)} since the last commit (${commit.slice(0, 7)})`;
  return { markdown: `${title}\n\n${changesMarkdown(changes)}`, changes: changes.length };
}

/** The repository's files as they are in a commit. */
function headHost(root: string, commit: string): SourceHost {
  const cache = new Map<string, string | undefined>();
  return {
    readFile(uri) {
      if (cache.has(uri)) return cache.get(uri);
      const path = uriToPath(uri);
      const inside = path ? relative(root, path) : undefined;
      const text =
        inside && !inside.startsWith("..") && /\.sla$/i.test(inside)
          ? git(["show", `${commit}:${inside.split("\\").join("/")}`], root)
          : undefined;
      cache.set(uri, text);
      return text;
    },
  };
}

/** git's output, or undefined when git fails or is missing. */
function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}
