/** Terminal styling: colour only when writing to a terminal and never with NO_COLOR or --no-color. */
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

export function styleFor(stream: NodeJS.WriteStream, enabled: boolean): Style {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  return enabled && !noColor && stream.isTTY === true ? colours : plain;
}
