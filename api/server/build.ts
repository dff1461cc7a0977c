// `npm run build`: validate the content with the shared schemas, build the site with Astro, then
// compile the server to JavaScript (bundle.ts).
// Content errors fail the build with file, field and reason before Astro starts.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContentError, loadContent } from '../../content/loader.ts';
import { bundleServer } from './bundle.ts';
import { contentDir, isBuildCurrent, ROOT, serverEntry, sourceStamp, stampPath } from './paths.ts';

export async function build(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const stamp = sourceStamp(env);
  console.log(`Checking content in ${contentDir(env)} …`);
  const content = loadContent(contentDir(env));
  console.log(
    `Content OK: ${content.policies.size} policies, ${content.conventions.size} conventions, ${content.services.size} services, ${content.programmes.size} programmes`,
  );
  const astro = join(ROOT, 'node_modules', '.bin', 'astro');
  const result = spawnSync(astro, ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status ?? result.signal})`);
  await bundleServer(env);
  console.log(`Server compiled to ${relative(ROOT, serverEntry(env))}`);
  writeFileSync(stampPath(env), stamp);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `--if-stale` (npm start's prestart): build only when the sources changed since the last build.
  if (process.argv.includes('--if-stale') && isBuildCurrent()) process.exit(0);
  build().catch((error: Error) => {
    console.error(error instanceof ContentError ? error.message : `Build failed: ${error.message}`);
    process.exit(1);
  });
}
