import { describe, expect, it } from 'vitest';
import { eventFormPage, eventPage } from '../../api/events/index.ts';
import { testApp } from '../helpers/app.ts';

const { content, events, accounts, clock } = await testApp();
const { user } = await accounts.accounts.add('pages-editor', 'kazi-day-care-centre', 'editor');

describe('event pages when the centre’s address is not confirmed', () => {
  it('warns the worker that an empty place leaves residents with only the centre’s name', async () => {
    expect(content.services.get('kazi-day-care-centre')!.address).toBeNull();
    const state = await eventFormPage(content, events, 'zh', { user, form: undefined, refused: false }, clock);
    expect('values' in state && state.centreAddressKnown).toBe(false);
  });

  it('shows the centre and its place, marked 待核实, where no place was given', async () => {
    const day = clock.day(new Date(Date.now() + 2 * 86400_000));
    const e = await events.create(user, { title: { zh: '读报' }, description: { zh: '一起读报。' }, start: clock.moment(day, '09:00'), end: clock.moment(day, '10:00'), audience: ['elderly'] });
    const page = (await eventPage(content, events, e.id, 'zh', clock, 'http://portal.test'))!;
    expect(page.place).toContain(content.services.get('kazi-day-care-centre')!.name.zh);
    expect(page.placeConfirmed).toBe(false);
  });
});
