/** The framing check on its own: bytes pass through unchanged however they are split, and a stalled message is given up. */
import { describe, expect, it } from "vitest";
import { contentLength, FramingGuard } from "../src/framing.ts";

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

function collect(guard: FramingGuard): Promise<Buffer> {
  const parts: Buffer[] = [];
  guard.on("data", (d: Buffer) => parts.push(d));
  return new Promise((resolve) => guard.on("end", () => resolve(Buffer.concat(parts))));
}

describe("FramingGuard", () => {
  it("passes messages through byte for byte, whatever the chunks", async () => {
    const input = Buffer.from(
      frame('{"a":"\r\n\r\nContent-Length: 3"}') +
        `content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}` +
        frame('{"text":"é ✓ 𝄞"}'),
    );
    for (const size of [1, 2, 7, input.length]) {
      const violations: string[] = [];
      const guard = new FramingGuard({ onViolation: (r) => violations.push(r) });
      const output = collect(guard);
      for (let i = 0; i < input.length; i += size) guard.write(input.subarray(i, i + size));
      guard.end();
      expect((await output).equals(input)).toBe(true);
      expect(violations).toEqual([]);
    }
  });

  it("gives up a message that stops arriving", async () => {
    const reason = await new Promise<string>((resolve) => {
      const guard = new FramingGuard({ stalledMessageMs: 20, onViolation: resolve });
      guard.resume();
      guard.write("Content-Length: 100\r\n\r\n{");
    });
    expect(reason).toBe(
      "no more input for 0.02 s inside a message: its Content-Length is 100 bytes but only 1 byte came",
    );
  });

  it("reads Content-Length strictly", () => {
    expect(contentLength("Content-Length: 12", 100)).toBe(12);
    expect(contentLength("content-length:3\r\nX-Other: y", 100)).toBe(3);
    expect(contentLength("Content-Length: 101", 100)).toMatch(/over the limit of 100 bytes/);
    expect(contentLength("Content-Length: 0x10", 100)).toMatch(/whole number/);
    expect(contentLength("Content-Length: ", 100)).toMatch(/whole number/);
    expect(contentLength("Content-Length 12", 100)).toMatch(/expected a message header/);
  });
});
