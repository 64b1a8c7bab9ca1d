// 410: a document that was published and has been taken down (撤销); names its replacement when there is one.
import type { PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';

export function GonePage({ ctx, replacement }: { ctx: PageContext; replacement: { title: string; href: string } | null }) {
  return (
    <Layout ctx={ctx} title="该信息已撤销">
      <h1>该信息已撤销</h1>
      <p className="lead">您访问的信息已依法撤销，不再公开。</p>
      {replacement ? (
        <p className="notice" data-replacement="">
          该信息已由以下文件替代：<a href={replacement.href}>{replacement.title}</a>
        </p>
      ) : (
        <p>您可以在政府信息公开栏目或站内搜索中查找现行信息。</p>
      )}
      <ul className="link-list">
        <li>
          <a href="/xxgk">政府信息公开</a>
        </li>
        <li>
          <a href="/">返回首页</a>
        </li>
      </ul>
    </Layout>
  );
}
