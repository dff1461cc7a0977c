import { describe, expect, it } from 'vitest';
import { DistrictClock } from '../../api/core/index.ts';
import { distanceKm, listServices, nextOpening, openNow, stableUuid, Hsds } from '../../api/directory/index.ts';
import { loadContent } from '../../content/loader.ts';

const content = loadContent();
const clock = new DistrictClock(content.district.timeZone);

describe('distance', () => {
  it('is zero at the same point and about 111 km per degree of latitude', () => {
    expect(distanceKm({ lat: 27.72, lng: 109.19 }, { lat: 27.72, lng: 109.19 })).toBe(0);
    expect(distanceKm({ lat: 27, lng: 109 }, { lat: 28, lng: 109 })).toBeCloseTo(111.2, 0);
  });
});

describe('open now, in the district’s time zone', () => {
  const weekdays = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], opens: '08:30', closes: '17:30' }];
  it('reads the clock in Asia/Shanghai whatever the server’s zone', () => {
    // 2026-12-01 is a Tuesday; 01:00 UTC is 09:00 in Tongren.
    const at = new Date('2026-12-01T01:00:00Z');
    expect([clock.weekday(at), clock.time(at)]).toEqual(['tue', '09:00']);
  });
  it('is open inside the hours and closed outside them, at weekends and at closing time', () => {
    expect(openNow(weekdays, new Date('2026-12-01T01:00:00Z'), clock)).toBe(true);
    expect(openNow(weekdays, new Date('2026-12-01T09:30:00Z'), clock)).toBe(false); // 17:30, closing time
    expect(openNow(weekdays, new Date('2026-12-05T03:00:00Z'), clock)).toBe(false); // Saturday 11:00
    expect(openNow(weekdays, new Date('2026-11-30T16:30:00Z'), clock)).toBe(false); // Monday 16:30 UTC is Tuesday 00:30 in Tongren
  });
  it('says nothing when the hours are not known', () => {
    expect(openNow(null, new Date(), clock)).toBeNull();
    expect(nextOpening(null, new Date(), clock)).toBeUndefined();
  });
  it('says when a closed centre opens next: later today, tomorrow, or after the weekend', () => {
    expect(nextOpening(weekdays, new Date('2026-11-30T23:00:00Z'), clock)).toEqual({ day: 'today', opens: '08:30' }); // Tuesday 07:00
    expect(nextOpening(weekdays, new Date('2026-12-01T10:00:00Z'), clock)).toEqual({ day: 'tomorrow', opens: '08:30' }); // Tuesday 18:00
    expect(nextOpening(weekdays, new Date('2026-12-05T03:00:00Z'), clock)).toEqual({ day: 'mon', opens: '08:30' }); // Saturday 11:00
  });
});

describe('listing the directory', () => {
  it('sorts by distance when asked, nearest first, unknown positions last', () => {
    const rows = listServices(content, { lang: 'zh', near: { lat: 27.72, lng: 109.19 }, limit: 100 }, clock);
    const measured = rows.filter((r) => r.distanceKm !== undefined).map((r) => r.distanceKm!);
    expect(measured).toEqual([...measured].sort((a, b) => a - b));
    const firstUnknown = rows.findIndex((r) => r.distanceKm === undefined);
    if (firstUnknown >= 0) expect(rows.slice(firstUnknown).every((r) => r.distanceKm === undefined)).toBe(true);
  });

  it('filters by type and by town or community, in the language asked', () => {
    const offices = listServices(content, { lang: 'en', type: 'civil-affairs-office', limit: 100 }, clock);
    expect(offices.length).toBeGreaterThanOrEqual(4);
    expect(offices.every((r) => r.type === 'civil-affairs-office' && r.url.startsWith('/en/services/'))).toBe(true);
    expect(listServices(content, { lang: 'zh', town: 'bahuang', limit: 100 }, clock).every((r) => r.town === 'bahuang')).toBe(true);
  });
});

describe('HSDS export', () => {
  it('gives stable UUIDs and the HSDS service shape', () => {
    expect(stableUuid(content, 'service', 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid(content, 'service', 'x')).toBe(stableUuid(content, 'service', 'x'));
    const [id, service] = [...content.services][0]!;
    const hsds = new Hsds(content, 'https://portal.example', clock).full(id);
    expect(hsds).toMatchObject({ id: stableUuid(content, 'service', id), name: service.name.zh, status: 'active', organization: { name: expect.any(String) } });
    expect(hsds.url).toBe(`https://portal.example/zh/services/${id}/`);
    expect(hsds.service_at_locations[0]!.location.location_type).toBe('physical');
  });
});
