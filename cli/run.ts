/** Dispatches `cchc <command> …` to the command modules and turns errors into exit codes (0 ok, 1 findings, 2 unusable). */
import { UnusableInputError, UsageError } from "../shared/errors.js";
import { commonMessages as M } from "../shared/messages/index.js";
import { removeTempFiles, removeTempFilesSync } from "./files.js";
import type { CliIo } from "./io.js";
import { errorDocument, errorText, jsonIo, wantsJson } from "./output.js";

/** A command: takes its own arguments, returns the exit code. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, () => Promise<{ run: Command }>> = {
  parse: () => import("./commands/parse.js"),
  init: () => import("./commands/init.js"),
  check: () => import("./commands/check.js"),
  summary: () => import("./commands/summary.js"),
  merge: () => import("./commands/merge.js"),
  export: () => import("./commands/export.js"),
  derive: () => import("./commands/derive.js"),
};

/** The run in progress (one per process), so a signal can still print its error document. */
let active: { io: CliIo; json: ReturnType<typeof jsonIo> | null } | null = null;

/** Runs one cchc invocation; never throws. With `--json`, stdout gets exactly one JSON document. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = wantsJson(rest) ? jsonIo(io) : null;
  const cmdIo = json ?? io;
  active = { io, json };
  try {
    if (!name || name === "--help" || name === "-h" || name === "help") {
      io.out(M.usage + "\n");
      return name ? 0 : 2;
    }
    if (name === "--json") {
      jsonIo(io).json(errorDocument(new UsageError(M.usage)));
      return 2;
    }
    const load = commands[name];
    if (!load) {
      if (json) json.json(errorDocument(new UsageError(M.unknownCommand(name))));
      io.err(`${M.errorPrefix}: ${M.unknownCommand(name)}\n${M.usage}\n`);
      return 2;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      if (json) json.json({ usage: M.usage });
      else io.out(M.usage + "\n");
      return 0;
    }
    const { run } = await load();
    return await run(rest, cmdIo);
  } catch (error) {
    await removeTempFiles();
    return reportError(error, cmdIo, json);
  } finally {
    active = null;
  }
}

/**
 * Prints an error without a stack trace (unless CCHC_DEBUG is set) and returns exit code 2; on a `--json` run that
 * has not printed its document yet, the error document goes to stdout.
 */
export function reportError(error: unknown, io: CliIo, json: ReturnType<typeof jsonIo> | null = null): number {
  io.err(errorText(error) + "\n");
  if (json && !json.emitted()) json.json(errorDocument(error));
  if (process.env.CCHC_DEBUG && error instanceof Error && error.stack) io.err(error.stack + "\n");
  return 2;
}

/**
 * Ends the process on SIGINT/SIGTERM: removes the temporary files of outputs being written (the previous outputs stay
 * whole: they are replaced only by a rename), prints why, and on a `--json` run the error document.
 */
export function interrupt(signal: NodeJS.Signals): void {
  removeTempFilesSync();
  const error = new UnusableInputError(M.interrupted(signal), {}, undefined, "interrupted");
  if (active) {
    active.io.err(errorText(error) + "\n");
    if (active.json && !active.json.emitted()) active.json.json(errorDocument(error));
  }
  process.exit(signal === "SIGINT" ? 130 : 143);
}

