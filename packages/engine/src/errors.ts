/** A line of observed data that cannot be used; `field` is null when the line is not a record at all. */
export class EventDataError extends Error {
  readonly line: number;
  readonly field: string | null;
  readonly reason: string;
  constructor(line: number, field: string | null, reason: string) {
    super(`line ${line}${field === null ? "" : `, field "${field}"`}: ${reason}`);
    this.name = "EventDataError";
    this.line = line;
    this.field = field;
    this.reason = reason;
  }
}

/** The observed data lacks the charges a fee as charged needs, or gives them in two currencies. */
export class ChargeDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChargeDataError";
  }
}

/** The bundle asks for something the engine cannot evaluate (unknown zone, dangling reference…). */
export class BundleProblemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BundleProblemError";
  }
}

/** The bundle does not match its schema or its limits; `path` is the JSON path of the bad field. */
export class BundleValidationError extends BundleProblemError {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    super(`invalid rule bundle: ${path} ${reason}`);
    this.name = "BundleValidationError";
    this.path = path;
    this.reason = reason;
  }
}

/** The caller's options are wrong (a malformed period, `to` before `from`). */
export class EvaluationOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvaluationOptionsError";
  }
}
