/** Process entry of the `cchc` command. */
import { processIo } from "./io.js";
import { interrupt, runCli } from "./run.js";

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => interrupt(signal));
process.exitCode = await runCli(process.argv.slice(2), processIo());
