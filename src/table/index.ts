export { type Cell, numericColumn, type Row, readTable, stringColumn, type Table } from "./read.js";
