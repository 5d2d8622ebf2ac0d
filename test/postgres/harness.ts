/**
 * A throwaway PostgreSQL server for tests: `initdb` makes a cluster in a temporary folder,
 * `pg_ctl` starts `postgres` listening only on a Unix socket in that folder (no TCP port, so
 * parallel runs never collide), and `stop()` kills it (`-m immediate`) and removes the folder.
 * Statements go through `psql` (query results as COPY CSV), the client a user runs the exported SQL with.
 *
 * The binaries are found under /usr/lib/postgresql/<version>/bin (Debian's `postgresql`
 * package; `.ci/run` installs it), the newest version first, or in `$PG_BIN`. PostgreSQL refuses
 * to run as root: as root the server runs as the `postgres` user (or `nobody`), which then owns
 * the temporary folder.
 */
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

const INSTALL_ROOT = "/usr/lib/postgresql";

/** The folder holding `initdb`, `pg_ctl` and `postgres`, or undefined when PostgreSQL is not installed. */
export function postgresBinaries(): string | undefined {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync(INSTALL_ROOT)
      ? readdirSync(INSTALL_ROOT)
          .filter((v) => /^\d+(\.\d+)?$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => join(INSTALL_ROOT, v, "bin"))
      : [];
  return candidates.find((dir) => ["initdb", "pg_ctl", "postgres"].every((b) => existsSync(join(dir, b))));
}

/** Why the PostgreSQL tests are skipped, for the test's name; undefined when they can run. */
export function postgresMissing(): string | undefined {
  if (postgresBinaries() !== undefined) return undefined;
  return `SKIPPED: PostgreSQL binaries not found under ${INSTALL_ROOT}/*/bin (or $PG_BIN); install Debian's postgresql package`;
}

export type Row = Record<string, string | null>;

export interface PostgresServer {
  /** psql's connection options for this server and database (socket folder, user, database). */
  readonly connection: string[];
  /** The server's version, e.g. "15.18". */
  readonly version: string;
  /** The rows of one query, every value as text (exactly as PostgreSQL writes it) or null. */
  query(select: string): Row[];
  /** Runs `psql` with these arguments after the connection options; its standard output. Fails on any SQL error. */
  psql(args: string[], options?: { cwd?: string; input?: string }): string;
  /** Environment variables that point psql (and libpq clients) at this server. */
  readonly env: Record<string, string>;
  stop(): void;
}

interface Identity {
  uid: number;
  gid: number;
}

/** Who runs the server: this process, or an unprivileged user when this process is root. */
function serverIdentity(): Identity | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    const line = readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(":");
      return { uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error("PostgreSQL will not run as root, and there is no postgres or nobody user to run it as");
}

function run(command: string, args: string[], options: { as?: Identity; cwd?: string; input?: string } = {}): string {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    cwd: options.cwd,
    input: options.input,
    ...(options.as ?? {}),
    env: { ...process.env, LC_ALL: "C", PGTZ: "UTC" },
  });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** Makes a cluster, starts it and creates `database`; the caller stops it (afterAll). */
export function startPostgres(database = "sla"): PostgresServer {
  const bin = postgresBinaries();
  if (bin === undefined) throw new Error(postgresMissing());
  const as = serverIdentity();
  const dir = mkdtempSync(join(tmpdir(), "sla-pg-"));
  let running = false;
  const data = join(dir, "data");
  const stop = () => {
    if (running) {
      running = false;
      try {
        run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { as });
      } catch {
        // already gone; the folder is removed all the same
      }
    }
    rmSync(dir, { recursive: true, force: true });
    process.off("exit", stop);
  };
  // a test run that dies before afterAll must not leave a server behind
  process.on("exit", stop);
  try {
    if (as) chownSync(dir, as.uid, as.gid);
    run(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "sla", "-E", "UTF8", "--locale=C", "--no-sync"], {
      as,
    });
    // fsync off and a small footprint: a throwaway cluster on a shared machine
    const settings = `-k ${dir} -c listen_addresses= -F -c shared_buffers=16MB -c max_connections=20 -c TimeZone=UTC`;
    run(join(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"], {
      as,
    });
    running = true;
    const psqlBin = existsSync(join(bin, "psql")) ? join(bin, "psql") : "psql";
    const base = ["-h", dir, "-U", "sla", "-X", "-q", "-v", "ON_ERROR_STOP=1"];
    run(psqlBin, [...base, "-d", "postgres", "-c", `CREATE DATABASE ${database}`]);
    const connection = [...base, "-d", database];
    const psql = (args: string[], options: { cwd?: string; input?: string } = {}) =>
      run(psqlBin, [...connection, ...args], options);
    const query = (select: string): Row[] => {
      // COPY's CSV quotes every value and leaves NULL bare, so the two never meet
      const copy = `COPY (${select.trim().replace(/;$/, "")}) TO STDOUT WITH (FORMAT csv, HEADER true, FORCE_QUOTE *)`;
      return parse(psql(["-c", copy]), {
        columns: true,
        cast: (value, context) => (context.header || context.quoting ? value : null),
      }) as Row[];
    };
    const version = query("SELECT current_setting('server_version') AS v")[0].v ?? "";
    return {
      connection,
      version,
      query,
      psql,
      env: { PGHOST: dir, PGUSER: "sla", PGDATABASE: database },
      stop,
    };
  } catch (e) {
    stop();
    throw e;
  }
}
