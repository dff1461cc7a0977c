import { describe, expect, it } from 'vitest';
import { emptyValues, errorsFromApi, parseDate, parseTime, toInput, valuesFromEvent, type EventFormValues } from '../../api/events/form.ts';
import { ApiError } from '../../api/core/errors.ts';
import { plainText, renderMarkdown } from '../../api/events/render.ts';
import type { EventRecord } from '../../api/events/index.ts';
import { DistrictClock } from '../../api/core/index.ts';

const clock = new DistrictClock('Asia/Shanghai');

const filled = (over: Partial<EventFormValues> = {}): EventFormValues => ({
  ...emptyValues('kazi-day-care-centre'),
  title_zh: '剪纸课', description_zh: '一起学**剪窗花**', date: '2030-03-08', start_time: '09:30', end_time: '11:00', audience: ['elderly'],
  ...over,
});

describe('staff event form', () => {
  it('reads dates and times as people type them, full-width digits included', () => {
    expect(['2026-12-05', '2026/12/5', '2026.12.05', '2026年12月5日', '２０２６－１２－０５'].map(parseDate)).toEqual(Array(5).fill('2026-12-05'));
    expect(['2026-02-30', '2026-13-01', '5 Dec', ''].map(parseDate)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['9:30', '09:30', '9：30', '9.30', '９:３０', '9点30'].map(parseTime)).toEqual(Array(6).fill('09:30'));
    expect(['24:00', '9:60', '930', 'noon'].map(parseTime)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('turns a filled form into the API body, times in Asia/Shanghai, emptied optional fields cleared', () => {
    const { input, errors } = toInput('zh', filled({ capacity: '３０', place: '' }), clock);
    expect(errors).toEqual({});
    expect(input).toMatchObject({ center: 'kazi-day-care-centre', start: '2030-03-08T09:30:00+08:00', end: '2030-03-08T11:00:00+08:00', capacity: 30 });
    expect('place' in input! && input!.place === undefined).toBe(true);
    expect(input!.title).toEqual({ zh: '剪纸课', en: undefined });
  });

  it('names every problem in the reader’s language, in the order of the form', () => {
    const { input, errors } = toInput('zh', filled({ title_zh: '', date: '2030-02-30', end_time: '09:00', audience: [], capacity: '0', title_en: 'x'.repeat(121) }), clock);
    expect(input).toBeUndefined();
    expect(Object.keys(errors)).toEqual(['title_zh', 'title_en', 'date', 'end_time', 'audience', 'capacity']);
    expect(errors.title_zh).toBe('请填写“活动名称（中文）”。');
    expect(errors.title_en).toBe('“活动名称（英文）”最多 120 个字。');
    expect(errors.date).toBe('请按 2026-12-05 这样的格式填写日期。');
    const en = toInput('en', filled({ end_time: '09:00' }), clock).errors;
    expect(en).toEqual({ end_time: 'The end time must be after the start time.' });
  });

  it('catches a new event already over (a mistyped year), but lets an old one be edited', () => {
    const past = filled({ date: '2020-03-08' });
    expect(toInput('en', past, clock, { isNew: true }).errors.date).toMatch(/already passed/);
    expect(toInput('en', past, clock).errors).toEqual({});
  });

  it('fills the form from a saved event in the district’s time, and keeps several days', () => {
    const event = {
      id: 'e1', center: 'kazi-day-care-centre', title: { zh: '两天的培训' }, description: { zh: '内容' }, descriptionHtml: { zh: '<p>内容</p>' },
      start: '2030-03-08T01:30:00.000Z', end: '2030-03-09T08:00:00.000Z', audience: ['everyone'], status: 'scheduled', url: '/zh/events/e1/', updatedAt: '', sequence: 0,
    } as EventRecord;
    const values = valuesFromEvent(event, clock);
    expect(values).toMatchObject({ date: '2030-03-08', end_date: '2030-03-09', start_time: '09:30', end_time: '16:00', title_en: '' });
    expect(toInput('zh', values, clock).input).toMatchObject({ start: '2030-03-08T09:30:00+08:00', end: '2030-03-09T16:00:00+08:00' });
  });

  it('turns refusals from the staff service into messages', () => {
    expect(errorsFromApi('zh', new ApiError(403, 'forbidden', 'x'))).toEqual({ form: '只能发布和修改本中心的活动。' });
    expect(errorsFromApi('en', new ApiError(400, 'invalid_request', 'x', { end: 'must be after start' }))).toEqual({ end_time: 'The end time must be after the start time.' });
    expect(() => errorsFromApi('en', new Error('boom'))).toThrow('boom');
  });
});

describe('event descriptions as plain text (calendars)', () => {
  it('keeps paragraphs and list items, drops tags and decodes entities', () => {
    const html = renderMarkdown('一起学**剪窗花**。\n\n- 带剪刀 & 胶水\n- 免费 <img src=x onerror=alert(1)>\n\n`<b>`');
    expect(plainText(html)).toBe('一起学剪窗花。\n\n- 带剪刀 & 胶水\n- 免费\n\n<b>');
    expect(plainText('&#x1F600; &#9999999; &bogus;')).toBe('😀 \uFFFD &bogus;');
  });
});
