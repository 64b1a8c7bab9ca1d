// The published edition's attachments. Where an HTML version of a PDF exists, it comes first as the version to read
// (accessible to screen readers) and the PDF is offered as 原件下载 (the service already orders them so).
import type { PublicDocument } from '../types.ts';

type AttachmentItem = NonNullable<PublicDocument['attachments']>[number];

const KIND_NAMES: Record<string, string> = { pdf: 'PDF', docx: 'Word 文档', xlsx: 'Excel 表格', image: '图片', html: '网页', text: '文本' };

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function AttachmentLink({ a }: { a: AttachmentItem }) {
  const meta = `${KIND_NAMES[a.kind] ?? '文件'}，${formatSize(a.size)}`;
  return (
    <li data-attachment={a.id} className={a.preferred ? 'attachment-preferred' : undefined}>
      {a.original ? (
        <>
          原件下载：
          <a href={`${a.url}?download=1`} download={a.name}>
            {a.name}
          </a>
        </>
      ) : (
        <a href={a.url}>{a.name}</a>
      )}
      <span className="attachment-meta">{`（${meta}）`}</span>
      {a.preferred && <span className="attachment-badge">网页版，推荐阅读</span>}
      {a.accessible && <span className="attachment-badge" data-accessible="true">无障碍</span>}
    </li>
  );
}

export function DocAttachments({ attachments }: { attachments: AttachmentItem[] | undefined }) {
  if (!attachments || attachments.length === 0) return null;
  return (
    <section className="doc-attachments" aria-labelledby="doc-attachments-heading">
      <h2 id="doc-attachments-heading">附件</h2>
      <ul className="attachment-list">
        {attachments.map((a) => (
          <AttachmentLink key={a.id} a={a} />
        ))}
      </ul>
    </section>
  );
}
