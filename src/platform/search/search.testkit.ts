// Search documents built at test time from the shared real-data corpus (laws and the 宜昌 2023 政务公开工作要点),
// so the tests index real Chinese text without copying it into the repository.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDoc } from './provider.ts';
import { SHARED_DATA as dataDir } from '../../../test/support/shared-data.ts';

export const ORG = {
  city: { id: 'org-city', path: '/org-city/' },
  a: { id: 'org-a', path: '/org-city/org-a/' },
  b: { id: 'org-b', path: '/org-city/org-b/' },
  /** A sibling of `a` whose path starts with the same characters: a subtree filter must not take it. */
  ab: { id: 'org-ab', path: '/org-city/org-ab/' },
  other: { id: 'org-other', path: '/org-other/' },
};

type Extra = Partial<SearchDoc> & Pick<SearchDoc, 'id'>;

/** A law from lawrefbook-samples: title from the `#` line, body after `<!-- INFO END -->`, date from the file name. */
export function lawDoc(file: string, org: { id: string; path: string }, extra: Extra): SearchDoc {
  const text = readFileSync(join(dataDir, 'corpus/lawrefbook-samples', file), 'utf8');
  const title = /^# (.+)$/m.exec(text)![1]!.trim();
  const body = text
    .split('<!-- INFO END -->')[1]!
    .replace(/^#+\s*/gm, '')
    .trim();
  const date = /\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(file)![1]!;
  return {
    version: 1,
    orgId: org.id,
    orgPath: org.path,
    title,
    body,
    docNo: null,
    indexNo: null,
    topic: null,
    genre: '条例',
    year: Number(date.slice(0, 4)),
    validity: '有效',
    publishedAt: `${date}T00:00:00.000Z`,
    url: `/documents/${extra.id}`,
    kind: 'document',
    ...extra,
  };
}

/** The 宜昌 work plan: its first line is the title, the text after the page header the body. */
export function yichangDoc(extra: Extra): SearchDoc {
  const lines = readFileSync(join(dataDir, 'seed/yichang-2023-zhengwu-gongkai-gongzuo-yaodian.txt'), 'utf8').split('\n');
  return {
    version: 1,
    orgId: ORG.city.id,
    orgPath: ORG.city.path,
    title: `宜昌${lines[0]!.trim()}`,
    body: lines.slice(3).join('\n').trim(),
    docNo: null,
    indexNo: null,
    topic: '综合政务\\政务公开',
    genre: '通知',
    year: 2023,
    validity: '有效',
    publishedAt: '2023-04-17T08:00:00.000Z',
    url: `/documents/${extra.id}`,
    kind: 'document',
    ...extra,
  };
}

/** Removes markup and entities: the text a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
