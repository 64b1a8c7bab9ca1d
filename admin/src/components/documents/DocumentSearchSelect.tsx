// Picks a document by searching titles (GET /documents?q=), for links, effects and replacements.
import { Select, Spin } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import type { DocumentItem } from '../../types';
import { STATE_LABELS } from './labels';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The document being edited: it cannot link to itself. */
  excludeId?: string;
  /** Only documents that are public now (effects and replacements act on published documents). */
  publishedOnly?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  style?: CSSProperties;
}

const label = (d: DocumentItem) =>
  `${d.edition.title}${d.edition.docNo ? `（${d.edition.docNo}）` : ''} · ${d.publicState === 'published' ? '已发布' : STATE_LABELS[d.edition.state]}`;

export function DocumentSearchSelect({ excludeId, publishedOnly, placeholder = '输入标题关键字搜索文件', ...props }: Props) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      api.documents
        .list({ q: q.trim() || undefined, pageSize: 20 })
        .then((page) => {
          if (mine !== seq.current) return;
          const items = page.items.filter((d) => d.id !== excludeId && (!publishedOnly || d.publicState === 'published'));
          setOptions(items.map((d) => ({ value: d.id, label: label(d) })));
        })
        .catch(() => setOptions([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      options={options}
      placeholder={placeholder}
      onOpenChange={(open) => open && options.length === 0 && search('')}
      notFoundContent={loading ? <Spin size="small" /> : '没有找到文件'}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 640 } } }}
    />
  );
}
