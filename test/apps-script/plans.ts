/** Plan texts for the Apps Script tests: the seeds, and seed 003's task table stretched to any number of tasks. */
import { readFileSync } from "node:fs";
import path from "node:path";

const SEEDS = path.resolve(import.meta.dirname, "../../seeds");

/** A seed plan's text. */
export function seedText(prefix: string): string {
  const file = ["000_6179fdf5309b29e6.txt", "001_e08ca05127985b31.txt", "002_169211afdee7665e.txt", "003_db0447c41af15103.txt", "004_0deebdd1aa5ed513.txt"].find((f) =>
    f.startsWith(prefix),
  )!;
  return readFileSync(path.join(SEEDS, file), "utf8");
}

/**
 * Seed 003 (xã An Khánh) with its appendix table replaced by `n` tasks that cycle through the seed's own rows: the same
 * units, areas and deadlines whatever `n`, so two sizes differ only in their number of tasks.
 */
export function planWithTasks(n: number): string {
  const lines = seedText("003").split("\n");
  const isRow = (l: string) => /^\d+\t/.test(l);
  const isHeader = (l: string) => /^(<b>)?Số TT/.test(l);
  const rows = lines.filter(isRow).map((l) => l.slice(l.indexOf("\t") + 1));
  const first = lines.findIndex(isHeader);
  let last = first;
  for (let i = first; i < lines.length; i++) if (isRow(lines[i]!) || isHeader(lines[i]!) || lines[i]!.trim() === "") last = i;
  else break;
  const table = Array.from({ length: n }, (_, i) => `${i + 1}\t${rows[i % rows.length]}`);
  return [...lines.slice(0, first + 1), ...table, "", ...lines.slice(last + 1)].join("\n");
}
