/**
 * The bundle entry (`dist/server.cjs`): `node server.cjs --stdio` or `--node-ipc` (as
 * vscode-languageclient starts it); `createConnection` reads the transport from the arguments.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.ts";

if (
  !process.argv.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"))
)
  process.argv.push("--stdio");
startServer(createConnection(ProposedFeatures.all));
