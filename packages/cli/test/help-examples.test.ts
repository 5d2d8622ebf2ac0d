/** Every example in `sla help` and `sla help COMMAND` names a command and options that exist. */
import { describe, expect, it } from "vitest";
import { sla } from "./run.ts";

const COMMANDS = ["check", "fmt", "build", "diff", "evaluate", "export", "import", "explain", "init", "schema", "lsp"];

const helps = new Map(COMMANDS.map((command) => [command, sla(["help", command]).stdout]));

/** The `sla …` invocations of an example line (`a | sla x`, `sla x && sla y`, redirections dropped). */
function invocations(example: string): string[][] {
  return example
    .split(/\||&&/)
    .map((part) =>
      part
        .replace(/\(.*\)/, "")
        .split(/[<>]/)[0]
        .trim()
        .split(/\s+/),
    )
    .filter((words) => words[0] === "sla");
}

describe("help examples", () => {
  it.each(["", ...COMMANDS])("sla help %s", (command) => {
    const help = command ? helps.get(command)! : sla(["help"]).stdout;
    const examples = help.split("\n").flatMap((line) => /^\s+\$ (.*)$/.exec(line)?.[1] ?? []);
    expect(examples.length, `examples of ${command || "sla"}`).toBeGreaterThan(0);
    for (const example of examples) {
      for (const [, name, ...args] of invocations(example)) {
        expect(COMMANDS, example).toContain(name);
        for (const option of args.filter((arg) => arg.startsWith("--")))
          expect(helps.get(name), `${example}: ${option}`).toContain(option);
      }
    }
  });
});
