// 发布存证: how anyone can check that a published text was not changed after publication, and the latest entries.
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { beijingDate } from '../format.ts';
import type { LedgerEntry } from '../../modules/ledger/index.ts';

const actionNames: Record<string, string> = { publish: '发布', withdraw: '撤回', unpublish: '撤销发布' };

export function LedgerPage({
  ctx,
  head,
  recent,
}: {
  ctx: PageContext;
  head: { entries: number; entryHash: string | null };
  recent: LedgerEntry[];
}) {
  return (
    <Layout ctx={ctx} title="发布存证" canonical="/ledger">
      <Breadcrumbs items={[{ label: '首页', href: '/' }, { label: '发布存证' }]} />
      <h1>发布存证</h1>
      <p className="lead">
        本网每发布、撤回或撤销发布一份信息，都在存证链中记下一条记录：发布内容的哈希值，以及前一条记录的哈希值。发布后若有人不经新版本而改动了正文或要素，核验即可发现。
      </p>
      <section aria-labelledby="ledger-head">
        <h2 id="ledger-head">当前状态</h2>
        <p>
          {`共 ${head.entries} 条记录；末条哈希 `}
          <code>{head.entryHash ?? '（尚无记录）'}</code>
        </p>
      </section>
      <section aria-labelledby="ledger-how">
        <h2 id="ledger-how">如何核验</h2>
        <ol>
          <li>
            下载记录：<a href="/api/v1/ledger?limit=1000">/api/v1/ledger</a>（按序号分页，参数 <code>after</code>、<code>limit</code>
            ；某文件的记录加 <code>documentId</code>）。
          </li>
          <li>
            每条记录的哈希 = SHA-256（JSON 数组 <code>[seq, at, action, documentId, editionId, version, contentHash, prevHash]</code>
            ，UTF-8，无空格）；第一条的 <code>prevHash</code> 为 64 个 0，其后每条的 <code>prevHash</code> 等于前一条的哈希。
          </li>
          <li>
            内容哈希 = SHA-256（JSON 数组 <code>[标题, 发文字号, 索引号, 成文日期, 实施日期, 有效期至, 正文 HTML, [各附件的 SHA-256]]</code>
            ），可与文件接口 <code>/api/v1/documents/&lt;id&gt;</code> 返回的内容对照。
          </li>
          <li>定期保存末条哈希：之后的任何改写都会使它对不上。</li>
        </ol>
      </section>
      <section aria-labelledby="ledger-recent">
        <h2 id="ledger-recent">最新记录</h2>
        {recent.length === 0 ? (
          <p>尚无记录。</p>
        ) : (
          <table className="doc-table">
            <caption>{`最新 ${recent.length} 条存证记录`}</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">日期</th>
                <th scope="col">操作</th>
                <th scope="col">文件</th>
                <th scope="col">内容哈希</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{beijingDate(e.at)}</td>
                  <td>{actionNames[e.action] ?? e.action}</td>
                  <td>{e.action === 'unpublish' ? '（已撤销发布）' : <a href={`/documents/${e.documentId}`}>查看</a>}</td>
                  <td>
                    <code title={e.contentHash}>{e.contentHash.slice(0, 16)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
