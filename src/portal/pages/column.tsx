// A catalog column (栏目): its place in the organisation's catalog, sub-columns, and its published information
// 20 to a page.
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import type { ColumnNode } from '../publishing.ts';
import type { Column, DocRow } from '../types.ts';
import { columnHref, feedHrefs, GUIDE_COLUMN_CODE, guideHref, withQuery, xxgkHref } from '../urls.ts';
import { ColumnList } from '../components/column-tree.tsx';
import { DocTable } from '../components/doc-table.tsx';
import { FeedLink } from '../components/feed-link.tsx';
import { Pagination } from '../components/pagination.tsx';

/** The 重大会议 column of the key-areas catalog: meetings are kept by the meetings module, listed at /meetings. */
const MEETINGS_COLUMN_CODE = 'key.government.meetings';

type Props = {
  ctx: PageContext;
  column: Column;
  org: { id: string; name: string } | null;
  ancestors: Column[];
  subcolumns: ColumnNode[];
  rows: DocRow[];
  page: number;
  pageSize: number;
  total: number;
};

export function ColumnPage({ ctx, column, org, ancestors, subcolumns, rows, page, pageSize, total }: Props) {
  const title = org ? `${column.name} - ${org.name}` : column.name;
  const feed = { title: `${column.name}（${org?.name ?? '栏目'}）`, href: feedHrefs.column(column.id) };
  const path = columnHref(column.id);
  return (
    <Layout ctx={ctx} title={page > 1 ? `${title}（第 ${page} 页）` : title} nav="openness" canonical={withQuery(path, { page })} feeds={[feed]}>
      <Breadcrumbs
        items={[
          { label: '首页', href: '/' },
          ...(org ? [{ label: `${org.name}政府信息公开`, href: xxgkHref(org.id) }] : []),
          ...ancestors.map((a) => ({ label: a.name, href: columnHref(a.id) })),
          { label: column.name },
        ]}
      />
      <h1>{column.name}</h1>
      {org && (
        <p className="lead">
          {org.name}信息公开目录中的栏目。<a href={xxgkHref(org.id)}>返回{org.name}政府信息公开</a>
        </p>
      )}
      {org && column.code === GUIDE_COLUMN_CODE && (
        <p className="banner">
          <a href={guideHref(org.id)}>{`查看${org.name}现行政府信息公开指南`}</a>（根据本机关登记信息自动生成）
        </p>
      )}
      {org && column.code === MEETINGS_COLUMN_CODE && (
        <p className="banner">
          <a href={withQuery('/meetings', { org: org.id })}>{`查看${org.name}常务会议、全体会议（会议通稿、议定事项、开放情况）`}</a>
        </p>
      )}
      {subcolumns.length > 0 && (
        <section aria-labelledby="subcolumns-heading">
          <h2 id="subcolumns-heading">下级栏目</h2>
          <ColumnList nodes={subcolumns} />
        </section>
      )}
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">信息列表</h2>
        <DocTable rows={rows} caption={`${column.name}：信息列表，第 ${page} 页`} empty="本栏目暂无已发布的信息。" />
        <Pagination page={page} pageSize={pageSize} total={total} href={(p) => withQuery(path, { page: p })} label={`${column.name}分页`} />
        <FeedLink href={feed.href} label="订阅本栏目" />
      </section>
    </Layout>
  );
}
