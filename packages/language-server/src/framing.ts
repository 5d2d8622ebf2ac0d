/**
 * The framing of LSP over a byte stream (`Content-Length: N`, a blank line, N bytes of JSON),
 * checked before vscode-jsonrpc reads it. That reader waits for ever on a Content-Length that
 * promises more bytes than come, and on a missing, negative or non-numeric one it reports an error
 * that nobody acts on: the server then neither answers nor exits. And it buffers whatever length a
 * header announces. Here every header is checked, a body over the limit is refused from its header,
 * before any of it is read, and the stream stops at the first violation with `onViolation(reason)`;
 * the caller ends the process. Bytes pass through unchanged.
 */
import { Transform, type TransformCallback } from "node:stream";

const MiB = 1024 * 1024;
/** The largest message body accepted: a 16 MiB contract in `didOpen`, escaped as JSON, fits with room to spare. */
export const MAX_MESSAGE_BYTES = 64 * MiB;
/** A header block longer than this is not a header. */
export const MAX_HEADER_BYTES = 8 * 1024;
/** A message that stops arriving for this long is given up: its Content-Length promised bytes that never came. */
export const STALLED_MESSAGE_MS = 30_000;

export interface FramingOptions {
  maxMessageBytes?: number;
  stalledMessageMs?: number;
  /** Called once, at the first violation; nothing more passes through after it. */
  onViolation(reason: string): void;
}

const HEADER_END = Buffer.from("\r\n\r\n");
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

const bytes = (n: number) => `${n.toLocaleString("en-US")} byte${n === 1 ? "" : "s"}`;
const inMiB = (n: number) => (n % MiB === 0 ? ` (${n / MiB} MiB)` : "");
const printable = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The body length that a header block announces, or why the block is not a valid header. */
export function contentLength(block: string, maxMessageBytes: number): number | string {
  let length: number | undefined;
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    const name = colon < 0 ? "" : line.slice(0, colon);
    if (!HEADER_NAME.test(name)) return `expected a message header ("Content-Length: …"), found ${printable(line)}`;
    if (name.toLowerCase() !== "content-length") continue;
    if (length !== undefined) return "the message header has Content-Length twice";
    const value = line.slice(colon + 1).trim();
    if (!/^\d+$/.test(value)) return `Content-Length must be a whole number of bytes, found ${printable(value)}`;
    length = Number(value);
    if (length > maxMessageBytes)
      return `a message of ${bytes(length)} is over the limit of ${bytes(maxMessageBytes)}${inMiB(maxMessageBytes)}`;
  }
  return length ?? `the message header has no Content-Length: ${printable(block)}`;
}

/** A pass-through stream that checks LSP framing; see the file's comment. */
export class FramingGuard extends Transform {
  private readonly maxMessageBytes: number;
  private readonly stalledMessageMs: number;
  private readonly onViolation: (reason: string) => void;
  /** Bytes of the header block read so far (only while no body is due). */
  private header = Buffer.alloc(0);
  /** Bytes of the current body still to come. */
  private bodyLeft = 0;
  private bodyLength = 0;
  private violated = false;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: FramingOptions) {
    super();
    this.maxMessageBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.stalledMessageMs = options.stalledMessageMs ?? STALLED_MESSAGE_MS;
    this.onViolation = options.onViolation;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.violated) this.consume(chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    this.clearStall();
    const missing = this.violated ? undefined : this.missing();
    if (missing) this.violation(`the input ended inside a message: ${missing}`);
    done();
  }

  private consume(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, chunk.length - at);
        this.push(chunk.subarray(at, at + take));
        this.bodyLeft -= take;
        at += take;
        continue;
      }
      const searchFrom = Math.max(0, this.header.length - (HEADER_END.length - 1));
      this.header = Buffer.concat([this.header, chunk.subarray(at)]);
      at = chunk.length;
      const end = this.header.indexOf(HEADER_END, searchFrom);
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES)
          this.violation(`no end of a message header within ${bytes(MAX_HEADER_BYTES)}`);
        break;
      }
      const length = contentLength(this.header.subarray(0, end).toString("latin1"), this.maxMessageBytes);
      if (typeof length === "string") {
        this.violation(length);
        return;
      }
      this.push(this.header.subarray(0, end + HEADER_END.length));
      // what follows the header goes round again, as body
      chunk = this.header.subarray(end + HEADER_END.length);
      at = 0;
      this.header = Buffer.alloc(0);
      this.bodyLeft = this.bodyLength = length;
    }
    if (!this.violated) this.watchForStall();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.clearStall();
    done(error);
  }

  /** What the message in progress still lacks, or undefined between messages. */
  private missing(): string | undefined {
    if (this.bodyLeft > 0)
      return `its Content-Length is ${bytes(this.bodyLength)} but only ${bytes(this.bodyLength - this.bodyLeft)} came`;
    if (this.header.length > 0) return `an incomplete message header ${printable(this.header.toString("latin1"))}`;
    return undefined;
  }

  private watchForStall(): void {
    this.clearStall();
    if (this.stalledMessageMs <= 0 || !this.missing()) return;
    this.stallTimer = setTimeout(() => {
      const missing = this.missing();
      if (missing && !this.violated)
        this.violation(`no more input for ${this.stalledMessageMs / 1000} s inside a message: ${missing}`);
    }, this.stalledMessageMs);
    this.stallTimer.unref?.();
  }

  private clearStall(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
  }

  private violation(reason: string): void {
    this.violated = true;
    this.header = Buffer.alloc(0);
    this.clearStall();
    this.onViolation(reason);
  }
}
