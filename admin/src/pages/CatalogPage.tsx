// 目录管理: an organisation's disclosure catalog — the column tree, with sub-columns added, renamed, given an
// expected update frequency, reordered or deleted (only when empty).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Row, Space, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { useAuth } from '../auth';
import { ColumnAddModal, ColumnFields } from '../components/catalog/ColumnFields';
import type { ColumnValues } from '../components/catalog/ColumnFields';
import { buildColumnTree, updateDaysText } from '../components/catalog/columnTree';
import type { ColumnNode } from '../components/catalog/columnTree';
import { errorMessage, useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { useOrgTree } from '../components/useOrgTree';
import type { CatalogColumn } from '../types';

function toTreeData(nodes: ColumnNode[]): TreeDataNode[] {
  return nodes.map(({ column, children }) => ({
    key: column.id,
    title: (
      <span>
        {column.name}
        {column.documents > 0 && <Typography.Text type="secondary">（{column.documents}）</Typography.Text>}
      </span>
    ),
    children: toTreeData(children),
  }));
}

export default function CatalogPage() {
  const { user } = useAuth();
  const { items: orgs } = useOrgTree();
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<ColumnValues>();
  const [orgId, setOrgId] = useState<string | undefined>(user.organisationId ?? undefined);
  const [columns, setColumns] = useState<CatalogColumn[]>([]);
  const [loading, setLoading] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [adding, setAdding] = useState<{ parent: CatalogColumn | null } | null>(null);
  const [saving, setSaving] = useState(false);
  const [expanded, setExpanded] = useState<string[]>([]);

  // Without a home organisation, start with the first one the user can see.
  useEffect(() => {
    if (!orgId && orgs.length > 0) setOrgId(orgs[0].id);
  }, [orgId, orgs]);

  const load = useCallback(() => {
    if (!orgId) return;
    setLoading(true);
    api.catalog
      .columns(orgId)
      .then((r) => {
        setColumns(r.items);
        setExpanded(r.items.filter((c) => !c.parentId).map((c) => c.id));
      }, report)
      .finally(() => setLoading(false));
  }, [orgId, report]);
  useEffect(load, [load]);

  const tree = useMemo(() => buildColumnTree(columns), [columns]);
  const treeData = useMemo(() => toTreeData(tree), [tree]);
  const selected = columns.find((c) => c.id === selectedId) ?? null;
  const children = selected ? columns.filter((c) => c.parentId === selected.id).length : 0;

  useEffect(() => {
    if (selected) form.setFieldsValue({ name: selected.name, updateDays: selected.updateDays, sortOrder: selected.sortOrder });
  }, [selected, form]);

  const save = async (v: ColumnValues) => {
    if (!selected) return;
    setSaving(true);
    try {
      const updated = await api.catalog.updateColumn(selected.id, {
        name: v.name.trim(),
        updateDays: v.updateDays ?? null,
        sortOrder: v.sortOrder,
      });
      setColumns((cs) => cs.map((c) => (c.id === updated.id ? { ...c, ...updated, documents: c.documents } : c)));
      void message.success('已保存栏目');
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const remove = (column: CatalogColumn) =>
    modal.confirm({
      title: `删除栏目“${column.name}”？`,
      content: '只能删除没有子栏目和文件的栏目。删除后不可恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        api.catalog.removeColumn(column.id).then(
          () => {
            setColumns((cs) => cs.filter((c) => c.id !== column.id));
            setSelectedId(column.parentId);
            void message.success('已删除栏目');
          },
          (err: unknown) => {
            modal.error({ title: '不能删除', content: errorMessage(err), okText: '知道了' });
          },
        ),
    });

  return (
    <Card
      title="目录管理"
      extra={
        <OrgTreeSelect
          aria-label="选择机构"
          style={{ width: 280 }}
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setSelectedId(null);
          }}
        />
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={11}>
          <Space style={{ marginBottom: 12 }}>
            <Button icon={<PlusOutlined />} disabled={!orgId} onClick={() => setAdding({ parent: null })}>
              新增顶级栏目
            </Button>
          </Space>
          <Spin spinning={loading}>
            {treeData.length === 0 && !loading ? (
              <Empty description="暂无栏目" />
            ) : (
              <Tree
                treeData={treeData}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys.length ? String(keys[0]) : null)}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                blockNode
                aria-label="信息公开目录"
                style={{ maxHeight: 640, overflow: 'auto' }}
              />
            )}
          </Spin>
        </Col>
        <Col xs={24} lg={13}>
          {!selected ? (
            <Empty description="在左侧选择一个栏目" />
          ) : (
            <Card type="inner" title={selected.name}>
              <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
                <Descriptions.Item label="栏目代码">{selected.code}</Descriptions.Item>
                <Descriptions.Item label="来源">{selected.template ? <Tag>标准模板</Tag> : <Tag>自定义</Tag>}</Descriptions.Item>
                <Descriptions.Item label="更新周期">{updateDaysText(selected.updateDays)}</Descriptions.Item>
                <Descriptions.Item label="文件数 / 子栏目数">
                  {selected.documents} / {children}
                </Descriptions.Item>
              </Descriptions>
              {selected.template && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title="这是按标准模板生成的栏目，改名前请确认符合公开目录的要求。"
                />
              )}
              <Form form={form} name="column" layout="vertical" onFinish={(v) => void save(v)}>
                <ColumnFields withOrder />
                <Space wrap>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    保存
                  </Button>
                  <Button icon={<PlusOutlined />} onClick={() => setAdding({ parent: selected })}>
                    新增下级栏目
                  </Button>
                  <Button danger icon={<DeleteOutlined />} onClick={() => remove(selected)}>
                    删除
                  </Button>
                </Space>
              </Form>
            </Card>
          )}
        </Col>
      </Row>
      {orgId && (
        <ColumnAddModal
          open={adding !== null}
          organisationId={orgId}
          parent={adding?.parent ?? null}
          onClose={() => setAdding(null)}
          onAdded={(column) => {
            setAdding(null);
            setColumns((cs) => [...cs, column]);
            if (column.parentId) setExpanded((keys) => [...new Set([...keys, column.parentId!])]);
            setSelectedId(column.id);
            void message.success(`已新增栏目“${column.name}”`);
          }}
        />
      )}
    </Card>
  );
}
