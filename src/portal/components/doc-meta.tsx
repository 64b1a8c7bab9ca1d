// The metadata block Chinese disclosure pages show above the text (domain.md §5.1): 索引号, 主题分类, 体裁,
// 发布机构, 发文字号, dates, 有效性, 公开方式, 关键词, 内容概述. Two pairs per line on wide screens.
import type { ReactNode } from 'react';
import { beijingDate, disclosureNames, genreLabel, topicLabel } from '../format.ts';
import type { PublicDocument, Validity } from '../types.ts';
import { ValidityTag } from './validity-tag.tsx';

type Row = { label: string; value: ReactNode; wide?: boolean };

const dateValue = (d: string | null) => (d ? <time dateTime={d}>{d}</time> : null);

export function metaRows(doc: PublicDocument, validity: Validity | null): Row[] {
  const e = doc.edition;
  const repealedOn = e.repealedOn ?? (validity?.status === 'repealed' ? validity.since : null);
  const rows: (Row | null)[] = [
    { label: '索引号', value: doc.indexNo },
    { label: '主题分类', value: topicLabel(e.topic) },
    { label: '体裁', value: genreLabel(e.genre) },
    { label: '发布机构', value: e.issuer || doc.organisationName },
    { label: '发文字号', value: e.docNo },
    { label: '成文日期', value: dateValue(e.writtenOn) },
    { label: '发布日期', value: dateValue(beijingDate(e.publishedAt)) },
    { label: '实施日期', value: dateValue(e.effectiveFrom) },
    { label: '废止日期', value: dateValue(repealedOn) },
    e.expiresOn && !repealedOn ? { label: '有效期至', value: dateValue(e.expiresOn) } : null,
    doc.normativeKind ? { label: '有效性', value: validity ? <ValidityTag status={validity.status} name={validity.statusName} /> : '—' } : null,
    { label: '公开方式', value: disclosureNames[e.disclosure] ?? e.disclosure },
    { label: '公开范围', value: e.scope },
    { label: '关键词', value: e.keywords.length ? e.keywords.join('；') : null },
    { label: '内容概述', value: e.summary, wide: true },
  ];
  const shown = rows.filter((r): r is Row => r !== null && r.value !== null && r.value !== undefined && r.value !== '');
  // Two pairs per line: an odd pair out before the wide rows takes the whole line, so no half line is left empty.
  const pairs = shown.filter((r) => !r.wide);
  if (pairs.length % 2 === 1) pairs[pairs.length - 1]!.wide = true;
  return shown;
}

export function DocMeta({ doc, validity }: { doc: PublicDocument; validity: Validity | null }) {
  return (
    <section className="doc-meta" aria-labelledby="doc-meta-heading">
      <h2 id="doc-meta-heading" className="visually-hidden">
        文件信息
      </h2>
      <dl>
        {metaRows(doc, validity).map((r) => (
          <div key={r.label} className={r.wide ? 'meta-row meta-wide' : 'meta-row'}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
