// Consistency checks of a document's metadata (issue 4): 成文日期 after 发布日期, dates in the future,
// 发文字号 year differing from the 成文日期 year, and a 主动公开 document without its 附注 (公开属性).
import { parseDocNumber } from '../../../platform/text/doc-number.ts';
import type { DocumentMetadataForScan, Finding, Severity } from './types.ts';
import { isBlocking } from './scan-text.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function finding(field: string, value: string, severity: Severity, ruleId: string, zh: string, en: string): Finding {
  return {
    category: 'metadata',
    severity,
    blocking: isBlocking(severity),
    start: 0,
    end: value.length,
    text: value,
    masked: value,
    message: { zh, en },
    ruleId,
    location: { field },
  };
}

export function scanMetadata(meta: DocumentMetadataForScan): Finding[] {
  const out: Finding[] = [];
  const written = meta.writtenOn && DATE.test(meta.writtenOn) ? meta.writtenOn : null;
  const published = meta.publishedOn && DATE.test(meta.publishedOn) ? meta.publishedOn : null;
  if (written && published && written > published) {
    out.push(
      finding('writtenOn', written, 'high', 'metadata.written_after_published', `成文日期 ${written} 晚于发布日期 ${published}`, `Date written ${written} is after the publication date ${published}`),
    );
  }
  if (written && written > meta.today) {
    out.push(finding('writtenOn', written, 'high', 'metadata.future_written', `成文日期 ${written} 在今天（${meta.today}）之后`, `Date written ${written} is in the future`));
  }
  if (published && published > meta.today) {
    // A scheduled publication is legitimate, so only a hint.
    out.push(finding('publishedOn', published, 'medium', 'metadata.future_published', `发布日期 ${published} 在今天（${meta.today}）之后`, `Publication date ${published} is in the future`));
  }
  if (meta.docNo && written) {
    const parsed = parseDocNumber(meta.docNo);
    if (parsed && String(parsed.year) !== written.slice(0, 4)) {
      out.push(
        finding(
          'docNo',
          meta.docNo,
          'medium',
          'metadata.doc_no_year',
          `发文字号年份 ${parsed.year} 与成文日期年份 ${written.slice(0, 4)} 不一致`,
          `Year ${parsed.year} of the document number differs from the year written ${written.slice(0, 4)}`,
        ),
      );
    }
  }
  const proactive = meta.disclosure === 'proactive' || meta.disclosure === '主动公开';
  if (proactive && !meta.note?.trim()) {
    out.push(
      finding('note', '', 'medium', 'metadata.missing_note', '主动公开的文件缺少附注（应注明“此件公开发布”等公开属性）', 'Proactively disclosed document without a note stating its disclosure attribute'),
    );
  }
  return out;
}
