/**
 * Terminal styling. Whether to colour, first answer wins: `--color` / `--no-color`; `FORCE_COLOR`
 * (as chalk and eslint read it: `0` or `false` off; empty, `1`, `2`, `3` or `true` on); `NO_COLOR`
 * (set and not empty: off); otherwise colour exactly when the stream is a terminal.
 */
export interface Style {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const colours: Style = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  cyan: wrap(36, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};
const plain: Style = { red: String, yellow: String, blue: String, cyan: String, dim: String, bold: String };

/** FORCE_COLOR's verdict, or undefined when it is unset or says nothing we understand. */
function forcedColour(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const setting = value.trim().toLowerCase();
  if (setting === "0" || setting === "false") return false;
  if (setting === "" || setting === "true" || /^[123]$/.test(setting)) return true;
  return undefined;
}

export function useColour(stream: { isTTY?: boolean }, choice?: boolean, env = process.env): boolean {
  if (choice !== undefined) return choice;
  const forced = forcedColour(env.FORCE_COLOR);
  if (forced !== undefined) return forced;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}

/** `choice` is the command line's `--color` (true) or `--no-color` (false); undefined when neither was given. */
export function styleFor(stream: NodeJS.WriteStream, choice?: boolean): Style {
  return useColour(stream, choice) ? colours : plain;
}
