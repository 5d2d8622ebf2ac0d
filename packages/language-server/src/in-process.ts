/**
 * The server and a client in one process, joined by two in-memory streams and speaking real
 * JSON-RPC: for tests and the latency benchmark. Never send `exit` here: the server would end the
 * process, as a server should.
 */
import { PassThrough } from "node:stream";
import {
  createConnection,
  createMessageConnection,
  type MessageConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver/node";
import { type StartedServer, startServer } from "./server.ts";

export interface InProcessServer {
  client: MessageConnection;
  server: StartedServer;
  dispose(): void;
}

export function startInProcessServer(): InProcessServer {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  const server = startServer(connection);
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.listen();
  return {
    client,
    server,
    dispose: () => {
      client.dispose();
      server.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
}
