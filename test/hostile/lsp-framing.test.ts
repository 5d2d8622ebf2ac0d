/**
 * LSP framing, attacked through the built server's standard input. A wrong, negative, non-numeric
 * or missing Content-Length used to leave the server neither answering nor exiting, and a body of
 * 200 MB was buffered (640 MB of memory). Now each ends the server with exit code 1 and the reason
 * on stderr, and a body over 64 MiB is refused from its header alone.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServerBundle } from "../../packages/language-server/test/bundle-helper.ts";

let bundle: Awaited<ReturnType<typeof buildServerBundle>>;
beforeAll(async () => {
  bundle = await buildServerBundle();
}, 60_000);
afterAll(() => bundle?.remove());

interface Outcome {
  /** The exit code, or "still running" when the server neither exited nor was told to. */
  code: number | "still running";
  stderr: string;
  stdout: string;
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const request = (id: number, method: string, params: unknown = null) =>
  frame(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
const INITIALIZE = request(1, "initialize", { processId: null, rootUri: null, capabilities: {} });

/**
 * Starts the server, writes `input`, optionally ends its standard input, and waits for it to exit.
 * A server that is still running after `patienceMs` is killed: a hang is an outcome, not a time-out.
 */
function session(
  input: (string | Buffer)[],
  options: { end?: boolean; patienceMs?: number; reply?: { when: string; write: string } } = {},
): Promise<Outcome> {
  const child: ChildProcess = spawn(process.execPath, [bundle.file, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
    if (options.reply && stdout.includes(options.reply.when)) {
      child.stdin?.write(options.reply.write);
      options.reply = undefined;
    }
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  // the server may exit before it has read everything: that is the point
  child.stdin?.on("error", () => undefined);
  for (const chunk of input) child.stdin?.write(chunk);
  if (options.end) child.stdin?.end();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve({ code: "still running", stderr, stdout });
    }, options.patienceMs ?? 15_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr, stdout });
    });
  });
}

describe("LSP framing on standard input", () => {
  it("a well-framed session is answered and ends with exit code 0", async () => {
    const outcome = await session([INITIALIZE, request(2, "shutdown")], {
      reply: { when: '"id":2', write: frame(JSON.stringify({ jsonrpc: "2.0", method: "exit" })) },
    });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('"id":1');
    expect(outcome.stdout).toContain('"id":2');
    expect(outcome.stderr).toBe("");
  }, 30_000);

  it.each([
    ["missing", "Content-Type: application/vscode-jsonrpc\r\n\r\n{}", /no Content-Length/],
    ["negative", "Content-Length: -5\r\n\r\n{}", /whole number of bytes, found "-5"/],
    ["non-numeric", "Content-Length: twelve\r\n\r\n{}", /whole number of bytes, found "twelve"/],
    ["fractional", "Content-Length: 2.5\r\n\r\n{}", /whole number of bytes, found "2.5"/],
    ["given twice", "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", /Content-Length twice/],
    ["not a header at all", "GET / HTTP/1.1\r\n\r\n", /expected a message header/],
  ])(
    "a %s Content-Length: exit 1 with the reason",
    async (_, bad, reason) => {
      const outcome = await session([INITIALIZE, bad]);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toMatch(reason);
    },
    30_000,
  );

  it("a Content-Length shorter than the body: the body is not JSON, exit 1", async () => {
    const outcome = await session([INITIALIZE.replace(/Content-Length: \d+/, "Content-Length: 30")]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/sla language server: unreadable message/);
  }, 30_000);

  it("a Content-Length longer than the body: exit 1 when the input ends inside the message", async () => {
    const outcome = await session([INITIALIZE.replace(/Content-Length: \d+/, "Content-Length: 5000")], { end: true });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/the input ended inside a message: its Content-Length is 5,000 bytes but only \d+/);
  }, 30_000);

  it("a 200 MB body is refused from its header, before any of it is sent", async () => {
    const outcome = await session(["Content-Length: 209715200\r\n\r\n"]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/209,715,200 bytes is over the limit of 67,108,864 bytes \(64 MiB\)/);
  }, 30_000);

  it("a header that never ends is cut off at 8 KiB", async () => {
    const outcome = await session([`X-Padding: ${"x".repeat(20_000)}`]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/no end of a message header within 8,192 bytes/);
  }, 30_000);

  it("the input ending between messages without a shutdown request: exit 1, nothing on stderr", async () => {
    const outcome = await session([], { end: true });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe("");
  }, 30_000);
});
