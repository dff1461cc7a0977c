// The consultations as RSS 2.0 (newest first), written by `feed`: each item the consultation's
// page, its window and its plain explanation. Everything the committee wrote is escaped.
import { Feed } from 'feed';
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import { escapeHtml } from '../../search/index.ts';
import { absolute, CONSULTATIONS_FEED_PATH, href, readableDate } from '../core/index.ts';
import type { ConsultationService } from './service.ts';

export async function consultationFeed(service: ConsultationService, content: Content, origin: string): Promise<string> {
  const list = await service.list();
  const feed = new Feed({
    title: `${content.district.name.zh} · ${t('zh', 'consultations.title')}`,
    description: t('zh', 'consultations.intro'),
    id: absolute(origin, href('zh', 'consultations/')),
    link: absolute(origin, href('zh', 'consultations/')),
    language: 'zh-CN',
    copyright: content.district.name.zh,
    feedLinks: { rss: absolute(origin, CONSULTATIONS_FEED_PATH) },
    updated: list.reduce<Date | undefined>((latest, c) => (!latest || new Date(c.updatedAt) > latest ? new Date(c.updatedAt) : latest), undefined),
  });
  for (const c of list) {
    const status = service.status(c);
    const convention = content.conventions.get(c.convention)?.title.zh ?? c.convention;
    feed.addItem({
      // Readers differ on whether a title is text or HTML: escaped, it is inert in both.
      title: escapeHtml(c.title.zh),
      id: c.id,
      link: absolute(origin, href('zh', `consultations/${c.id}/`)),
      date: new Date(c.updatedAt),
      description: `<p>${escapeHtml(convention)} · ${escapeHtml(t('zh', `consultation.status.${status}`, { date: readableDate('zh', status === 'upcoming' ? c.opens : c.closes) }))}</p><p>${escapeHtml(c.summary.zh)}</p>`,
      category: [{ name: convention }],
    });
  }
  return feed.rss2();
}
