// One published document as Chinese disclosure pages show it: banners (withdrawn; amended, repealed or expired),
// the metadata block, the text, 附注, linked documents, and the version with its 更新记录.
import type { PageContext } from '../context.ts';
import { Breadcrumbs, Layout } from '../layout.tsx';
import { beijingDate, bodyForPage, kindNames, plainSummary } from '../format.ts';
import type { DocumentView } from '../publishing.ts';
import { documentHref, feedHrefs, xxgkHref } from '../urls.ts';
import { DocMeta } from '../components/doc-meta.tsx';
import { DocLinks } from '../components/doc-links.tsx';
import { DocAttachments } from '../components/doc-attachments.tsx';
import { RelatedQa } from '../components/related-qa.tsx';
import type { PublicQa } from '../../modules/qa/index.ts';

/** Statuses whose notice must be marked on the original page (《政府网站发展指引》). */
const BANNER_STATUSES = new Set(['amended', 'repealed', 'expired', 'suspended']);

export function DocumentPage({ ctx, view, relatedQa, consultations = [] }: { ctx: PageContext; view: DocumentView; relatedQa?: PublicQa[]; consultations?: { id: string; title: string }[] }) {
  const { doc, links, validity, changeLog, ledger } = view;
  const e = doc.edition;
  const canonical = documentHref(doc);
  const withdrawn = doc.publicState === 'withdrawn';
  const feed = { title: `${doc.organisationName}最新信息`, href: feedHrefs.organisation(doc.organisationId) };
  return (
    <Layout
      ctx={ctx}
      title={e.title}
      nav={doc.normativeKind ? 'policies' : 'openness'}
      canonical={canonical}
      feeds={[feed]}
      description={plainSummary(doc, 100)}
    >
      <Breadcrumbs
        items={[
          { label: '首页', href: '/' },
          { label: `${doc.organisationName}政府信息公开`, href: xxgkHref(doc.organisationId) },
          { label: kindNames[doc.kind] ?? '文件' },
        ]}
      />
      <article className="document" aria-labelledby="doc-title">
        {withdrawn && (
          <div className="banner banner-withdrawn" data-banner="withdrawn">
            <p>
              <strong>该信息已撤回。</strong>
              {e.endedReason ? `撤回原因：${e.endedReason}` : '以下内容仅供查阅，不再作为现行信息。'}
            </p>
          </div>
        )}
        {validity?.notice && BANNER_STATUSES.has(validity.status) && (
          <div className="banner banner-validity" data-banner="validity" data-status={validity.status}>
            <p>
              <strong>效力提示：</strong>
              {validity.notice}
            </p>
          </div>
        )}
        {/* validity.pendingNotice is not shown: it counts effects recorded by unpublished documents. */}
        <h1 id="doc-title">{e.title}</h1>
        <DocMeta doc={doc} validity={validity} />
        <div className="doc-body" dangerouslySetInnerHTML={{ __html: bodyForPage(e.bodyHtml) }} />
        {e.note && <p className="doc-note">{e.note}</p>}
        <DocAttachments attachments={doc.attachments} />
        <DocLinks links={links} origin={ctx.origin} />
        {relatedQa && !withdrawn && <RelatedQa items={relatedQa} documentId={doc.id} />}
        {consultations.length > 0 && (
          <section className="doc-consultations" aria-labelledby="doc-consultations-heading">
            <h2 id="doc-consultations-heading">征求意见及采纳情况</h2>
            <ul>
              {consultations.map((c) => (
                <li key={c.id}>
                  <a href={`/consultations/${encodeURIComponent(c.id)}/result`}>{`${c.title}：意见采纳情况`}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section className="doc-versions" aria-labelledby="doc-versions-heading">
          <h2 id="doc-versions-heading">版本与更新记录</h2>
          <p>
            当前版本：<strong>{e.version}</strong>
            {e.changeNote && <>；更新说明：{e.changeNote}</>}
          </p>
          {changeLog.length > 1 && (
            <ol className="change-log">
              {changeLog.map((c) => (
                <li key={c.version}>
                  版本 {c.version}
                  {c.publishedAt && (
                    <>
                      ，<time dateTime={beijingDate(c.publishedAt)!}>{beijingDate(c.publishedAt)}</time> 发布
                    </>
                  )}
                  {c.changeNote ? `：${c.changeNote}` : c.version === changeLog[0]!.version ? '：首次发布' : ''}
                </li>
              ))}
            </ol>
          )}
          {ledger && (
            <p className="doc-ledger" data-ledger-seq={ledger.seq}>
              {`发布存证：第 ${ledger.seq} 条，内容哈希 `}
              <code title={ledger.contentHash}>{ledger.contentHash.slice(0, 16)}…</code>（
              <a href={`/api/v1/ledger?documentId=${doc.id}`}>存证记录</a>，<a href="/ledger">如何核验</a>）
            </p>
          )}
        </section>
        <p className="print-only">本文网址：{`${ctx.origin}${canonical}`}</p>
      </article>
    </Layout>
  );
}
