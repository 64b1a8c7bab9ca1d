// Keeps one kind of public record (Q&As, consultations, meetings) in the shared search index, driven by its module's
// change events; the module's service is the source. Like the document indexer, a handler reads the CURRENT state
// and writes with the event's time as version, so a late event cannot bring back a record withdrawn since.
import type { OutboxProcessor } from '../events/outbox.ts';
import type { SearchDoc, SearchProvider } from './provider.ts';

/** A search entry without its version (the indexer sets it). */
export type IndexedRecord = Omit<SearchDoc, 'version'>;

export type RecordSource = {
  /** The record as the public sees it, or null when the public may not (draft, withdrawn, missing). */
  indexable(id: string): Promise<IndexedRecord | null>;
  /** Ids of every record the public may see, for a full reindex. */
  publicIds(): Promise<string[]>;
};

export class RecordIndexer {
  /** `topic`: the module's change events; `idField`: the payload field that names the record. */
  constructor(
    private readonly search: SearchProvider,
    private readonly topic: string,
    private readonly idField: string,
    private readonly source: RecordSource,
  ) {}

  register(outbox: OutboxProcessor): void {
    outbox.on(this.topic, async (e) => this.sync(String(e.payload[this.idField]), versionOf(e.id)));
  }

  async sync(id: string, version: number): Promise<void> {
    const record = await this.source.indexable(id);
    if (record) await this.search.upsert({ ...record, version });
    else await this.search.remove(id, version);
  }

  /** Re-adds every public record (after the document indexer's reindexAll cleared the index). */
  async reindexAll(version = Date.now()): Promise<number> {
    const ids = await this.source.publicIds();
    for (const id of ids) await this.sync(id, version);
    return ids.length;
  }
}

/** UUIDv7 ids start with a 48-bit millisecond timestamp: the event's time, monotonic enough for versioning. */
export function versionOf(uuidV7: string): number {
  return parseInt(uuidV7.replace(/-/g, '').slice(0, 12), 16);
}
