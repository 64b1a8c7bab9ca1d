// A searchable user picker (searches GET /users?q= as you type).
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';

interface Option {
  value: string;
  label: string;
}

export interface UserSelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

export function UserSelect({ placeholder = '输入姓名或用户名搜索', ...props }: UserSelectProps) {
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      api.users
        .list({ q: q.trim(), page: 1, pageSize: 20 })
        .then((res) => {
          if (mine !== seq.current) return;
          setOptions(res.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })));
        })
        .catch(() => {
          if (mine === seq.current) setOptions([]);
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false);
        });
    }, 300);
  };

  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
  }, []);

  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      loading={loading}
      options={options}
      placeholder={placeholder}
      notFoundContent={loading ? '搜索中…' : '没有匹配的用户'}
      onChange={(v: string | undefined) => props.onChange?.(v ?? undefined)}
    />
  );
}
