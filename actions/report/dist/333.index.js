export const id = 333;
export const ids = [333];
export const modules = {

/***/ 333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  numericColumn: () => (/* reexport */ numericColumn),
  readTable: () => (/* reexport */ readTable)
});

// UNUSED EXPORTS: stringColumn

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/table/read.js



function parseCsvLine(line) {
    const cells = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
            if (ch === '"' && line[i + 1] === '"') {
                cell += '"';
                i++;
            }
            else if (ch === '"')
                quoted = false;
            else
                cell += ch;
        }
        else if (ch === '"')
            quoted = true;
        else if (ch === ",") {
            cells.push(cell);
            cell = "";
        }
        else
            cell += ch;
    }
    cells.push(cell);
    return cells;
}
function csvCell(text) {
    if (text === "" || text === "NA" || text === "null")
        return null;
    const n = Number(text);
    return Number.isFinite(n) && /^\s*[-+]?(\d|\.\d)/.test(text) ? n : text;
}
function fromCsv(file, text) {
    const lines = text.split(/\r?\n/).filter((l) => l !== "");
    const header = lines[0];
    if (header === undefined)
        throw new errors/* MlopsError */.IC("invalid-file", "empty CSV file", { file, expected: "a header line" });
    const columns = parseCsvLine(header);
    const rows = lines.slice(1).map((line, i) => {
        const cells = parseCsvLine(line);
        if (cells.length !== columns.length) {
            throw new errors/* MlopsError */.IC("invalid-file", `expected ${columns.length} cells, got ${cells.length}`, {
                file,
                line: i + 2,
            });
        }
        const row = {};
        columns.forEach((c, j) => {
            row[c] = csvCell(cells[j] ?? "");
        });
        return row;
    });
    return { file, columns, rows };
}
function fromRecords(file, records) {
    const columns = [];
    const seen = new Set();
    records.forEach((record, i) => {
        if (record === null || typeof record !== "object" || Array.isArray(record)) {
            throw new errors/* MlopsError */.IC("invalid-file", "expected every row to be an object of column values", {
                file,
                field: `[${i}]`,
                got: JSON.stringify(record)?.slice(0, 60),
            });
        }
        for (const key of Object.keys(record)) {
            if (!seen.has(key)) {
                seen.add(key);
                columns.push(key);
            }
        }
    });
    return { file, columns, rows: records };
}
/** Reads a JSON array of row objects, JSON lines (`.jsonl`, `.ndjson`) or CSV with a header. */
async function readTable(path, display = path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, "utf8");
    }
    catch {
        throw new errors/* MlopsError */.IC("not-found", "data file not found", { file: display });
    }
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    if (ext === ".csv")
        return fromCsv(display, text);
    if (ext === ".jsonl" || ext === ".ndjson") {
        const records = text
            .split("\n")
            .map((l, i) => ({ l, i }))
            .filter(({ l }) => l.trim() !== "")
            .map(({ l, i }) => {
            try {
                return JSON.parse(l);
            }
            catch {
                throw new errors/* MlopsError */.IC("invalid-file", "not valid JSON", { file: display, line: i + 1 });
            }
        });
        return fromRecords(display, records);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* MlopsError */.IC("invalid-file", `not valid JSON: ${err.message}`, {
            file: display,
            expected: "a JSON array of row objects, JSON lines (.jsonl) or CSV (.csv)",
        });
    }
    if (!Array.isArray(parsed)) {
        throw new errors/* MlopsError */.IC("invalid-file", "expected a JSON array of row objects", { file: display });
    }
    return fromRecords(display, parsed);
}
/** A column as numbers, NaN for missing; anything else that is not a number is an error. */
function numericColumn(table, column) {
    if (!table.columns.includes(column)) {
        throw new errors/* MlopsError */.IC("invalid-file", `no column '${column}'`, {
            file: table.file,
            expected: `one of: ${table.columns.join(", ")}`,
        });
    }
    const rows = table.rows;
    const out = new Float64Array(rows.length);
    // A plain loop: this runs once per column per evaluation, over every row.
    for (let i = 0; i < rows.length; i++) {
        const v = rows[i][column];
        if (typeof v === "number")
            out[i] = v;
        else if (v === null || v === undefined)
            out[i] = Number.NaN;
        else if (typeof v === "boolean")
            out[i] = v ? 1 : 0;
        else {
            throw new errors/* MlopsError */.IC("invalid-file", `column '${column}' holds a non-number`, {
                file: table.file,
                field: `[${i}].${column}`,
                expected: "a number or null",
                got: JSON.stringify(v),
            });
        }
    }
    return out;
}
/** A column as strings, null for missing (numbers become their text). */
function stringColumn(table, column) {
    if (!table.columns.includes(column)) {
        throw new MlopsError("invalid-file", `no column '${column}'`, {
            file: table.file,
            expected: `one of: ${table.columns.join(", ")}`,
        });
    }
    return table.rows.map((row) => {
        const v = row[column];
        return v === null || v === undefined ? null : String(v);
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/table/index.js



/***/ })

};
