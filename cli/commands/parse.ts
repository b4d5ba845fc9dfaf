/** `cchc parse` — placeholder until its issue lands; replaced by the real command. */
import { UsageError } from "../../shared/errors.js";
import type { CliIo } from "../io.js";

/** Not implemented yet. */
export async function run(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError("Lệnh \"parse\" chưa có trong phiên bản này.");
}
