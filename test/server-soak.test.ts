/**
 * Soak: thousands of random edits and requests in one server session. Answers must stay correct
 * (after the storm, the original contract checks clean and hovers the same budget again) and the
 * heap must stop growing (measured after forced collections at checkpoints).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTING, positionAt, positionOf, startTestServer } from "../packages/language-server/test/harness.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const EDITS = Number(process.env.SOAK_EDITS ?? 2000);
const URI = "file:///soak/hosting.sla";

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("language server soak", () => {
  it(`survives ${EDITS} random edits and requests with flat memory and correct answers`, {
    timeout: 600_000,
  }, async () => {
    const server = await startTestServer({ checkWorkspace: false });
    try {
      await server.open(URI, HOSTING, 1);
      await server.diagnostics(URI, (p) => p.version === 1);
      const hoverAt = positionOf(HOSTING, "99.9%", 1);
      const baseline = await server.request<{ contents: { value: string } }>("textDocument/hover", {
        textDocument: { uri: URI },
        position: hoverAt,
      });
      expect(baseline.contents.value).toContain("43m 12s");

      const random = fc.sample(
        fc.record({
          at: fc.nat(HOSTING.length),
          length: fc.nat(12),
          insert: fc.constantFrom("", "x", "}", "{", " 5%", '"', "\n", "per ", "Uptime"),
          request: fc.nat(5),
        }),
        { numRuns: EDITS, seed: 42 },
      );
      const samples: number[] = [];
      let text = HOSTING;
      let version = 1;
      for (const [i, edit] of random.entries()) {
        // edits drift away from the contract; every 50 start again from it, as a user undoes
        const base = i % 50 === 0 ? HOSTING : text;
        const at = Math.min(edit.at, base.length);
        text = base.slice(0, at) + edit.insert + base.slice(Math.min(base.length, at + edit.length));
        await server.change(URI, text, ++version);
        const position = positionAt(text, Math.min(edit.at, text.length));
        const document = { textDocument: { uri: URI } };
        const requests = [
          () => server.request("textDocument/hover", { ...document, position }),
          () => server.request("textDocument/completion", { ...document, position }),
          () => server.request("textDocument/definition", { ...document, position }),
          () => server.request("textDocument/documentSymbol", document),
          () => server.request("textDocument/formatting", { ...document, options: { tabSize: 2, insertSpaces: true } }),
          () => server.request("textDocument/hover", { ...document, position: { line: 10_000, character: 5 } }),
        ];
        await requests[edit.request]();
        if ((i + 1) % Math.max(1, Math.floor(EDITS / 5)) === 0) samples.push(heapAfterCollection());
      }

      await server.change(URI, HOSTING, ++version);
      const final = await server.diagnostics(URI, (p) => p.version === version);
      expect(final.diagnostics).toEqual([]);
      const again = await server.request<{ contents: { value: string } }>("textDocument/hover", {
        textDocument: { uri: URI },
        position: hoverAt,
      });
      expect(again.contents.value).toBe(baseline.contents.value);
      expect(
        server.logs.filter((l) => /error|exception/i.test(l)).map((l) => l.split("\n").slice(0, 6).join("\n")),
      ).toEqual([]);

      // flat: the last checkpoint is within 20 MB of the second (the first still warms caches)
      const growth = samples[samples.length - 1] - samples[1];
      expect(growth, `heap at checkpoints: ${samples.map((s) => Math.round(s / 2 ** 20)).join(", ")} MB`).toBeLessThan(
        20 * 2 ** 20,
      );
    } finally {
      await server.dispose();
    }
  });
});
