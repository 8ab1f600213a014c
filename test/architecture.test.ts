import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The module walls (DESIGN.md, rules of the house), checked on the source itself: a module is a folder
 * under server/src/modules with an index.ts (nested folders are fine); a file belongs to the nearest such
 * folder above it, so a sub-folder without one is a sub-area of its module (iot/ingest). Tests and test
 * fixtures (`*.test.ts`, `*.test-fixtures.ts`) may reach into other modules and are not looked at.
 * server/src/seed stands outside every module and reaches each through its index.ts (its bulk loader). Imports are read with a regex: `from "…"`, `import "…"` and `import("…")`.
 */

const SRC = path.resolve(import.meta.dirname, "../server/src");
const MODULES = path.join(SRC, "modules");
const PLATFORM = path.join(SRC, "platform");
const SEED = path.join(SRC, "seed");

const rel = (file: string) => path.relative(SRC, file);
const isTestSupport = (file: string) => /\.test\.ts$|\.test-fixtures\.ts$/.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") && !isTestSupport(full) ? [full] : [];
  });
}

/** The module folder a file belongs to (nearest ancestor with an index.ts), or null. */
function moduleOf(file: string): string | null {
  for (let dir = path.dirname(file); dir.startsWith(MODULES) && dir !== MODULES; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "index.ts"))) return dir;
  }
  return null;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"([^"]+)"/g;

/** The relative imports of a file, resolved to the .ts files they name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)]
    .map((m) => m[1])
    .filter((spec) => spec.startsWith("."))
    .map((spec) => {
      const base = path.resolve(path.dirname(file), spec);
      const candidates = [base.replace(/\.js$/, ".ts"), `${base}.ts`, path.join(base, "index.ts")];
      return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
    });
}

const moduleFiles = sourceFiles(MODULES);
const moduleName = (dir: string) => path.relative(MODULES, dir);

/** Names of the tables (pgTable) each file defines. */
const tablesIn = new Map(moduleFiles.map((f) => [f, new Set([...readFileSync(f, "utf8").matchAll(/export const (\w+)\s*=\s*pgTable\(/g)].map((m) => m[1]))]));

/** Every cross-module import of a module file: [file, the module it is in, the imported file, that file's module]. */
const crossImports = moduleFiles.flatMap((file) => {
  const from = moduleOf(file);
  return importsOf(file)
    .filter((target) => target.startsWith(MODULES + path.sep))
    .map((target) => ({ file, from, target, to: moduleOf(target) }))
    .filter((i) => i.from !== i.to);
});

/** Module edges for the cycle check: from each module to the modules it imports. */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const i of crossImports) {
    if (!i.from || !i.to) continue;
    const edges = graph.get(moduleName(i.from)) ?? new Set<string>();
    edges.add(moduleName(i.to));
    graph.set(moduleName(i.from), edges);
  }
  return graph;
}

/** Each cycle once, as the path around it (a → b → a), found by depth-first search. */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  const cycles = new Map<string, string[]>();
  const visit = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      const loop = trail.slice(at);
      const start = loop.indexOf([...loop].sort()[0]);
      const canonical = [...loop.slice(start), ...loop.slice(0, start)];
      cycles.set(canonical.join(" → "), [...canonical, canonical[0]]);
      return;
    }
    for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
  };
  for (const node of graph.keys()) visit(node, []);
  return [...cycles.values()];
}

/** Each rule's violations, as the tests below report them. */
const outsideModules = () => moduleFiles.filter((f) => moduleOf(f) === null).map((f) => `outside any module: ${rel(f)}`);

const pastIndex = () =>
  crossImports.filter((i) => i.to === null || path.basename(i.target) !== "index.ts" || path.dirname(i.target) !== i.to).map((i) => `${rel(i.file)} imports ${rel(i.target)}`);

function tableExports(): string[] {
  return moduleFiles
    .filter((f) => path.basename(f) === "index.ts")
    .flatMap((index) => {
      const text = readFileSync(index, "utf8");
      const found: string[] = [];
      for (const m of text.matchAll(/export\s*\*\s*(?:as\s+\w+\s*)?from\s*"([^"]+)"/g)) {
        const target = path.resolve(path.dirname(index), m[1]).replace(/\.js$/, ".ts");
        if (/pgTable\(/.test(existsSync(target) ? readFileSync(target, "utf8") : "")) found.push(`${rel(index)} re-exports every table of ${rel(target)}`);
      }
      const tables = new Set(moduleFiles.filter((f) => moduleOf(f) === moduleOf(index)).flatMap((f) => [...(tablesIn.get(f) ?? [])]));
      for (const m of text.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)) {
        for (const name of m[1].split(",").map((n) => n.trim().split(/\s+as\s+/)[0].replace(/^type\s+/, ""))) {
          if (tables.has(name)) found.push(`${rel(index)} exports the table ${name}`);
        }
      }
      if (/export const \w+\s*=\s*pgTable\(/.test(text)) found.push(`${rel(index)} defines a table`);
      return found;
    });
}

