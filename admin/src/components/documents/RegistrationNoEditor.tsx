// 统一登记编号 in the editor: generated on first publication, or typed by hand (the judicial bureau often assigns
// it); the server checks it against the configured pattern.
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useCan } from '../../auth';
import type { DocumentItem } from '../../types';
import { useErrorReporter } from '../errors';

export function RegistrationNoEditor({ doc }: { doc: DocumentItem }) {
  const can = useCan();
  const report = useErrorReporter();
  const [value, setValue] = useState(doc.registrationNo ?? null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (editing === null) {
    return (
      <Space size={4}>
        <span>{value ?? '发布时生成'}</span>
        {can('document.edit') && (
          <Button size="small" type="link" onClick={() => setEditing(value ?? '')}>
            手工填写
          </Button>
        )}
      </Space>
    );
  }
  const save = () => {
    setSaving(true);
    api.normative
      .setRegistrationNo(doc.id, editing.trim() || null)
      .then((r) => {
        setValue(r.registrationNo);
        setEditing(null);
      }, report)
      .finally(() => setSaving(false));
  };
  return (
    <Space.Compact size="small">
      <Input aria-label="统一登记编号" value={editing} maxLength={60} onChange={(ev) => setEditing(ev.target.value)} placeholder="留空则发布时生成" onPressEnter={save} />
      <Button type="primary" loading={saving} onClick={save}>
        保存
      </Button>
      <Button onClick={() => setEditing(null)}>取消</Button>
    </Space.Compact>
  );
}
