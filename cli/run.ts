/** Dispatches `cchc <command> …` to the command modules and turns errors into exit codes (0 ok, 1 findings, 2 unusable). */
import { UnusableInputError, UsageError, describeLocation } from "../shared/errors.js";
import { commonMessages as M } from "../shared/messages/index.js";
import type { CliIo } from "./io.js";

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

/** Runs one cchc invocation; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(M.usage + "\n");
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.err(M.unknownCommand(name) + "\n" + M.usage + "\n");
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(M.usage + "\n");
    return 0;
  }
  try {
    const { run } = await load();
    return await run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** Prints an error without a stack trace (unless CCHC_DEBUG is set) and returns exit code 2. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${M.errorPrefix}: ${error.message}\n`);
  } else if (error instanceof UnusableInputError) {
    const where = describeLocation(error.location);
    io.err(`${M.errorPrefix}: ${error.message}${where ? ` (${where})` : ""}\n`);
  } else {
    const detail = error instanceof Error ? error.message : String(error);
    io.err(`${M.errorPrefix}: ${M.unexpected(detail)}\n`);
  }
  if (process.env.CCHC_DEBUG && error instanceof Error && error.stack) io.err(error.stack + "\n");
  return 2;
}
