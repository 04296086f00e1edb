/**
 * The prepare stage a scaffolded pipeline starts with: a dependency-free Node script (the pipeline
 * may live in a repository with no node_modules) that reads the dataset (CSV or JSON), renames the
 * columns to the snake_case names the model's inputs get, types CSV values from the schema, drops
 * rows without a target and writes a seeded train/test split (stratified by class for a classifier).
 */
export interface PreparedColumn {
  /** The column's name in the dataset. */
  from: string;
  /** Its name in the prepared rows and as a model input. */
  to: string;
  kind: "number" | "string";
}

export function prepareScript(options: {
  dataFile: string;
  format: "csv" | "json";
  columns: PreparedColumn[];
  target: string;
  stratify: boolean;
}): string {
  const config = JSON.stringify(
    {
      data: options.dataFile,
      format: options.format,
      columns: options.columns,
      target: options.target,
      stratify: options.stratify,
    },
    null,
    2,
  );
  return `// Written by \`mlops new pipeline\`: renames the dataset's columns to the model's input names, drops
// rows without a target and makes a seeded train/test split. Edit freely; it is yours now.
// usage: node prepare.mjs TEST_FRACTION SEED  (pipeline.yaml passes params.yaml's prepare section)
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const CONFIG = ${config};

const testFraction = Number(process.argv[2]);
const seed = Number(process.argv[3]);
if (!(testFraction > 0 && testFraction < 1) || !Number.isInteger(seed)) {
  console.error("usage: node prepare.mjs TEST_FRACTION SEED (a fraction between 0 and 1, an integer)");
  process.exit(2);
}

function mulberry32(start) {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\\n" || ch === "\\r") {
      if (ch === "\\r" && text[i + 1] === "\\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== "");
  return body.map((r) => Object.fromEntries(header.map((name, k) => [name, r[k] ?? ""])));
}

function typed(value, kind) {
  if (value === null || value === undefined || value === "") return null;
  if (kind === "number") {
    const n = typeof value === "number" ? value : Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return String(value);
}

function write(path, rows) {
  mkdirSync("data", { recursive: true });
  writeFileSync(\`\${path}.tmp\`, \`\${JSON.stringify(rows).replaceAll("},{", "},\\n{")}\\n\`);
  renameSync(\`\${path}.tmp\`, path);
}

const text = readFileSync(CONFIG.data, "utf8");
const source = CONFIG.format === "csv" ? parseCsv(text) : JSON.parse(text);
const rows = source
  .map((record) => Object.fromEntries(CONFIG.columns.map((c) => [c.to, typed(record[c.from], c.kind)])))
  .filter((row) => row[CONFIG.target] !== null);

const random = mulberry32(seed);
const groups = CONFIG.stratify
  ? [...new Set(rows.map((r) => r[CONFIG.target]))].sort().map((v) => rows.filter((r) => r[CONFIG.target] === v))
  : [rows];
const train = [];
const test = [];
for (const group of groups) {
  const shuffled = [...group];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const testCount = Math.round(shuffled.length * testFraction);
  test.push(...shuffled.slice(0, testCount));
  train.push(...shuffled.slice(testCount));
}
write("data/train.json", train);
write("data/test.json", test);
console.log(\`train \${train.length} rows, test \${test.length}\`);
`;
}
