// Renames the penguins columns to snake_case and makes a seeded split, stratified by species so
// every class is represented in the test rows in proportion.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const params = parse(readFileSync("params.yaml", "utf8")).prepare;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function write(path, rows) {
  mkdirSync("data", { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(rows).replaceAll("},{", "},\n{")}\n`);
  renameSync(`${path}.tmp`, path);
}

const penguins = JSON.parse(readFileSync("../../data/penguins.json", "utf8"))
  .filter((p) => p.Species !== null)
  .map((p) => ({
    species: p.Species,
    island: p.Island,
    beak_length_mm: p["Beak Length (mm)"],
    beak_depth_mm: p["Beak Depth (mm)"],
    flipper_length_mm: p["Flipper Length (mm)"],
    body_mass_g: p["Body Mass (g)"],
    // The source writes a few unknown sexes as "." — the same as missing.
    sex: p.Sex === null || p.Sex === "." ? null : p.Sex,
  }));

const random = mulberry32(params.seed);
const train = [];
const test = [];
for (const species of [...new Set(penguins.map((p) => p.species))].sort()) {
  const rows = penguins.filter((p) => p.species === species);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const testCount = Math.round(rows.length * params.test_fraction);
  test.push(...rows.slice(0, testCount));
  train.push(...rows.slice(testCount));
}
write("data/train.json", train);
write("data/test.json", test);
console.log(`train ${train.length} rows, test ${test.length}`);
