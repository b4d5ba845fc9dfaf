/** Runs the real `cchc` command in a child process (node + tsx on cli/main.ts: no build needed), as a user would. */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ARGS = ["--import", "tsx", path.join(ROOT, "cli/main.ts")];

/** What a finished child gave. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `cchc …args` to the end (a minute at most). */
export function cchc(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): CliRun {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...ARGS, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    timeout: opts.timeout ?? 60_000,
    env: { ...process.env, ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

/** Starts `cchc …args` and sends `signal` after `afterMs`; resolves when it has ended. */
export function cchcKilled(args: string[], signal: NodeJS.Signals, afterMs: number): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...ARGS, ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on("close", (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The one JSON document of a `--json` run's stdout (throws when stdout is anything else). */
export function onlyJson<T = Record<string, unknown>>(run: CliRun): T {
  return JSON.parse(run.stdout) as T;
}
