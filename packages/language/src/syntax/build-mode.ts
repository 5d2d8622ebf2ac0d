/**
 * Chevrotain validates a grammar and a lexer definition when they are built: worth it while
 * developing and testing (that is where ensureOptimizations proves the lexer), but a third of a
 * cold `sla check`. The esbuild bundles define `__SLA_BUNDLED__`, the tests do not.
 */
declare const __SLA_BUNDLED__: boolean | undefined;

export const SKIP_GRAMMAR_VALIDATION = typeof __SLA_BUNDLED__ !== "undefined" && __SLA_BUNDLED__ === true;
