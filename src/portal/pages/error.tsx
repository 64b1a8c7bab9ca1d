// Shown when a portal page fails; the details go to the log, not to the visitor.
import type { PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';

export function ErrorPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="系统繁忙">
      <h1>系统繁忙，请稍后再试</h1>
      <p className="lead">页面暂时无法显示。请稍后刷新，或返回首页。</p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </Layout>
  );
}
