/**
 * npm as a user runs it, from a test: a HOME and cache of its own (so nothing comes from the
 * machine's cache or config) and none of the `npm_*` variables an outer `npm test` sets (they
 * carry the outer npm's config and user agent into the child, see test/e2e/setup.mjs).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const REPO = resolve(__dirname, "../..");

export function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && name !== "NODE_PATH" && name !== "NODE_OPTIONS") env[name] = value;
  }
  mkdirSync(home, { recursive: true });
  return {
    ...env,
    HOME: home,
    npm_config_cache: join(home, ".npm"),
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    ...extra,
  };
}

/** PATH with nothing but the running Node (and the system's tools): no node_modules/.bin of the repository. */
export function bareSystemPath(...first: string[]): string {
  return [...first, dirname(process.execPath), "/usr/bin", "/bin"].join(":");
}

/** Runs a command to completion; a failure throws with everything it printed. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 180_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status ?? result.signal}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}
