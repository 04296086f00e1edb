import { describe, expect, it } from "vitest";
import { compareSemver, matchesTagGrammar, parseRegistryTag } from "../src/registry/tag-names.js";

describe("GTO tag grammar", () => {
  const cases: [string, unknown][] = [
    ["fuel@v1.4.0", { model: "fuel", action: "register", version: "v1.4.0" }],
    ["fuel@v1.4.0!", { model: "fuel", action: "deregister", version: "v1.4.0" }],
    ["fuel@v2.0.0-rc.1+build.5", { action: "register", version: "v2.0.0-rc.1+build.5" }],
    ["fuel#prod#7", { model: "fuel", action: "assign", stage: "prod", counter: 7 }],
    ["fuel#prod!#8", { action: "unassign", stage: "prod", counter: 8 }],
    ["fuel#prod", { action: "assign", stage: "prod" }],
    ["fuel@deprecated#9", { action: "deprecate", counter: 9 }],
    ["models/fuel-efficiency@v1.0.0", { model: "models/fuel-efficiency", version: "v1.0.0" }],
    ["dir/sub=fuel#staging#2", { model: "dir/sub:fuel", stage: "staging", counter: 2 }],
    ["fuel@created", undefined],
    ["v1.2.3", undefined],
    ["fuel@1.2.3", undefined],
    ["fuel@v1.2", undefined],
    ["fuel@v01.2.3", undefined],
    ["-fuel@v1.0.0", undefined],
    ["fuel-@v1.0.0", undefined],
    ["fuel#prod#x", undefined],
    ["fuel#-prod#1", undefined],
    ["fuel#prod#1#2", undefined],
    ["fuel@v1.0.0#stage", undefined],
    ["@v1.0.0", undefined],
    ["release-2024", undefined],
  ];
  it.each(cases)("parses %s", (tag, expected) => {
    const parsed = parseRegistryTag(tag);
    if (expected === undefined) expect(parsed).toBeUndefined();
    else expect(parsed).toMatchObject(expected as object);
    // The fast parser and the one-expression grammar agree (`@created` is grammar but carries no state).
    if (tag !== "fuel@created") expect(parsed !== undefined).toBe(matchesTagGrammar(tag));
  });

  it("orders versions by semantic-version precedence, not as text", () => {
    const sorted = [
      "v1.10.0",
      "v1.2.0",
      "v1.2.0-rc.1",
      "v1.2.0-alpha",
      "v2.0.0",
      "v1.2.0-rc.10",
      "v1.2.0-rc.2",
    ].sort(compareSemver);
    expect(sorted).toEqual([
      "v1.2.0-alpha",
      "v1.2.0-rc.1",
      "v1.2.0-rc.2",
      "v1.2.0-rc.10",
      "v1.2.0",
      "v1.10.0",
      "v2.0.0",
    ]);
  });
});
