/** `@sla/language-server`: the `.sla` language server. `startServer(connection)` runs it on any LSP connection. */
export {
  BuildRequest,
  PreviewRequest,
  SERVER_NAME,
  SERVER_VERSION,
  type StartedServer,
  startServer,
} from "./server.ts";
export type { ServerOptions } from "./context.ts";
export { startProcessServer } from "./process-server.ts";
export { MAX_MESSAGE_BYTES } from "./framing.ts";
export * from "./protocol.ts";
export { SEMANTIC_TOKENS_LEGEND } from "./features/semantic-tokens.ts";
