import type { SearchProvider, SearchResult } from '../../platform/search/index.ts';
import { MAX_PAGE_SIZE } from '../../platform/search/index.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { OrganisationService } from '../organisations/index.ts';

/**
 * What the shared index holds (`kind` of a search row): documents and interpretations (documents module), Q&As,
 * consultations and meetings. The API refuses any other value rather than answering an empty list.
 */
export const SEARCH_KINDS = ['document', 'interpretation', 'qa', 'consultation', 'meeting'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchInput = {
  q: string;
  org?: string;
  topic?: string;
  genre?: string;
  year?: number;
  validity?: string;
  kind?: string;
  page?: number;
  size?: number;
};

/** Public search over everything published: documents now, Q&A and other content as their modules index them. */
export class SearchService {
  constructor(
    private readonly provider: SearchProvider,
    private readonly orgs: OrganisationService,
  ) {}

  async search(input: SearchInput): Promise<SearchResult & { exact: { id: string; url: string } | null; page: number; size: number }> {
    const page = input.page ?? 1;
    const size = Math.min(input.size ?? 20, MAX_PAGE_SIZE);
    // A 发文字号 or 索引号 typed in full goes straight to its document.
    const exact = input.q.trim() ? await this.provider.findByNumber(input.q.trim()) : null;
    let orgRoots: string[] | undefined;
    if (input.org) {
      // Like an unknown kind: a 400 naming the field, not an empty list that reads as "nothing published there".
      const org = (await this.orgs.refs([input.org])).get(input.org);
      if (!org) throw ValidationError.field('org', 'unknownOrg');
      orgRoots = [org.path];
    }
    const result = await this.provider.search({
      q: input.q,
      orgRoots,
      topic: input.topic,
      genre: input.genre,
      year: input.year,
      validity: input.validity,
      kind: input.kind,
      page,
      size,
    });
    return { ...result, exact, page, size };
  }
}
