/** The part of picomatch 4 the CLI uses (the package ships no types). */
declare module "picomatch" {
  interface PicomatchOptions {
    dot?: boolean;
    nocase?: boolean;
    /** POSIX brackets: `[!x]` negates, `[[:alpha:]]` is a class (otherwise `[!x]` matches `!` or `x`). */
    posix?: boolean;
  }
  interface ScanResult {
    base: string;
    glob: string;
    isGlob: boolean;
  }
  interface Picomatch {
    (glob: string | string[], options?: PicomatchOptions): (path: string) => boolean;
    scan(input: string): ScanResult;
  }
  const picomatch: Picomatch;
  export default picomatch;
}
