/** `sla/diff` over JSON-RPC: the open buffer against the file's last commit, in a temporary git repository. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTING, startTestServer, type TestServer, temporaryFolder } from "./harness.ts";

let server: TestServer;
let folder: ReturnType<typeof temporaryFolder>;
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], {
    cwd: folder.path,
    encoding: "utf8",
  });

const CLAIM = /claim within (\d+) days/;

beforeAll(async () => {
  folder = temporaryFolder();
  mkdirSync(join(folder.path, "contracts"));
  writeFileSync(join(folder.path, "contracts/hosting.sla"), HOSTING);
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "first");
  server = await startTestServer({ checkWorkspace: false });
});
afterAll(async () => {
  await server.dispose();
  folder.remove();
});

describe("sla/diff", () => {
  it("lists the unsaved buffer's changes against HEAD in Markdown", async () => {
    expect(HOSTING).toMatch(CLAIM);
    const days = Number(CLAIM.exec(HOSTING)?.[1]);
    const uri = `${folder.uri}contracts/hosting.sla`;
    await server.open(uri, HOSTING.replace(CLAIM, `claim within ${days + 15} days`));
    const result = await server.request<{ markdown: string; changes: number }>("sla/diff", { uri });
    expect(result.changes).toBe(1);
    expect(result.markdown).toMatch(
      /^# Changes to hosting\.sla since the last commit \([0-9a-f]{7}\)\n\n- The claim period of \*.+\* is lengthened from \d+ to \d+ days\.\n$/,
    );
  });

  it("says so when nothing changed", async () => {
    const uri = `${folder.uri}contracts/hosting.sla`;
    await server.change(uri, HOSTING, 2);
    const result = await server.request<{ markdown: string; changes: number }>("sla/diff", { uri });
    expect(result).toMatchObject({ changes: 0 });
    expect(result.markdown).toContain("No changes to what the contract says.");
  });

  it("answers a file that was never committed, or outside a repository, with an error", async () => {
    const uri = `${folder.uri}contracts/new.sla`;
    await server.open(uri, HOSTING);
    expect(await server.request("sla/diff", { uri })).toEqual({
      error: "new.sla has no committed version: it is not in HEAD.",
    });
    const outside = temporaryFolder();
    try {
      const lone = `${outside.uri}lone.sla`;
      await server.open(lone, HOSTING);
      expect(await server.request("sla/diff", { uri: lone })).toEqual({
        error: "lone.sla is not in a git repository.",
      });
    } finally {
      outside.remove();
    }
  });
});
