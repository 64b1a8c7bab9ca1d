// 所属栏目: where the document appears in its organisation's disclosure catalog (one or more columns).
import { App, Button, Form, Space, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api';
import type { CatalogColumn, DocumentItem } from '../../types';
import { buildColumnTree, toColumnOptions } from '../catalog/columnTree';
import { useErrorReporter } from '../errors';

interface Props {
  doc: DocumentItem;
  editable: boolean;
}

export function DocumentColumns({ doc, editable }: Props) {
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [columns, setColumns] = useState<CatalogColumn[]>([]);
  const [value, setValue] = useState<string[]>([]);
  // Whether the current placement could be read (older servers only accept PUT).
  const [known, setKnown] = useState(true);
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    Promise.all([
      api.catalog.columns(doc.organisationId),
      api.documents.columns(doc.id).then(
        (r) => ({ ids: r.items.map((c) => c.id), known: true }),
        () => ({ ids: [] as string[], known: false }),
      ),
    ])
      .then(([catalog, placed]) => {
        if (!live) return;
        setColumns(catalog.items);
        setValue(placed.ids);
        setKnown(placed.known);
      }, report)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [doc.id, doc.organisationId, report]);

  const treeData = useMemo(() => toColumnOptions(buildColumnTree(columns)), [columns]);

  const save = async () => {
    setSaving(true);
    try {
      const placed = await api.documents.setColumns(doc.id, value);
      setKnown(true);
      void message.success(placed.items.length ? `已放入：${placed.items.map((c) => c.name).join('、')}` : '已移出全部栏目');
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form name="docColumns" layout="vertical" onFinish={() => void save()}>
      <Form.Item
        label="所属栏目"
        htmlFor="doc-columns"
        style={{ marginBottom: 12 }}
        extra={`${doc.organisationName}的信息公开目录，可选多个栏目`}
      >
        <TreeSelect
          id="doc-columns"
          multiple
          treeData={treeData}
          value={value}
          onChange={(v: string[]) => setValue(v)}
          loading={loading}
          disabled={!editable}
          showSearch
          treeNodeFilterProp="title"
          placeholder="选择栏目"
          allowClear
          treeDefaultExpandAll={false}
          popupMatchSelectWidth={false}
          styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 320 } } }}
        />
      </Form.Item>
      {!known && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {editable ? '无法读取当前所在栏目；保存后将以此处选择为准。' : '暂时无法显示当前所在栏目。'}
        </Typography.Paragraph>
      )}
      {editable && (
        <Space>
          <Button htmlType="submit" loading={saving}>
            保存栏目
          </Button>
        </Space>
      )}
    </Form>
  );
}
