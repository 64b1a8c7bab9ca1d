// 政府信息公开 home of one organisation: its newest information and its disclosure catalog (信息公开目录).
import type { PageContext } from '../context.ts';
import type { Org } from '../directory.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import type { ColumnNode } from '../publishing.ts';
import type { DocRow } from '../types.ts';
import { feedHrefs, organisationHref, withQuery, xxgkHref, NORMATIVE_HREF } from '../urls.ts';
import { CatalogTree } from '../components/column-tree.tsx';
import { applyHref } from '../request-urls.ts';
import { DocTable } from '../components/doc-table.tsx';
import { FeedLink } from '../components/feed-link.tsx';

type Props = { ctx: PageContext; org: Org; ancestors: Org[]; roots: ColumnNode[]; recent: DocRow[]; total: number };

export function XxgkPage({ ctx, org, ancestors, roots, recent, total }: Props) {
  const title = `${org.name}政府信息公开`;
  const feed = { title: `${org.name}最新信息`, href: feedHrefs.organisation(org.id) };
  const otherIssuers = recent.some((r) => r.organisationName !== org.name);
  return (
    <Layout ctx={ctx} title={title} nav="openness" canonical={xxgkHref(org.id)} feeds={[feed]} description={`${org.name}依法主动公开的政府信息和信息公开目录`}>
      <Breadcrumbs
        items={[
          { label: '首页', href: '/' },
          ...ancestors.map((a) => ({ label: a.name, href: xxgkHref(a.id) })),
          { label: org.name, href: organisationHref(org.id) },
          { label: '政府信息公开' },
        ]}
      />
      <h1>{title}</h1>
      <p className="lead">
        按《中华人民共和国政府信息公开条例》公开{org.name}的政府信息。信息按下方“信息公开目录”分类，每条信息标明索引号、发布机构和发布日期。机构地址和联系方式见
        <a href={organisationHref(org.id)}>机构信息</a>；行政规范性文件及其有效性见
          <a href={withQuery(NORMATIVE_HREF, { org: org.id })}>行政规范性文件库</a>；政府常务会议、全体会议见
          <a href={withQuery('/meetings', { org: org.id })}>重大会议</a>，政策解答见<a href="/qa">政策问答</a>。需要获取未主动公开的政府信息的，可以
          <a href={applyHref(org.id)}>向{org.name}提交政府信息公开申请</a>。
      </p>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">最新信息</h2>
        <DocTable rows={recent} caption={`${org.name}最新发布的信息`} showOrganisation={otherIssuers} empty="该机构暂无已发布的信息。" />
        {total > recent.length && (
          <p className="hint">
            共 {total} 条信息，以上为最新 {recent.length} 条；可按目录栏目查看全部信息。
          </p>
        )}
        <FeedLink href={feed.href} label="订阅本机构最新信息" />
      </section>
      <section aria-labelledby="catalog-heading">
        <h2 id="catalog-heading">信息公开目录</h2>
        <CatalogTree roots={roots} />
      </section>
    </Layout>
  );
}
