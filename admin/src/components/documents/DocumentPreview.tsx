// 预览: the document as the portal shows it — metadata table, title, 发文字号, body, 附注 — from the editor's
// current (unsaved) values. Markup and class names follow the portal's document page (gk-portal-preview scope).
import { Drawer, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DocumentFields, DocumentKind, NormativeKind } from '../../types';
import { formatDate } from '../format';
import { tidyHtml } from './html';
import { DISCLOSURE_LABELS, NORMATIVE_LABELS, genreLabel, topicLabel } from './labels';

export interface PreviewMeta {
  organisationName: string;
  indexNo: string | null;
  publishedAt: string | null;
  kind: DocumentKind;
  normativeKind: NormativeKind | null;
}

interface Props {
  open: boolean;
  onClose: () => void;
  fields: DocumentFields | null;
  meta: PreviewMeta | null;
}

const PENDING = <span className="doc-pending">（发布时生成）</span>;

const NO_META: PreviewMeta = { organisationName: '', indexNo: null, publishedAt: null, kind: 'document', normativeKind: null };

export function DocumentPreview({ open, onClose, fields, meta }: Props) {
  return (
    <Drawer open={open} onClose={onClose} size={960} title="预览（按门户网站样式显示当前编辑内容）" destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        预览显示尚未保存的内容；保存时服务器会去除不安全的标签和属性。
      </Typography.Paragraph>
      <PortalDocument fields={fields ?? {}} meta={meta ?? NO_META} />
    </Drawer>
  );
}

type Row = { label: string; value: ReactNode; wide?: boolean };

/** The metadata rows in the portal's order (src/portal/components/doc-meta.tsx), two pairs per line. */
function metaRows(f: DocumentFields, meta: PreviewMeta): Row[] {
  const date = (d: string | null | undefined) => (d ? formatDate(d) : null);
  const rows: (Row | null)[] = [
    { label: '索引号', value: meta.indexNo ?? PENDING },
    { label: '主题分类', value: topicLabel(f.topic) },
    { label: '体裁', value: genreLabel(f.genre) },
    { label: '发布机构', value: f.issuer || meta.organisationName },
    { label: '发文字号', value: f.docNo },
    { label: '成文日期', value: date(f.writtenOn) },
    { label: '发布日期', value: date(meta.publishedAt) ?? PENDING },
    { label: '实施日期', value: date(f.effectiveFrom) },
    { label: '废止日期', value: date(f.repealedOn) },
    f.expiresOn && !f.repealedOn ? { label: '有效期至', value: date(f.expiresOn) } : null,
    { label: '公开方式', value: f.disclosure ? DISCLOSURE_LABELS[f.disclosure] : null },
    { label: '公开范围', value: f.scope },
    { label: '关键词', value: f.keywords?.length ? f.keywords.join('；') : null },
    { label: '内容概述', value: f.summary, wide: true },
  ];
  const shown = rows.filter((r): r is Row => r !== null && r.value !== null && r.value !== undefined && r.value !== '');
  const pairs = shown.filter((r) => !r.wide);
  if (pairs.length % 2 === 1) pairs[pairs.length - 1]!.wide = true;
  return shown;
}

/** The document page as the portal renders it (src/portal/pages/document.tsx); also the editor's read-only view. */
export function PortalDocument({ fields: f, meta }: { fields: DocumentFields; meta: PreviewMeta }) {
  return (
    <div className="gk-portal-preview" lang="zh-CN">
      <article className="document">
        <h1 className="doc-title">
          {f.title || '（无标题）'}
          {meta.kind === 'interpretation' && <span className="tag">解读</span>}
          {meta.normativeKind && <span className="tag">{NORMATIVE_LABELS[meta.normativeKind]}</span>}
        </h1>
        <section className="doc-meta" aria-label="文件信息">
          <dl>
            {metaRows(f, meta).map((r) => (
              <div key={r.label} className={r.wide ? 'meta-row meta-wide' : 'meta-row'}>
                <dt>{r.label}</dt>
                <dd>{r.value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <div className="doc-body" dangerouslySetInnerHTML={{ __html: tidyHtml(f.bodyHtml ?? '') }} />
        {f.note && <p className="doc-note">{f.note}</p>}
      </article>
    </div>
  );
}
