import { EmbeddedSearch } from '../../search/embedded.ts';
import { conformanceSuite } from './conformance.ts';

conformanceSuite('embedded', async () => new EmbeddedSearch([['低保', '最低生活保障', 'dibao']]));
