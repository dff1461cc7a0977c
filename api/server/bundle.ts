// The server as compiled JavaScript: `npm run build` bundles api/server/start.ts and everything it
// imports from this project into one ES module, so `npm start` runs plain Node with no TypeScript
// loader (no tsx, no esbuild service) in the process. The npm packages stay outside the bundle and
// are loaded from node_modules as usual.
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, serverEntry } from './paths.ts';

/**
 * A module that finds files beside itself (`new URL('.', import.meta.url)`) keeps finding them
 * once bundled: its `import.meta.url` becomes its own source file's address, reached from the
 * bundle's, so the build folder and the project may move together.
 */
function ownAddresses(bundleDir: string): Plugin {
  return {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const fromBundle = relative(bundleDir, args.path).split('\\').join('/');
        return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

export async function bundleServer(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const entry = serverEntry(env);
  const result = await build({
    entryPoints: [join(ROOT, 'api', 'server', 'start.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [ownAddresses(dirname(entry))],
    // Node's CommonJS packages imported by name still need `require` in an ES module.
    banner: { js: "import { createRequire as __portalRequire } from 'node:module'; const require = __portalRequire(import.meta.url);" },
  });
  if (result.errors.length > 0) throw new Error(`bundling the server failed: ${result.errors.map((e) => e.text).join('; ')}`);
  return pathToFileURL(entry).href;
}
