// Splits the Auto MPG data: cars up to `split_year` are divided into train and test with a seeded
// shuffle; later cars are kept apart as the "future production data" monitoring meets later.
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

function shuffled(rows, seed) {
  const random = mulberry32(seed);
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function write(path, rows) {
  mkdirSync("data", { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(rows, null, 0).replaceAll("},{", "},\n{")}\n`);
  renameSync(`${path}.tmp`, path);
}

const cars = JSON.parse(readFileSync("../../data/cars.json", "utf8"))
  .filter((c) => c.Miles_per_Gallon !== null)
  .map((c) => ({
    name: c.Name,
    mpg: c.Miles_per_Gallon,
    cylinders: c.Cylinders,
    displacement: c.Displacement,
    horsepower: c.Horsepower,
    weight: c.Weight_in_lbs,
    acceleration: c.Acceleration,
    model_year: Number(c.Year.slice(0, 4)),
    origin: c.Origin,
  }));

// Labelled production rows (data/cars-recent.json, refreshed by the retrain workflow) join the
// historic cars: a retrained model learns from what production has seen. Empty, it changes nothing.
const recent = JSON.parse(readFileSync("../../data/cars-recent.json", "utf8")).filter((c) => c.mpg !== null);
const past = shuffled([...cars.filter((c) => c.model_year <= params.split_year), ...recent], params.seed);
const testCount = Math.round(past.length * params.test_fraction);
write("data/test.json", past.slice(0, testCount));
write("data/train.json", past.slice(testCount));
write(
  "data/future.json",
  cars.filter((c) => c.model_year > params.split_year),
);
console.log(
  `train ${past.length - testCount} rows, test ${testCount} (${recent.length} recent), future ${cars.length - past.length + recent.length}`,
);
