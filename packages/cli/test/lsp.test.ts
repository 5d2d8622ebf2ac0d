import { spawn } from "node:child_process";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { describe, expect, it } from "vitest";
import { SLA } from "./run.ts";

describe("sla lsp --stdio", () => {
  it("answers initialize over standard input and output, and exits on request", async () => {
    const child = spawn(process.execPath, [SLA, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    const result = (await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    })) as {
      capabilities: Record<string, unknown>;
    };
    expect(result.capabilities).toHaveProperty("hoverProvider");
    expect(result.capabilities).toHaveProperty("completionProvider");
    await connection.sendRequest("shutdown");
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await connection.sendNotification("exit");
    expect(await exited).toBe(0);
    connection.dispose();
  });
});
