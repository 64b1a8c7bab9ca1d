// Published Q&As in the shared search index (kind 'qa', facet 问答), kept current from QA_CHANGED events.
import { RecordIndexer, type SearchProvider } from '../../platform/search/index.ts';
import { QA_CHANGED, type QaService } from './qa.service.ts';

export function qaIndexer(qa: QaService, search: SearchProvider): RecordIndexer {
  return new RecordIndexer(search, {
    topic: QA_CHANGED,
    idField: 'qaId',
    publicIds: () => qa.publishedIds(),
    load: async (id) => {
      const item = await qa.indexable(id);
      if (!item) return null;
      return {
        id: item.id,
        orgId: item.orgId,
        orgPath: item.orgPath,
        title: item.title,
        body: `问：${item.question}\n答：${item.answer}`,
        docNo: null,
        indexNo: null,
        topic: null,
        genre: null,
        year: Number(item.publishedAt.slice(0, 4)),
        validity: null,
        publishedAt: item.publishedAt,
        url: item.url,
        kind: 'qa',
      };
    },
  });
}
