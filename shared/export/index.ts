/** Export: the quarterly report tables as data (layouts) and their xlsx, csv and docx renderings. */
export * from "./data.js";
export * from "./layouts.js";
export * from "./table.js";
export * from "./csv.js";
export * from "./xlsx.js";
export * from "./docx.js";
