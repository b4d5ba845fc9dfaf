/** Summary: reporting periods with the legal cut-off, evaluation, the quarterly summary and the quarter close. */
export * from "./close.js";
export * from "./evaluate.js";
export * from "./periods.js";
export * from "./styles.js";
export * from "./summarise.js";
export * from "./summary-sheet.js";
