/**
 * `.gitignore` rules, so that `sla check .` skips what git skips (generated contracts, vendored
 * copies). Patterns are matched with picomatch; the rules of git apply: a pattern with a slash is
 * anchored to its file's folder, one without matches a name at any depth, a trailing slash
 * matches folders only, `!` re-includes, and the last matching rule wins.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";

/** `posix`: `[!x]` is a negated class, as in a shell and in git (picomatch otherwise reads it as `!` or `x`). */
export const GLOB_OPTIONS = { posix: true } as const;

interface Rule {
  folder: string;
  matches: (path: string) => boolean;
  anchored: boolean;
  negated: boolean;
  foldersOnly: boolean;
}

export type IgnoreRules = readonly Rule[];

function parse(text: string, folder: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, "");
    if (!line || line.startsWith("#")) continue;
    const negated = line.startsWith("!");
    if (negated) line = line.slice(1);
    line = line.replace(/^\\([#!])/, "$1");
    const foldersOnly = line.endsWith("/");
    if (foldersOnly) line = line.slice(0, -1);
    const anchored = line.includes("/");
    if (line.startsWith("/")) line = line.slice(1);
    if (!line) continue;
    rules.push({ folder, matches: picomatch(line, { ...GLOB_OPTIONS, dot: true }), anchored, negated, foldersOnly });
  }
  return rules;
}

/** The rules of `folder/.gitignore` added to `inherited` (unchanged when there is none). */
export function withFolderRules(inherited: IgnoreRules, folder: string): IgnoreRules {
  const file = join(folder, ".gitignore");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return inherited;
  }
  const rules = parse(text, resolve(folder));
  return rules.length ? [...inherited, ...rules] : inherited;
}

/** The rules that apply inside `folder` from the folders above it, up to the repository's root. */
export function rulesAbove(folder: string): IgnoreRules {
  const chain: string[] = [];
  let current = resolve(folder);
  for (;;) {
    const parent = dirname(current);
    if (existsSync(join(current, ".git")) || parent === current) break;
    current = parent;
    chain.unshift(current);
  }
  // without a repository above, only the folder's own rules count
  if (!existsSync(join(current, ".git"))) return [];
  return chain.reduce<IgnoreRules>(withFolderRules, []);
}

export function isIgnored(rules: IgnoreRules, path: string, isFolder: boolean): boolean {
  let ignored = false;
  const absolute = resolve(path);
  for (const rule of rules) {
    if (rule.foldersOnly && !isFolder) continue;
    const inside = relative(rule.folder, absolute);
    if (inside.startsWith("..") || inside === "") continue;
    const subject = rule.anchored ? inside.split(sep).join("/") : basename(absolute);
    if (rule.matches(subject)) ignored = !rule.negated;
  }
  return ignored;
}
