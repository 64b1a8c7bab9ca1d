// 网站地图: every section of the portal, with the county-level areas of the directory and the Atom feeds.
import type { PageContext } from '../context.ts';
import type { Org } from '../directory.ts';
import { Breadcrumbs, interactionLinks, Layout, mainNav } from '../layout.tsx';
import { OrgList } from '../components/org-list.tsx';
import { feedHrefs } from '../urls.ts';

export function SitemapPage({ ctx, areas }: { ctx: PageContext; areas: Org[] }) {
  return (
    <Layout ctx={ctx} title="网站地图">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '网站地图' }]} />
      <h1>网站地图</h1>
      <ul className="sitemap">
        {mainNav.map((item) => (
          <li key={item.key}>
            <a href={item.href}>{item.label}</a>
            {item.key === 'interaction' && (
              <ul className="link-list">
                {interactionLinks.map((l) => (
                  <li key={l.href}>
                    <a href={l.href}>{l.label}</a>
                  </li>
                ))}
              </ul>
            )}
            {item.key === 'directory' && areas.length > 0 && <OrgList orgs={areas} />}
          </li>
        ))}
        <li>
          <a href="/search">站内搜索</a>
        </li>
        <li>
          <a href="/about">关于本网</a>
        </li>
        <li>
          <a href="/ledger">发布存证</a>
        </li>
        <li>
          信息订阅（Atom）
          <ul className="link-list">
            <li>
              <a href={feedHrefs.documents} type="application/atom+xml">
                最新政府信息
              </a>
            </li>
            <li>
              <a href={feedHrefs.normative} type="application/atom+xml">
                行政规范性文件
              </a>
            </li>
          </ul>
        </li>
      </ul>
    </Layout>
  );
}
