// 404 in the portal's own layout.
import type { PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';

export function NotFoundPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="页面不存在">
      <h1>页面不存在</h1>
      <p className="lead">您访问的页面不存在或已调整，请检查网址是否正确。</p>
      <p>您可以：</p>
      <ul className="link-list">
        <li>
          <a href="/">返回首页</a>
        </li>
        <li>
          <a href="/organisations">查看机构目录</a>
        </li>
        <li>
          <a href="/sitemap">浏览网站地图</a>
        </li>
      </ul>
    </Layout>
  );
}
