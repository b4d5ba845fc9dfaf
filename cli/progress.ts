/**
 * A progress bar on stderr for long batch commands (cchc merge over thousands of files). Drawn only when stderr is a
 * terminal (io.errIsTty): piped or redirected output, and tests, get no control characters at all.
 */
import type { CliIo } from "./io.js";

/** A running progress bar. */
export interface Progress {
  /** Sets how many of the items are done (redrawn at most every 100 ms, and at the end). */
  update(done: number): void;
  /** Clears the bar's line. */
  end(): void;
}

const WIDTH = 30;
const INTERVAL_MS = 100;

/** Starts a progress bar for `total` items; `label(done, total)` is the text in front of the bar. */
export function createProgress(io: CliIo, total: number, label: (done: number, total: number) => string): Progress {
  if (!io.errIsTty || total <= 0) return { update: () => {}, end: () => {} };
  let last = 0;
  let drawn = false;
  const draw = (done: number) => {
    const ratio = Math.min(1, Math.max(0, done / total));
    const filled = Math.round(ratio * WIDTH);
    const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
    io.err(`\r${label(done, total)} ${bar} ${String(Math.round(ratio * 100)).padStart(3)}%\u001b[K`);
    drawn = true;
  };
  return {
    update(done: number) {
      const now = Date.now();
      if (done < total && now - last < INTERVAL_MS) return;
      last = now;
      draw(done);
    },
    end() {
      if (drawn) io.err("\r\u001b[K");
      drawn = false;
    },
  };
}
