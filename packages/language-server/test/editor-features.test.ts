/**
 * What the VS Code extension shows beyond standard diagnostics: documentation links on every
 * diagnostic (codeDescription), code lenses on objectives, the `eventsFile` option (at start and
 * changed later) and the `sla/evaluate` request.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileBundle } from "@sla/compiler";
import { evaluate, renderReportMarkdown } from "@sla/engine";
import { readEventsFile } from "@sla/engine/node";
import { checkProgram, diagnosticDocumentationUrl, memoryHost } from "@sla/language";
import type { CodeLens, Diagnostic } from "vscode-languageserver";
import { afterEach, describe, expect, it } from "vitest";
import { FULL_CAPABILITIES, HOSTING, startTestServer, type TestServer, temporaryFolder } from "./harness.ts";

const EVENTS = new URL("../../engine/test/fixtures/hosting-2026-03.ndjson", import.meta.url);
const DOC = readFileSync(new URL("../../../docs/diagnostics.md", import.meta.url), "utf8");
const CHARGED = readFileSync(new URL("../../../test/cases/fee-as-charged.sla", import.meta.url), "utf8");

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

const lensesOf = (s: TestServer, uri: string) =>
  s.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });

describe("codeDescription", () => {
  it("links each diagnostic to its section of docs/diagnostics.md", async () => {
    server = await startTestServer({ checkWorkspace: false });
    const uri = "file:///w/broken.sla";
    await server.open(uri, HOSTING.replace("metric Availability\n  target", "metric Availabilty\n  target"));
    const published = await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const [diagnostic] = published.diagnostics as Diagnostic[];
    expect(diagnostic.code).toBe("SLA2002");
    expect(diagnostic.codeDescription?.href).toBe(diagnosticDocumentationUrl("SLA2002"));
    // the anchor GitHub gives the heading `## SLA2002: Unknown name`
    expect(DOC).toMatch(/^## SLA2002: Unknown name$/m);
    expect(diagnostic.codeDescription?.href).toMatch(/\/docs\/diagnostics\.md#sla2002-unknown-name$/);
  });
});

describe("code lenses", () => {
  it("show the downtime an availability objective permits, from the same budget as the hover", async () => {
    server = await startTestServer({ checkWorkspace: false });
    const uri = "file:///w/hosting.sla";
    await server.open(uri, HOSTING);
    const lenses = await lensesOf(server, uri);
    const uptimeLine = HOSTING.split("\n").findIndex((l) => l.startsWith("objective Uptime "));
    expect(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command])).toEqual([
      [uptimeLine, "Permitted downtime: about 43m 12s per 30-day month", ""],
    ]);
    const hover = await server.request<{ contents: { value: string } }>("textDocument/hover", {
      textDocument: { uri },
      position: { line: uptimeLine + 2, character: 20 },
    });
    expect(hover.contents.value).toContain("| 30-day month | 43m 12s |");
  });

  it("add Evaluate… to every objective when an events file is set at start", async () => {
    server = await startTestServer({ checkWorkspace: false, eventsFile: "data/outages.ndjson" });
    const uri = "file:///w/hosting.sla";
    await server.open(uri, HOSTING);
    const evaluate = (await lensesOf(server, uri)).filter((l) => l.command?.title === "Evaluate…");
    const objectives = [...HOSTING.matchAll(/^objective (\w+)/gm)].map((m) => m[1]);
    expect(objectives.length).toBeGreaterThan(3);
    expect(evaluate.map((l) => l.command?.arguments)).toEqual(objectives.map((name) => [uri, name]));
    expect(evaluate.every((l) => l.command?.command === "sla.evaluate")).toBe(true);
    expect(evaluate[0].command?.tooltip).toContain("data/outages.ndjson");
  });

  it("follow a change of the events file setting, and ask the client to refresh them", async () => {
    const capabilities = {
      ...FULL_CAPABILITIES,
      workspace: { ...FULL_CAPABILITIES.workspace, codeLens: { refreshSupport: true } },
    };
    server = await startTestServer({ checkWorkspace: false, capabilities });
    let refreshes = 0;
    server.client.onRequest("workspace/codeLens/refresh", () => {
      refreshes++;
      return null;
    });
    const uri = "file:///w/hosting.sla";
    await server.open(uri, HOSTING);
    const titles = async () => (await lensesOf(server!, uri)).map((l) => l.command?.title);
    expect(await titles()).not.toContain("Evaluate…");

    await server.client.sendNotification("workspace/didChangeConfiguration", {
      settings: { sla: { eventsFile: "outages.ndjson", debounceMs: 40 } },
    });
    expect(await titles()).toContain("Evaluate…");
    expect(refreshes).toBe(1);
    expect(server.server.context.options).toMatchObject({ eventsFile: "outages.ndjson", debounceMs: 40 });

    // settings without the option leave it; an empty path turns the lens off again
    await server.client.sendNotification("workspace/didChangeConfiguration", { settings: { other: {} } });
    expect(await titles()).toContain("Evaluate…");
    await server.client.sendNotification("workspace/didChangeConfiguration", { settings: { sla: { eventsFile: "" } } });
    expect(await titles()).not.toContain("Evaluate…");
    expect(refreshes).toBe(2);
  });
});

describe("sla/evaluate", () => {
  it("reports on the buffer's contract for one month, as sla evaluate --format md does", async () => {
    const folder = temporaryFolder();
    try {
      const events = join(folder.path, "events.ndjson");
      copyFileSync(EVENTS, events);
      server = await startTestServer({ checkWorkspace: false });
      const uri = `${folder.uri}hosting.sla`;
      await server.open(uri, HOSTING);
      const result = await server.request<{ markdown: string }>("sla/evaluate", {
        uri,
        eventsFile: events,
        period: "2026-03",
      });
      const bundle = compileBundle(checkProgram(uri, memoryHost({ [uri]: HOSTING })));
      const [report] = await evaluate(bundle, readEventsFile(events), { from: "2026-03" });
      expect(result.markdown).toBe(renderReportMarkdown(report));
      expect(result.markdown).toContain("Uptime");
    } finally {
      folder.remove();
    }
  });

  it("answers bad input with an error that says what is wrong", async () => {
    server = await startTestServer({ checkWorkspace: false });
    const uri = "file:///w/hosting.sla";
    await server.open(uri, HOSTING);
    const ask = (params: object) => server!.request<{ error: string }>("sla/evaluate", { uri, ...params });
    expect((await ask({ eventsFile: "/no/such/events.ndjson", period: "2026-03" })).error).toBe(
      "Cannot read the events file /no/such/events.ndjson: ENOENT.",
    );
    expect((await ask({ eventsFile: "relative.ndjson", period: "2026-03" })).error).toMatch(/absolute path/);
    expect((await ask({ eventsFile: "/x.ndjson", period: "March" })).error).toBe(
      'The period "March" is not a month (YYYY-MM).',
    );
    await server.open("file:///w/broken.sla", "objective X { metric Nope }");
    expect(
      (
        await server.request<{ error: string }>("sla/evaluate", {
          uri: "file:///w/broken.sla",
          eventsFile: "/x.ndjson",
          period: "2026-03",
        })
      ).error,
    ).toMatch(/^The contract has \d+ errors?:/);
  });

  it("names the service and month when a fee as charged has no charge for a month owing a credit", async () => {
    const folder = temporaryFolder();
    try {
      const events = join(folder.path, "events.ndjson");
      writeFileSync(
        events,
        `{"type":"outage","service":"Compute","start":"2026-03-10T14:00:00Z","end":"2026-03-10T15:00:00Z","cause":"unplanned"}\n`,
      );
      server = await startTestServer({ checkWorkspace: false });
      const uri = `${folder.uri}charged.sla`;
      await server.open(uri, CHARGED);
      const result = await server.request<{ error: string }>("sla/evaluate", {
        uri,
        eventsFile: events,
        period: "2026-03",
      });
      expect(result.error).toBe(
        `${events}: no charge record for service Compute in 2026-03: its fee is as charged, and a credit for that month is a percentage of it`,
      );
    } finally {
      folder.remove();
    }
  });
});
