/** Merge: many units' trackers → the province roll-up and the province workbook. */
export * from "./schema.js";
export * from "./rollup.js";
export * from "./province-workbook.js";
export * from "./province-read.js";
export * from "./read-input.js";
