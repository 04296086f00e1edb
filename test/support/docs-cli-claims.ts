import type { Command, Option } from "commander";
import { isMap, isScalar, LineCounter, parseAllDocuments } from "yaml";

/**
 * What the docs say about the CLI, checked against the CLI itself: every `mlops …` invocation in a
 * markdown file (code blocks and inline code) must name commands the commander program has and
 * flags those commands (or the program's global options) accept, and every remote URL the docs give
 * (`mlops remote add NAME URL`, `remotes:` in a YAML block) must be one the remote parser opens.
 */

export interface Invocation {
  /** 1-based line in the markdown file. */
  line: number;
  /** The words after `mlops`, up to the end of the shell command. */
  words: string[];
  text: string;
}

export interface RemoteClaim {
  line: number;
  url: string;
  text: string;
}

export interface Claims {
  invocations: Invocation[];
  remotes: RemoteClaim[];
}

// A word of a shell command: a quoted string or a run of non-blank characters.
const WORD = /"[^"]*"|'[^']*'|[^\s"']+/g;
const SHELL_END = new Set(["|", "||", "&&", ";", "&", ">", ">>", "<", "2>", "2>&1", ")", "#"]);

function unquote(word: string): string {
  return /^(["']).*\1$/.test(word) ? word.slice(1, -1) : word;
}

/** The invocations of `mlops` in one line of shell (or YAML holding shell), with their words. */
function invocationsIn(text: string, line: number): Invocation[] {
  const out: Invocation[] = [];
  // `mlops` where a command starts: line start, after a blank, `(`, `;`, `|`, `&`, a backtick or `$(`.
  const starts = /(?:^|[\s(;|&`])mlops(?=\s|$)/g;
  for (const m of text.matchAll(starts)) {
    const rest = text.slice((m.index ?? 0) + m[0].length);
    const words: string[] = [];
    for (const w of rest.match(WORD) ?? []) {
      if (SHELL_END.has(w) || w.startsWith("#") || w.startsWith(")") || w.startsWith(">")) break;
      words.push(unquote(w.replace(/[);]+$/, "")));
      if (/[);]$/.test(w)) break;
    }
    out.push({ line, words, text: `mlops ${words.join(" ")}`.trim() });
  }
  return out;
}

/** Every `mlops` invocation and remote URL in a markdown text. */
export function findCliClaims(markdown: string): Claims {
  const invocations: Invocation[] = [];
  const remotes: RemoteClaim[] = [];
  const lines = markdown.split("\n");
  let fence: { marker: string; lang: string; start: number; body: string[] } | undefined;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const fenceMatch = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(raw);
    if (fence) {
      if (fenceMatch?.[1]?.startsWith(fence.marker)) {
        if (/^ya?ml$/.test(fence.lang))
          remotes.push(...remotesInYaml(fence.body.join("\n"), fence.start + 1));
        fence = undefined;
        return;
      }
      fence.body.push(raw);
      invocations.push(...invocationsIn(raw.replace(/^\s*\$\s+/, ""), line));
      return;
    }
    if (fenceMatch) {
      fence = {
        marker: fenceMatch[1] as string,
        lang: (fenceMatch[2] ?? "").toLowerCase(),
        start: line,
        body: [],
      };
      return;
    }
    // Inline code spans; the CLI reference's headings (`mlops run [options] [targets...]`) included.
    for (const span of raw.matchAll(/(`+)(.+?)\1/g))
      invocations.push(...invocationsIn(span[2] as string, line));
  });
  for (const inv of invocations) {
    const [group, verb, , url] = inv.words;
    if (group === "remote" && verb === "add" && url !== undefined && !isPlaceholder(url)) {
      remotes.push({ line: inv.line, url, text: inv.text });
    }
  }
  return { invocations, remotes };
}

function remotesInYaml(text: string, firstLine: number): RemoteClaim[] {
  const out: RemoteClaim[] = [];
  const lineCounter = new LineCounter();
  for (const doc of parseAllDocuments(text, { lineCounter })) {
    if (!("errors" in doc) || doc.errors.length > 0) continue;
    const remotes = doc.get("remotes", true);
    if (!isMap(remotes)) continue;
    for (const pair of remotes.items) {
      const url = isMap(pair.value) ? pair.value.get("url", true) : undefined;
      if (isScalar(url) && typeof url.value === "string") {
        const line = firstLine + lineCounter.linePos(url.range?.[0] ?? 0).line - 1;
        out.push({
          line,
          url: url.value,
          text: `remotes.${String(isScalar(pair.key) ? pair.key.value : pair.key)}.url: ${url.value}`,
        });
      }
    }
  }
  return out;
}

/** `<name>`, `[options]`, `NAME`, `…`, `...`: a stand-in, not a word the CLI would see. */
function isPlaceholder(word: string): boolean {
  return (
    /^[<[]/.test(word) || /^(\.\.\.|…)$/.test(word) || /^[A-Z][A-Z0-9_-]*$/.test(word) || word.includes("…")
  );
}

function optionNamed(options: readonly Option[], flag: string): Option | undefined {
  return options.find((o) => o.long === flag || o.short === flag);
}

/**
 * The false claims among `invocations`, each as `line: what is wrong`: a command the program lacks
 * or a flag the command does not take. Flags are looked up on the command and every command above
 * it (the program's global options); `-h`/`--help` are always there.
 */
export function checkInvocations(program: Command, invocations: readonly Invocation[]): string[] {
  const problems: string[] = [];
  for (const inv of invocations) {
    let command = program;
    const path = ["mlops"];
    const scopes: Command[] = [program];
    let leaf = command.commands.length === 0;
    for (let i = 0; i < inv.words.length; i++) {
      const word = inv.words[i] as string;
      if (isPlaceholder(word)) {
        if (!leaf && /^[<[]/.test(word) && !/^\[?options\]?$/.test(word.replace(/[<>]/g, ""))) leaf = true;
        continue;
      }
      if (word.startsWith("-") && word !== "-") {
        const flag = word.split("=")[0] as string;
        if (flag === "--help" || flag === "-h" || flag === "--") continue;
        // Combined short flags (`-qv`) are each a flag.
        const flags = /^-[a-zA-Z]{2,}$/.test(flag) ? [...flag.slice(1)].map((c) => `-${c}`) : [flag];
        for (const f of flags) {
          const option = scopes.map((c) => optionNamed(c.options, f)).find(Boolean);
          if (!option) {
            problems.push(`${inv.line}: \`${inv.text}\`: ${path.join(" ")} has no option ${f}`);
          } else if ((option.required || option.optional) && !word.includes("=") && flags.length === 1) {
            i++; // its value
          }
        }
        continue;
      }
      if (leaf) continue; // an argument
      const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
      if (!sub) {
        if (command.registeredArguments.length > 0) {
          leaf = true;
          continue;
        }
        problems.push(`${inv.line}: \`${inv.text}\`: ${path.join(" ")} has no command '${word}'`);
        break;
      }
      command = sub;
      path.push(word);
      scopes.push(sub);
      leaf = sub.commands.length === 0;
    }
  }
  return problems;
}

/** The false claims among `remotes`: URLs `open` (the remote parser) refuses, with its reason. */
export function checkRemotes(remotes: readonly RemoteClaim[], open: (url: string) => void): string[] {
  const problems: string[] = [];
  for (const r of remotes) {
    try {
      open(r.url);
    } catch (err) {
      problems.push(
        `${r.line}: \`${r.text}\`: the remote parser refuses '${r.url}': ${(err as Error).message}`,
      );
    }
  }
  return problems;
}
