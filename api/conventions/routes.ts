// `/api/conventions/{id}/versions`: every version of a convention with its statutory record and
// the SHA-256 fingerprint of its text, and the exact text itself, so a printed copy can be checked.
import { etag } from 'hono/etag';
import type { Content } from '../../content/loader.ts';
import { ApiError, createRoute, createRouter, errors, href, json, notModified, z } from '../core/index.ts';
import { fingerprint, versionText } from './fingerprint.ts';

const id = z.string().min(1).max(80).openapi({ param: { name: 'id', in: 'path' }, example: 'model' });
const n = z.coerce.number().int().min(1).max(1000).openapi({ param: { name: 'n', in: 'path' }, example: 1 });

const Localized = z.object({ zh: z.string(), en: z.string() });
const Version = z
  .object({
    number: z.number().int().openapi({ description: '1 for the first version; the highest is in force' }),
    label: Localized,
    inForce: z.string().optional(),
    current: z.boolean(),
    fingerprint: z.string().openapi({ description: 'SHA-256 of the version’s text (at `text`), hexadecimal' }),
    text: z.string().openapi({ description: 'The exact text the fingerprint is taken of' }),
    procedure: z.array(
      z.object({
        step: z.string(),
        date: z.string(),
        note: Localized.optional(),
        votes: z.object({ present: z.number().int(), for: z.number().int(), against: z.number().int(), abstain: z.number().int() }).optional(),
        consultation: z.string().optional(),
      }),
    ),
  })
  .openapi('ConventionVersion');

const versionsRoute = createRoute({
  method: 'get',
  path: '/{id}/versions',
  tags: ['conventions'],
  summary: 'Every version of a convention, oldest first, with its record and fingerprint',
  request: { params: z.object({ id }) },
  responses: { 200: json(z.object({ convention: z.string(), url: z.string(), versions: z.array(Version) }), 'The versions'), ...notModified, ...errors(400, 404) },
});
const textRoute = createRoute({
  method: 'get',
  path: '/{id}/versions/{n}/text',
  tags: ['conventions'],
  summary: 'The exact text of one version: its SHA-256 is the fingerprint',
  description: 'UTF-8, one line per article (`第N条 …`), as the assembly voted on it. `sha256sum` of this file gives the fingerprint shown on the page and the poster.',
  request: { params: z.object({ id, n }) },
  responses: { 200: { description: 'Plain text', content: { 'text/plain': { schema: { type: 'string' as const } } } }, ...notModified, ...errors(400, 404) },
});

export function conventionsRoutes({ content }: { content: Content }) {
  const router = createRouter();
  router.use('/:id/versions', etag());
  router.use('/:id/versions/:n/text', etag());
  const found = (convention: string) => {
    const c = content.conventions.get(convention);
    if (!c) throw new ApiError(404, 'not_found', `No convention ${convention}.`);
    return c;
  };
  return router
    .openapi(versionsRoute, (c) => {
      const convention = c.req.valid('param').id;
      const versions = found(convention).versions;
      return c.json(
        {
          convention,
          url: href('zh', `conventions/${convention}/`),
          versions: versions.map((v, i) => ({
            number: i + 1,
            label: v.label,
            inForce: v.procedure.find((s) => s.step === 'in-force')?.date,
            current: i === versions.length - 1,
            fingerprint: fingerprint(v),
            text: `/api/conventions/${convention}/versions/${i + 1}/text`,
            procedure: v.procedure,
          })),
        },
        200,
      );
    })
    .openapi(textRoute, (c) => {
      const { id: convention, n: number } = c.req.valid('param');
      const version = found(convention).versions[number - 1];
      if (!version) throw new ApiError(404, 'not_found', `Convention ${convention} has no version ${number}.`);
      c.header('Content-Type', 'text/plain; charset=utf-8');
      c.header('Content-Disposition', `inline; filename="${convention}-v${number}.txt"`);
      return c.body(versionText(version));
    });
}
