/**
 * The server as a process, for `dist/server.cjs` and `sla lsp`. `--node-ipc`, `--socket` and
 * `--pipe` are vscode-languageserver's own transports; standard input and output (`--stdio`, the
 * default) go through the framing check of `framing.ts`: a message the server cannot frame or
 * decode ends the process with the reason on stderr and exit code 1, since no later message could
 * be trusted to start where the server would look for it.
 */
import { format } from "node:util";
import {
  createConnection,
  type DataCallback,
  type Message,
  type MessageReader,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver/node";
import { FramingGuard } from "./framing.ts";
import { type StartedServer, startServer } from "./server.ts";

const OTHER_TRANSPORTS = ["--node-ipc", "--socket", "--pipe"];

/** Passes messages on, noting whether the client asked the server to shut down (the exit code says so). */
class ShutdownWatchingReader implements MessageReader {
  shutdownRequested = false;

  constructor(private readonly inner: MessageReader) {}

  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback) {
    return this.inner.listen((message: Message) => {
      if ((message as { method?: unknown }).method === "shutdown") this.shutdownRequested = true;
      callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }
}

function exitWithError(reason: string): never {
  process.stderr.write(`sla language server: ${reason}. Exiting.\n`);
  process.exit(1);
}

export function startProcessServer(argv: readonly string[] = process.argv): StartedServer {
  if (argv.some((a) => OTHER_TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`))))
    return startServer(createConnection(ProposedFeatures.all));

  const guard = new FramingGuard({ onViolation: exitWithError });
  process.stdin.pipe(guard);
  const reader = new ShutdownWatchingReader(new StreamMessageReader(guard));
  reader.onError((error) => exitWithError(`unreadable message: ${error.message.split("\n")[0]}`));
  // as LSP asks: 0 after a shutdown request, 1 when the client went away without one
  reader.onClose(() => process.exit(reader.shutdownRequested ? 0 : 1));
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  // stdout carries the protocol: anything a library logs goes to the client's log instead
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  return startServer(connection);
}
