// Reads the imports of every source file (TypeScript, and the frontmatter and scripts of .astro
// files) and checks them against the layering rule of ARCHITECTURE.md:
//   site → api → search → content, never up;
//   api/core imports no feature; a feature uses another only through its index.ts;
//   features never import api/app.ts or api/server/; nothing imports upwards or in a cycle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const LAYERS = ['content', 'search', 'api', 'site'] as const;
const SOURCE = /\.(ts|mjs|astro)$/;

/** Every import specifier in a file: static, side-effect, re-export, dynamic and `import('…')` types. */
export function specifiers(source: string, file: string): string[] {
  const code = file.endsWith('.astro') ? astroCode(source) : source;
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g)) found.add(m[1]!);
  for (const m of code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(m[1]!);
  return [...found];
}

/** An .astro file's code: its frontmatter and its <script src> references. */
function astroCode(source: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const scripts = [...source.matchAll(/<script[^>]*\ssrc=["']([^"']+)["']/g)].map((m) => `import '${m[1]}';`);
  return [front, ...scripts].join('\n');
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE.test(name)) out.push(full);
  }
  return out;
}

interface Place {
  layer: (typeof LAYERS)[number];
  /** Under api/: `core`, a feature's name, `app` or `server`. */
  part?: string;
  /** The path inside the part, e.g. `index.ts`, `routes.ts`. */
  rest: string;
}

function placeOf(root: string, file: string): Place | undefined {
  const [layer, second, ...more] = relative(root, file).split(sep);
  if (!(LAYERS as readonly string[]).includes(layer!)) return undefined;
  if (layer !== 'api') return { layer: layer as Place['layer'], rest: [second, ...more].join('/') };
  if (second === 'app.ts') return { layer: 'api', part: 'app', rest: 'app.ts' };
  return { layer: 'api', part: second, rest: more.join('/') };
}

const apiRank = (part: string | undefined) => (part === 'core' ? 0 : part === 'app' ? 2 : part === 'server' ? 3 : 1);

/** What is wrong with one import, or undefined when it follows the rule. */
function problem(from: Place, to: Place): string | undefined {
  const fromLayer = LAYERS.indexOf(from.layer);
  const toLayer = LAYERS.indexOf(to.layer);
  if (toLayer > fromLayer) return `points up (${from.layer} → ${to.layer})`;
  if (to.layer !== 'api' || from.layer === 'content' || from.layer === 'search') return undefined;
  const feature = to.part !== 'core' && to.part !== 'app' && to.part !== 'server';
  if (from.layer === 'site') {
    if (to.part === 'core' || feature) return to.rest === 'index.ts' ? undefined : `goes round ${to.part}/index.ts`;
    // Pages and components may name the API's types (app.ts) but not the server's wiring.
    return to.part === 'app' ? undefined : `reaches into api/${to.part}`;
  }
  if (from.part === to.part) return undefined;
  if (from.part === 'core') return `api/core imports a feature (${to.part})`;
  if (apiRank(to.part) > apiRank(from.part)) return `points up (api/${from.part} → api/${to.part})`;
  if (feature && to.rest !== 'index.ts') return `goes round ${to.part}/index.ts`;
  return undefined;
}

export interface ImportReport {
  files: number;
  imports: number;
  /** `file: import — why`, one per bad import. */
  problems: string[];
  /** Each import cycle, as the files in it. */
  cycles: string[][];
}

/** Checks every source file under `root`'s layers. */
export function checkImports(root: string): ImportReport {
  const files = LAYERS.flatMap((layer) => (existsSync(join(root, layer)) ? walk(join(root, layer)) : []));
  const graph = new Map<string, string[]>();
  const problems: string[] = [];
  let imports = 0;
  for (const file of files) {
    const edges: string[] = [];
    for (const spec of specifiers(readFileSync(file, 'utf8'), file)) {
      if (!spec.startsWith('.')) continue; // packages, node:, astro:
      imports += 1;
      const target = resolve(dirname(file), spec);
      const from = placeOf(root, file)!;
      const to = placeOf(root, target);
      if (!to) {
        problems.push(`${relative(root, file)}: ${spec} — outside site, api, search and content`);
        continue;
      }
      const why = problem(from, to);
      if (why) problems.push(`${relative(root, file)}: ${spec} — ${why}`);
      if (SOURCE.test(target)) edges.push(target);
    }
    graph.set(file, edges);
  }
  return { files: files.length, imports, problems, cycles: cyclesOf(graph).map((cycle) => cycle.map((f) => relative(root, f))) };
}

/** Strongly connected components of more than one file (Tarjan), or a file importing itself. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return out;
}
