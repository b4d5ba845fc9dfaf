/** The plan reader's public entry points. PLACEHOLDER bodies — implemented by the plan-reader work. */
import { UnusableInputError } from "../errors.js";
import type { Plan } from "./schema.js";

export * from "./schema.js";

/** Options for reading a plan: the file name shown in messages. */
export interface ParseOptions {
  fileName?: string;
}

/** Reads a plan from text (layout text, Markdown with tables, bullet plan). Throws UnusableInputError when there is no plan. */
export function parsePlanText(_text: string, opts: ParseOptions = {}): Plan {
  throw new UnusableInputError("Chưa hỗ trợ đọc kế hoạch.", { file: opts.fileName });
}

/** Reads a plan from a file's bytes, choosing the reader by extension (.txt/.md/.docx/.pdf/.xlsx). */
export async function parsePlanBytes(bytes: Uint8Array, fileName: string): Promise<Plan> {
  const text = new TextDecoder("utf-8").decode(bytes);
  return parsePlanText(text, { fileName });
}
