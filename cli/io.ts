/** The command line's window on the world: output streams and whether stderr is a terminal (for progress bars). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is an interactive terminal: progress bars are drawn only then. */
  errIsTty: boolean;
  /** Current time (a parameter so tests can fix it). */
  now: () => Date;
  /** Set on a `--json` run (cli/output.ts jsonIo): prints the run's one JSON document on stdout. */
  json?: (doc: unknown) => void;
}

/** The real process streams. A closed pipe (`cchc parse … | head`) ends output quietly instead of crashing. */
export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    errIsTty: Boolean(process.stderr.isTTY),
    now: () => new Date(),
  };
}

/** Collects output in memory (tests). */
export function memoryIo(now = new Date("2026-11-21T00:00:00Z")): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    errIsTty: false,
    now: () => now,
    out: (t: string) => {
      io.stdout += t;
    },
    err: (t: string) => {
      io.stderr += t;
    },
  };
  return io;
}
