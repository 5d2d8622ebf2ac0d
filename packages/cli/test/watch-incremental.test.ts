/**
 * `build --watch` keeps one workspace across rebuilds: a file it has parsed before is re-parsed
 * from its previous parse (`reparseDocument`), an unchanged import is not parsed again, and every
 * rebuild writes what a fresh build of the same files writes.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type BuildFlags, plan } from "../src/commands/build.ts";
import { toUri } from "../src/files.ts";
import { Workspace } from "../src/workspace.ts";
import { REPO, scratch } from "./run.ts";

const flags: BuildFlags = { color: false, quiet: true, format: "json,md" };

function setUp() {
  const dir = scratch();
  cpSync(join(REPO, "examples/service-desk.sla"), join(dir, "desk.sla"));
  cpSync(join(REPO, "examples/common"), join(dir, "common"), { recursive: true });
  return { contract: join(dir, "desk.sla"), calendar: join(dir, "common/uk-calendar.sla") };
}

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, "utf8");
  expect(text, `${path} holds ${from}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe("sla build --watch re-parses incrementally", () => {
  it("rebuilds after edits exactly as a fresh build does, from the previous parses", async () => {
    const { contract, calendar } = setUp();
    const workspace = new Workspace({ incremental: true });
    const first = await plan(contract, flags, workspace);
    expect(first.outputs).toBeDefined();
    expect(workspace.parses).toEqual({ fresh: 2, incremental: 0, unchanged: 0 });
    const firstItems = first.checked.program.files.get(toUri(contract))!.parsed.file.items;
    const opening = firstItems[0];

    // an edit near the end of the contract: the declarations before it are kept, not parsed again
    edit(contract, "review quarterly", "review monthly");
    const second = await plan(contract, flags, workspace);
    expect(workspace.parses).toEqual({ fresh: 2, incremental: 1, unchanged: 1 });
    const secondItems = second.checked.program.files.get(toUri(contract))!.parsed.file.items;
    expect(secondItems[0]).toBe(opening);
    const fresh = await plan(contract, flags);
    expect(second.outputs).toEqual(fresh.outputs);
    expect(second.checked.program.diagnostics).toEqual(fresh.checked.program.diagnostics);
    expect(second.outputs).not.toEqual(first.outputs);

    // an edit of the import, then one that breaks the contract, then its repair
    const steps: [string, string, string][] = [
      [calendar, "09:00 to 17:30", "08:30 to 17:30"],
      [contract, "claim within 30 days", "claim within 30 dayz"],
      [contract, "claim within 30 dayz", "claim within 45 days"],
    ];
    for (const [path, from, to] of steps) {
      edit(path, from, to);
      const rebuilt = await plan(contract, flags, workspace);
      const again = await plan(contract, flags);
      expect(rebuilt.outputs, `after ${from} → ${to}`).toEqual(again.outputs);
      expect(rebuilt.checked.program.diagnostics).toEqual(again.checked.program.diagnostics);
    }
    expect(workspace.parses).toEqual({ fresh: 2, incremental: 4, unchanged: 4 });
  });

  it("a workspace that is not incremental parses through the loader alone", async () => {
    const { contract } = setUp();
    const workspace = new Workspace();
    await plan(contract, flags, workspace);
    await plan(contract, flags, workspace);
    expect(workspace.parses).toEqual({ fresh: 0, incremental: 0, unchanged: 0 });
  });
});
