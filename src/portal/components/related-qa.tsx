// 相关问答 on a policy's page: the published Q&As linked to it, and where to ask a new question about it.
import type { PublicQa } from '../../modules/qa/index.ts';

export function RelatedQa({ items, documentId }: { items: PublicQa[]; documentId: string }) {
  return (
    <section className="doc-links related-qa" aria-labelledby="related-qa-heading">
      <h2 id="related-qa-heading">相关问答</h2>
      {items.length === 0 ? (
        <p>暂无与本文件相关的已公开问答。</p>
      ) : (
        <ul className="link-list">
          {items.map((q) => (
            <li key={q.id}>
              <a href={q.url}>{q.title}</a>
              <span className="count">（{q.orgName}答复）</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/qa/ask?document=${encodeURIComponent(documentId)}`}>就本政策提问</a>
      </p>
    </section>
  );
}
