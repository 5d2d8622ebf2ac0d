/**
 * Latencies of the server as an editor sees them, in-process over JSON-RPC, on one contract:
 * - `diagnostics after an edit`: from `didChange` to the `publishDiagnostics` of that version
 *   (debounce off: `initializationOptions.debounceMs = 0`); each edit types or deletes one
 *   character inside a string, in declarations spread over the file;
 * - `diagnostics after a syntax error`: the same, typing `x` right after a property's keyword
 *   (`targetx at least …`) and deleting it;
 * - `completion`: names after `metric ` (or the declaration keywords at the end of the file);
 * - `hover`: on names, spread over the file;
 * - `formatting`: the whole document.
 * And `measureFirstCheck`: opening a document in a fresh server.
 * Times in milliseconds; p50 and p95 by nearest rank, after a few warm-up rounds.
 */
import {
  type CompletionList,
  type Hover,
  type InitializeParams,
  type PublishDiagnosticsParams,
  PublishDiagnosticsNotification,
  type TextEdit,
} from "vscode-languageserver";
import { TextView } from "./workspace/text.ts";
import { startInProcessServer } from "./in-process.ts";

export interface Latency {
  feature: string;
  p50: number;
  p95: number;
}

const URI = "file:///bench/contract.sla";
const WARM_UP = 5;

function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Offsets of every match of `pattern` (its group 1 when present) in `text`. */
function offsetsOf(text: string, pattern: RegExp): number[] {
  const result: number[] = [];
  for (const m of text.matchAll(pattern)) result.push(m.index! + (m[1] !== undefined ? m[0].indexOf(m[1]) : 0));
  return result;
}

/** Spread `count` picks over `values`. */
function spread<T>(values: T[], count: number): T[] {
  if (values.length === 0) return [];
  return Array.from({ length: count }, (_, i) => values[Math.floor(((i * 0.618034) % 1) * values.length)]);
}

/**
 * The first check of a document, as an editor sees it when it opens a contract: from `didOpen` to
 * the `publishDiagnostics` of that version (debounce off), in a server that has seen nothing yet.
 * Returns milliseconds and how many diagnostics were published.
 */
export async function measureFirstCheck(source: string): Promise<{ ms: number; diagnostics: number }> {
  const { client, dispose } = startInProcessServer();
  try {
    const init: InitializeParams = {
      processId: null,
      rootUri: null,
      capabilities: {},
      initializationOptions: { debounceMs: 0, checkWorkspace: false },
    };
    await client.sendRequest("initialize", init);
    await client.sendNotification("initialized", {});
    const published = new Promise<number>((resolve) => {
      client.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
        if (params.uri === URI && params.version === 1) resolve(params.diagnostics.length);
      });
    });
    const start = performance.now();
    await client.sendNotification("textDocument/didOpen", {
      textDocument: { uri: URI, languageId: "sla", version: 1, text: source },
    });
    const diagnostics = await published;
    return { ms: performance.now() - start, diagnostics };
  } finally {
    await client.sendRequest("shutdown").catch(() => undefined);
    dispose();
  }
}

export async function measureLatencies(source: string, iterations: number): Promise<Latency[]> {
  const { client, dispose } = startInProcessServer();
  const waiters = new Map<number, () => void>();
  client.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
    if (params.uri !== URI || params.version === undefined) return;
    waiters.get(params.version)?.();
    waiters.delete(params.version);
  });
  const diagnosticsFor = (version: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: no diagnostics for version ${version}`)), 30_000);
      waiters.set(version, () => {
        clearTimeout(timer);
        resolve();
      });
    });

  try {
    const init: InitializeParams = {
      processId: null,
      rootUri: null,
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
      initializationOptions: { debounceMs: 0, checkWorkspace: false },
    };
    await client.sendRequest("initialize", init);
    await client.sendNotification("initialized", {});
    let version = 1;
    let text = source;
    const opened = diagnosticsFor(version);
    await client.sendNotification("textDocument/didOpen", {
      textDocument: { uri: URI, languageId: "sla", version, text },
    });
    await opened;

    const rounds = iterations + WARM_UP;
    const results: Latency[] = [];
    const record = async (feature: string, run: (i: number) => Promise<void>) => {
      const samples: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        await run(i);
        if (i >= WARM_UP) samples.push(performance.now() - start);
      }
      results.push({ feature, p50: percentile(samples, 50), p95: percentile(samples, 95) });
    };

    /** Types `x` at each of `sites` in turn and deletes it again, one edit per round. */
    const typing = (sites: number[]) => {
      let pending: number | undefined;
      return async (i: number) => {
        const at = pending ?? sites[Math.floor(i / 2)] ?? 0;
        const view = new TextView(URI, text);
        const range = pending === undefined ? view.rangeOf(at, at) : view.rangeOf(at, at + 1);
        const insert = pending === undefined ? "x" : "";
        text = text.slice(0, at) + insert + text.slice(pending === undefined ? at : at + 1);
        pending = pending === undefined ? at : undefined;
        version++;
        const published = diagnosticsFor(version);
        await client.sendNotification("textDocument/didChange", {
          textDocument: { uri: URI, version },
          contentChanges: [{ range, text: insert }],
        });
        await published;
      };
    };
    // Just inside a string: the contract stays valid; each edit lands in another declaration.
    await record("diagnostics after an edit", typing(spread(offsetsOf(source, /"[^"\n]/g), rounds).map((o) => o + 1)));
    // Right after a property's keyword (`targetx`): a syntax error for every other version.
    await record(
      "diagnostics after a syntax error",
      typing(spread(offsetsOf(source, /\n[ \t]+(?:target|metric|service|provider)( )/g), rounds)),
    );

    const view = new TextView(URI, text);
    const metricSites = offsetsOf(text, /\n[ \t]+metric [A-Za-z_]/g).map((o) => text.indexOf("metric ", o) + 7);
    const completionSites = spread(metricSites.length ? metricSites : [text.length], rounds);
    await record("completion", async (i) => {
      const list = (await client.sendRequest("textDocument/completion", {
        textDocument: { uri: URI },
        position: view.positionAt(completionSites[i]),
      })) as CompletionList | null;
      if (!list || list.items.length === 0) throw new Error("bench: completion returned nothing");
    });

    const nameSites = spread(offsetsOf(text, /\n[ \t]+(?:metric|for|service) ([A-Za-z_])/g), rounds);
    await record("hover", async (i) => {
      const hover = (await client.sendRequest("textDocument/hover", {
        textDocument: { uri: URI },
        position: view.positionAt((nameSites[i] ?? 0) + 1),
      })) as Hover | null;
      if (nameSites.length && !hover) throw new Error("bench: hover returned nothing");
    });

    await record("formatting", async () => {
      (await client.sendRequest("textDocument/formatting", {
        textDocument: { uri: URI },
        options: { tabSize: 2, insertSpaces: true },
      })) as TextEdit[];
    });
    return results;
  } finally {
    await client.sendRequest("shutdown").catch(() => undefined);
    dispose();
  }
}