const cycles = () => cyclesOf(moduleGraph()).map((c) => `cycle: ${c.join(" → ")}`);

/** A folder past this many source files is split: into modules (gas) or into sub-areas of one module (iot). */
const MAX_FILES_PER_FOLDER = 40;

function crowdedFolders(): string[] {
  const counts = new Map<string, number>();
  for (const f of moduleFiles) counts.set(path.dirname(f), (counts.get(path.dirname(f)) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > MAX_FILES_PER_FOLDER).map(([dir, n]) => `${rel(dir)} holds ${n} source files`);
}

/** The seed stands outside every module: what it imports of one is that module's index.ts. */
const seedFiles = sourceFiles(SEED);
const seedPastIndex = () =>
  seedFiles.flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith(MODULES + path.sep))
      .filter((target) => path.basename(target) !== "index.ts" || moduleOf(target) !== path.dirname(target))
      .map((target) => `${rel(file)} imports ${rel(target)}`),
  );

const ruleSwitchedOff = () => [...moduleFiles, ...seedFiles].filter((f) => /eslint-disable[^\n]*no-restricted-imports/.test(readFileSync(f, "utf8"))).map((f) => `disables the import rule: ${rel(f)}`);

const platformImportsModules = () =>
  sourceFiles(PLATFORM).flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith(MODULES + path.sep))
      .map((target) => `${rel(file)} imports ${rel(target)}`),
  );

describe("module walls", () => {
  it("finds the modules, the gas modules one level down", () => {
    const names = new Set(moduleFiles.map(moduleOf).filter((m): m is string => m !== null).map(moduleName));
    for (const m of ["registry", "identity", "iot", "workforce", "cases", "quality", "safety", "testing"]) expect(names).toContain(m);
    expect([...names].filter((n) => n.startsWith("gas/")).length).toBeGreaterThanOrEqual(4);
  });

  it("every module source file lies inside a module (a folder with an index.ts)", () => {
    expect(outsideModules()).toEqual([]);
  });

  it("a module imports another module only through its index.ts", () => {
    expect(pastIndex()).toEqual([]);
  });

  it("no index.ts exports a table: no `export *` of a file with tables, no table named in an export", () => {
    expect(tableExports()).toEqual([]);
  });

  it("no module imports itself back through others (no cycle)", () => {
    expect(cycles()).toEqual([]);
  });

  it("no module or seed file switches the import rule off", () => {
    expect(ruleSwitchedOff()).toEqual([]);
  });

  it("platform/ imports no module", () => {
    expect(platformImportsModules()).toEqual([]);
  });

  it("the seed imports a module only through its index.ts", () => {
    expect(seedPastIndex()).toEqual([]);
  });

  it(`no module folder holds more than ${MAX_FILES_PER_FOLDER} source files`, () => {
    expect(crowdedFolders()).toEqual([]);
  });

  it("the cycle check finds a loop and only once", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(cyclesOf(graph)).toEqual([["a", "b", "c", "a"]]);
    expect(cyclesOf(new Map([["a", new Set(["b"])]]))).toEqual([]);
  });
});

/**
 * The fixed file roles and the module dependency list, as docs/architecture.md states them: the roles are the
 * first column of its "File roles" table, the dependency list the block between its module-deps markers.
 */
