/** Entries: reading trackers from any host's Grid, checking them, and the status command's cell writes. */
export * from "./a1.js";
export * from "./apply-status.js";
export * from "./check-sheet.js";
export * from "./checksum.js";
export * from "./dates.js";
export * from "./formula-guard.js";
export * from "./meta.js";
export * from "./normalize.js";
export * from "./read.js";
export * from "./schema.js";
export * from "./task-table.js";
export type { Grid, GridSheet, GridValue } from "./grid.js";
