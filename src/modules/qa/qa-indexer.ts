// Keeps published Q&As in the shared search index (kind 'qa', facet 问答). Like the document indexer, a handler reads
// the CURRENT state and writes with the event's time as version, so a late event cannot resurrect an unpublished Q&A.
import type { OutboxProcessor } from '../../platform/events/outbox.ts';
import type { SearchProvider } from '../../platform/search/index.ts';
import { QA_CHANGED, type QaService } from './qa.service.ts';

export class QaIndexer {
  constructor(
    private readonly qa: QaService,
    private readonly search: SearchProvider,
  ) {}

  register(outbox: OutboxProcessor): void {
    outbox.on(QA_CHANGED, async (e) => this.sync(String(e.payload.qaId), versionOf(e.id)));
  }

  async sync(id: string, version: number): Promise<void> {
    const item = await this.qa.indexable(id);
    if (!item) {
      await this.search.remove(id, version);
      return;
    }
    await this.search.upsert({
      id: item.id,
      version,
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
    });
  }

  /** Re-adds every published Q&A (after the document indexer's reindexAll cleared the index). */
  async reindexAll(version = Date.now()): Promise<number> {
    const ids = await this.qa.publishedIds();
    for (const id of ids) await this.sync(id, version);
    return ids.length;
  }
}

/** UUIDv7 ids start with a 48-bit millisecond timestamp: the event's time. */
const versionOf = (uuidV7: string): number => parseInt(uuidV7.replace(/-/g, '').slice(0, 12), 16);
