// Choose published policy documents by title (server-side search over the user's documents).
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api';

type Option = { value: string; label: string };

export function DocumentPicker({ value, onChange, initial = [], id }: { value?: string[]; onChange?: (v: string[]) => void; initial?: { id: string; title: string }[]; id?: string }) {
  const [found, setFound] = useState<Option[]>([]);
  const [q, setQ] = useState('');
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.documents.list({ q: q || undefined, page: 1, pageSize: 20 }).then(
        (page) => live && setFound(page.items.filter((d) => d.publicState === 'published').map((d) => ({ value: d.id, label: d.edition.title }))),
        () => live && setFound([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  const options = useMemo(() => {
    const seen = new Set(found.map((o) => o.value));
    return [...initial.filter((d) => !seen.has(d.id)).map((d) => ({ value: d.id, label: d.title })), ...found];
  }, [found, initial]);
  return (
    <Select
      id={id}
      mode="multiple"
      aria-label="关联政策文件"
      placeholder="输入标题搜索已发布的政策文件"
      showSearch
      filterOption={false}
      onSearch={setQ}
      options={options}
      value={value}
      onChange={onChange}
      style={{ width: '100%' }}
    />
  );
}
