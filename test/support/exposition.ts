/**
 * The samples of a Prometheus text exposition (format 0.0.4), for tests that read a server's
 * /metrics: every `name{label="value",…} value [timestamp]` line, with label values unescaped
 * (\\, \" and \n). Comment lines give the metric families (`# TYPE name type`).
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  samples: Sample[];
  /** Family name → type, from the `# TYPE` lines. */
  types: Map<string, string>;
}

const namePattern = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const labelNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function parseValue(text: string, line: string): number {
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  if (text === "NaN") return Number.NaN;
  const value = Number(text);
  if (text === "" || Number.isNaN(value)) throw new Error(`not a sample value: ${JSON.stringify(line)}`);
  return value;
}

/** Parses one sample line; throws naming the line when it is not one. */
export function parseSampleLine(line: string): Sample {
  const name = namePattern.exec(line)?.[0];
  if (!name) throw new Error(`no metric name: ${JSON.stringify(line)}`);
  let i = name.length;
  const labels: Record<string, string> = {};
  if (line[i] === "{") {
    i++;
    while (line[i] !== "}") {
      if (i >= line.length) throw new Error(`unclosed labels: ${JSON.stringify(line)}`);
      const label = labelNamePattern.exec(line.slice(i))?.[0];
      if (!label || line[i + label.length] !== "=" || line[i + label.length + 1] !== '"') {
        throw new Error(`bad label at ${i}: ${JSON.stringify(line)}`);
      }
      i += label.length + 2;
      let value = "";
      for (;;) {
        const c = line[i];
        if (c === undefined) throw new Error(`unclosed label value: ${JSON.stringify(line)}`);
        i++;
        if (c === '"') break;
        if (c === "\\") {
          const e = line[i];
          i++;
          if (e === "n") value += "\n";
          else if (e === "\\" || e === '"') value += e;
          else throw new Error(`bad escape in label value: ${JSON.stringify(line)}`);
        } else value += c;
      }
      labels[label] = value;
      if (line[i] === ",") i++;
      else if (line[i] !== "}") throw new Error(`expected , or } at ${i}: ${JSON.stringify(line)}`);
    }
    i++;
  }
  if (line[i] !== " ") throw new Error(`expected a space before the value: ${JSON.stringify(line)}`);
  const [value, timestamp, ...rest] = line.slice(i + 1).split(" ");
  if (rest.length > 0 || (timestamp !== undefined && !/^-?\d+$/.test(timestamp))) {
    throw new Error(`trailing text: ${JSON.stringify(line)}`);
  }
  return { name, labels, value: parseValue(value ?? "", line) };
}

export function parseExposition(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (line.startsWith("#")) {
      const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)$/.exec(line);
      if (type) types.set(type[1] as string, type[2] as string);
      continue;
    }
    samples.push(parseSampleLine(line));
  }
  return { samples, types };
}

/** The value of the one sample named `name` whose labels include `labels`; throws when not one. */
export function sampleValue(
  exposition: Exposition,
  name: string,
  labels: Record<string, string> = {},
): number {
  const found = exposition.samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length !== 1) {
    throw new Error(`${found.length} samples of ${name}${JSON.stringify(labels)}, expected exactly one`);
  }
  return (found[0] as Sample).value;
}
