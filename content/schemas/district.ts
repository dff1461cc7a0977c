import { z } from 'zod';
import { localized, slug } from './common.ts';

const phone = z.string().regex(/^[0-9+\- ]{3,20}$/, 'expected a phone number');

/** An IANA time zone the runtime knows, e.g. Asia/Shanghai. */
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as Asia/Shanghai');

/** A pair of pinyin spellings heard as one sound: [as typed, as folded]. */
const fold = z.tuple([z.string().regex(/^[a-z]+$/), z.string().regex(/^[a-z]*$/)]);

/**
 * The district's own facts (`content/district.yaml`): everything the code would otherwise have to
 * name. Another district deploys the portal with its own content folder and this file.
 */
export const districtSchema = z.strictObject({
  /** The district itself, an id in `content/places.yaml`. */
  place: slug,
  /** The district's name, e.g. 碧江区 / Bijiang District. */
  name: localized,
  /** The civil affairs bureau: an id in `content/services` (the office of last resort, the HSDS organisation). */
  bureau: slug,
  /** The time zone every date and time is read and shown in. */
  timeZone,
  /** The city and province the district belongs to, for postal addresses in exports. */
  city: localized,
  province: localized,
  /** ISO 3166-1 alpha-2 country code. */
  country: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as CN'),
  /** The numbers residents are sent to. */
  hotlines: z.strictObject({
    /** The government service hotline (12345 in China). */
    government: phone,
    police: phone,
    ambulance: phone,
    fire: phone,
    /** A mental-health helpline. */
    mentalHealth: phone,
  }),
  /**
   * Letters to the bureau: the working days within which it promises a reply, and whether the
   * bureau has confirmed that promise (unconfirmed shows "待核实 / to be confirmed").
   */
  letters: z.strictObject({
    replyWorkingDays: z.number().int().min(1).max(90),
    verified: z.boolean(),
    /** The guide shown beside a help request for a family in difficulty (temporary assistance), a policy id. */
    helpGuide: slug.optional(),
  }),
  /** The title and description of the events calendar and news feed. */
  eventsFeed: z.strictObject({ title: localized, description: localized }),
  /** The UUID that names this portal; the HSDS export's ids are derived from it. Never change it. */
  uuidNamespace: z.string().uuid(),
  /** The suffix of calendar UIDs (`<event>@<calendarId>`). Never change it: calendars would duplicate events. */
  calendarId: z.string().regex(/^[a-z0-9.-]+$/),
  /**
   * Pinyin sounds local speech merges, folded together when a typed word is compared with the
   * pages' words by sound: syllable starts (`[zh, z]`) and ends (`[ing, in]`).
   */
  soundFolds: z.strictObject({ initials: z.array(fold).default([]), finals: z.array(fold).default([]) }),
});
export type District = z.infer<typeof districtSchema>;