const ARCHITECTURE_MD = readFileSync(path.resolve(import.meta.dirname, "../docs/architecture.md"), "utf8");
const documentedRoles = () => {
  const table = ARCHITECTURE_MD.split("## File roles")[1]?.split("\n## ")[0] ?? "";
  return [...table.matchAll(/^\| ((?:`[^`]+`(?:, )?)+) \|/gm)].flatMap((m) => [...m[1].matchAll(/`([^`]+)`/g)].map((r) => r[1]));
};

/** `<entity>.<role>.ts` (entity in kebab-case) or a fixed name (`index.ts`, `schema.ts`); tests are looked at elsewhere. */
function roleless(roles: string[]): string[] {
  const fixed = new Set(roles.filter((r) => r.endsWith(".ts")));
  const suffixes = new Set(roles.map((r) => r.replace(/\.ts$/, "")).filter((r) => r !== "index"));
  return moduleFiles
    .filter((f) => {
      const name = path.basename(f);
      if (fixed.has(name)) return false;
      const m = /^[a-z0-9]+(?:-[a-z0-9]+)*\.([a-z-]+)\.ts$/.exec(name);
      return !m || !suffixes.has(m[1]);
    })
    .map((f) => `no file role: ${rel(f)}`);
}

/** The documented dependency list, as `module → a, b` lines. */
const documentedDeps = () =>
  (/\x3c!-- module-deps:start -->\n```\n([\s\S]*?)```\n\x3c!-- module-deps:end -->/.exec(ARCHITECTURE_MD)?.[1] ?? "")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.replace(/\s+/g, " ").trim());

function actualDeps(): string[] {
  const graph = moduleGraph();
  const names = [...new Set(moduleFiles.map(moduleOf).filter((m): m is string => m !== null).map(moduleName))].sort();
  return names.map((m) => `${m} → ${[...(graph.get(m) ?? [])].sort().join(", ") || "(none)"}`);
}

/** Where a timer may start: sweeps, the long-lived runtime parts and the caches that reload themselves. */
const TIMER_ROLES = /\.(sweeps|runtime|cache)\.ts$/;
const timersElsewhere = () =>
  moduleFiles.filter((f) => !TIMER_ROLES.test(f) && /\b(setInterval|startPeriodic)\(/.test(readFileSync(f, "utf8"))).map((f) => `starts a timer outside a sweeps/runtime/cache file: ${rel(f)}`);

/** The process files that build the app and the ingest process: they start no module's sweeps either. */
const processFiles = ["app.ts", "main.ts", "ingest-main.ts"].map((f) => path.join(SRC, f));

/** A sweeps file's `start…` functions are called from its module's index.ts (iot: its runtime), the one place. */
function sweepsStartedElsewhere(): string[] {
  const starters = moduleFiles
    .filter((f) => f.endsWith(".sweeps.ts"))
    .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/export (?:async )?function (start[A-Z]\w*)/g)].map((m) => ({ file: f, name: m[1] })));
  return starters.flatMap(({ file, name }) =>
    [...moduleFiles, ...processFiles]
      .filter((f) => f !== file && !/\/index\.ts$|\.runtime\.ts$/.test(f) && new RegExp(`\\b${name}\\(`).test(readFileSync(f, "utf8")))
      .map((f) => `${rel(f)} starts ${name} (start sweeps from index.ts)`),
  );
}

/** The registry's key columns (registry.reads.ts): the one target of a foreign key from another module. */
const REGISTRY_KEYS = new Set(["projectKey", "enterpriseKey", "personKey"]);

/** Every `.references(…)` of a module file that names neither one of its own module's tables nor a registry key. */
function foreignKeysOut(): string[] {
  return moduleFiles.flatMap((file) => {
    const own = new Set(moduleFiles.filter((f) => moduleOf(f) === moduleOf(file)).flatMap((f) => [...(tablesIn.get(f) ?? [])]));
    return [...readFileSync(file, "utf8").matchAll(/\.references\(\s*(?:\(\)\s*=>\s*(\w+)\.\w+|(\w+))/g)]
      .filter(([, table, key]) => (table ? !own.has(table) : !REGISTRY_KEYS.has(key)))
      .map(([ref]) => `${rel(file)}: ${ref}`);
  });
}

describe("file roles (docs/architecture.md)", () => {
  it("reads the roles and the dependency list from the doc", () => {
    expect(documentedRoles()).toEqual(expect.arrayContaining(["index.ts", "schema.ts", "service", "queries", "routes", "workflow", "rules", "sweeps"]));
    expect(documentedDeps()).toContain("registry → (none)");
  });

  it("every module source file has one of the allowed roles", () => {
    expect(roleless(documentedRoles())).toEqual([]);
  });

  it("finds a file without a role", () => {
    const all = roleless(["index.ts"]);
    expect(all.length).toBe(moduleFiles.filter((f) => path.basename(f) !== "index.ts").length);
  });

  it("the documented module dependencies are the imports' (edit the list with the import)", () => {
    expect(documentedDeps(), "docs/architecture.md's module-deps block: a module added, or an import between modules added or dropped").toEqual(actualDeps());
  });

  it("a rules file holds versioned rule definitions (the one meaning of `.rules.ts`)", () => {
    const notRules = moduleFiles.filter((f) => f.endsWith(".rules.ts") && !/:\s*RuleDefinition\b/.test(readFileSync(f, "utf8")));
    expect(notRules.map(rel)).toEqual([]);
  });

  it("a foreign key points at the module's own tables or at a registry key column, nothing else", () => {
    expect(foreignKeysOut()).toEqual([]);
  });

  it("timers start only in sweeps, runtime and cache files, and sweeps only from index.ts or the runtime", () => {
    expect([...timersElsewhere(), ...sweepsStartedElsewhere()]).toEqual([]);
  });

});
