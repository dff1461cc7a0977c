// `npm run build`: validate the content with the shared schemas, then build the site with Astro.
// Content errors fail the build with file, field and reason before Astro starts.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContentError, loadContent } from '../../content/loader.ts';
import { contentDir, ROOT, sourceStamp, stampPath } from './paths.ts';

export function build(env: NodeJS.ProcessEnv = process.env): void {
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
  writeFileSync(stampPath(env), stamp);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    build();
  } catch (error) {
    console.error(error instanceof ContentError ? error.message : `Build failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
