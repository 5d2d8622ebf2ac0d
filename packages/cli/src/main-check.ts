/**
 * `sla check` alone: the bundle bin/sla.cjs starts when the first argument is `check`, so a check
 * reads, compiles and sets up none of the other commands' code (the compiler, the engine, the
 * server, their dependencies), about two thirds of the full bundle. main.ts registers only `check`
 * for the same arguments, so the two behave alike (test/start-up.test.ts compares them).
 */
import { CHECK, runCli } from "./program.ts";

runCli(process.argv, CHECK);
