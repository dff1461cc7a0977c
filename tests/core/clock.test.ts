import { describe, expect, it } from 'vitest';
import { DistrictClock } from '../../api/core/index.ts';

describe('the district clock', () => {
  it('turns the day at the district’s midnight, asked in turn on either side and again', () => {
    const clock = new DistrictClock('Asia/Shanghai');
    expect(clock.day('2026-12-06T15:59:59.999Z')).toBe('2026-12-06');
    expect(clock.day('2026-12-06T16:00:00.000Z')).toBe('2026-12-07');
    expect(clock.day('2026-12-06T16:00:30.000Z')).toBe('2026-12-07');
    expect(clock.day('2026-12-06T15:59:00.000Z')).toBe('2026-12-06');
    expect(new DistrictClock('Asia/Kathmandu').day('2026-12-06T18:14:59Z')).toBe('2026-12-06');
    expect(new DistrictClock('Asia/Kathmandu').day('2026-12-06T18:15:00Z')).toBe('2026-12-07');
    expect(() => clock.day('not a day')).toThrow(RangeError);
  });
});
