/**
 * Tasks of type `sla`: `sla build FILE` (or `sla check FILE`) in a terminal, with the `$sla`
 * problem matcher, which reads the CLI's `file:line:column - severity CODE: message` lines. The
 * provider offers a build task for every `.sla` file of the workspace that declares an agreement;
 * tasks.json may name any file. The command is the CLI inside the extension, run by VS Code's own
 * Node, unless `sla.cli.path` names another.
 */
import * as path from "node:path";
import * as vscode from "vscode";

export const TASK_TYPE = "sla";

export interface SlaTaskDefinition extends vscode.TaskDefinition {
  command: "build" | "check";
  file: string;
}

/** The process that runs `sla ARGS`: the configured command, or the bundled CLI. */
export function cliProcess(
  bundledCli: string,
  configured: string,
  args: string[],
): { command: string; args: string[]; env: Record<string, string> } {
  // The CLI must not colour its output: the problem matcher reads it.
  const env = { NO_COLOR: "1", FORCE_COLOR: "0" };
  if (configured.trim()) return { command: configured.trim(), args, env };
  // In the desktop editor process.execPath is Electron, which runs scripts as Node with this variable.
  return { command: process.execPath, args: [bundledCli, ...args], env: { ...env, ELECTRON_RUN_AS_NODE: "1" } };
}

export function slaTask(
  definition: SlaTaskDefinition,
  folder: vscode.WorkspaceFolder,
  bundledCli: string,
): vscode.Task {
  const configured = vscode.workspace.getConfiguration("sla.cli", folder.uri).get<string>("path", "");
  const run = cliProcess(bundledCli, configured, [definition.command, definition.file, "--no-color"]);
  const task = new vscode.Task(
    definition,
    folder,
    `${definition.command} ${definition.file}`,
    TASK_TYPE,
    new vscode.ProcessExecution(run.command, run.args, { cwd: folder.uri.fsPath, env: run.env }),
    "$sla",
  );
  if (definition.command === "build") task.group = vscode.TaskGroup.Build;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

export function registerTasks(context: vscode.ExtensionContext): vscode.Disposable {
  const bundledCli = context.asAbsolutePath(path.join("server", "sla.cjs"));
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    async provideTasks(): Promise<vscode.Task[]> {
      const files = await vscode.workspace.findFiles("**/*.sla", "**/{node_modules,dist,out,build,.*}/**", 200);
      const tasks: vscode.Task[] = [];
      for (const file of files) {
        const folder = vscode.workspace.getWorkspaceFolder(file);
        if (!folder) continue;
        const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString("utf8");
        // only a contract with an agreement can be built
        if (!/^\s*agreement\s/m.test(text)) continue;
        const relative = path.relative(folder.uri.fsPath, file.fsPath).split(path.sep).join("/");
        tasks.push(slaTask({ type: TASK_TYPE, command: "build", file: relative }, folder, bundledCli));
      }
      return tasks;
    },
    resolveTask(task: vscode.Task): vscode.Task | undefined {
      const definition = task.definition as SlaTaskDefinition;
      const folder = task.scope;
      if (!definition.file || typeof folder !== "object") return undefined;
      return slaTask(definition, folder, bundledCli);
    },
  });
}
