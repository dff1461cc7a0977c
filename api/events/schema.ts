import { slug } from '../../content/schemas/index.ts';
import { momentParam, z } from '../core/index.ts';

export const AUDIENCES = ['elderly', 'children', 'families', 'everyone'] as const;
export type Audience = (typeof AUDIENCES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/** The event body of POST /api/events (PATCH takes any subset). Titles and descriptions: zh required, en optional. */
export const eventInput = z
  .strictObject({
    center: slug.optional().openapi({ description: 'The centre that runs it; an editor’s own by default', example: 'riverside-day-care-centre' }),
    title: z.strictObject({ zh: text(120), en: text(120).optional() }),
    description: z.strictObject({ zh: text(5000), en: text(5000).optional() }).openapi({ description: 'Markdown; rendered and cleaned before any page shows it' }),
    start: momentParam,
    end: momentParam,
    audience: z.array(z.enum(AUDIENCES)).min(1).max(4),
    place: text(200).optional(),
    capacity: z.number().int().min(1).max(100_000).optional(),
    accessibility: text(500).optional(),
  })
  .openapi('EventInput', {
    example: {
      title: { zh: '重阳节剪纸活动', en: 'Paper-cutting for the Double Ninth' },
      description: { zh: '一起学**剪窗花**。', en: 'Learn to cut **window flowers**.' },
      start: '2026-12-05T09:30:00+08:00',
      end: '2026-12-05T11:00:00+08:00',
      audience: ['elderly'],
      place: '活动室',
    },
  });
export const eventPatch = eventInput.partial().openapi('EventPatch');
export type EventInput = z.infer<typeof eventInput>;

const localizedOptional = z.object({ zh: z.string(), en: z.string().optional() });

export const EventSchema = z
  .object({
    id: z.string(),
    center: z.string(),
    title: localizedOptional,
    description: localizedOptional,
    descriptionHtml: localizedOptional.openapi({ description: 'The description as cleaned HTML' }),
    start: z.string(),
    end: z.string(),
    audience: z.array(z.enum(AUDIENCES)),
    place: z.string().optional(),
    capacity: z.number().int().optional(),
    accessibility: z.string().optional(),
    status: z.enum(['scheduled', 'cancelled']),
    url: z.string(),
    updatedAt: z.string(),
    sequence: z.number().int().openapi({ description: 'Grows with every change: calendars use it to replace their copy' }),
  })
  .openapi('Event');
export type EventRecord = z.infer<typeof EventSchema>;
/** An event as the store keeps it: its page address is added by the service. */
export type StoredEvent = Omit<EventRecord, 'url'>;
