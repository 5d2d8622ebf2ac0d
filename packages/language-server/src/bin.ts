/**
 * The bundle entry (`dist/server.cjs`): `node server.cjs --stdio` (the default) or `--node-ipc` (as
 * vscode-languageclient starts it); see `process-server.ts`.
 */
import { startProcessServer } from "./process-server.ts";

startProcessServer();
