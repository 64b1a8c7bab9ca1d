// 专题管理: themed categories of the normative-document library (work plan item (九)). A theme collects documents
// by 主题分类 codes and by hand; the portal library lists and filters by it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, List, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { useAuth } from '../auth';
import { useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { DocumentSearchSelect } from '../components/documents/DocumentSearchSelect';
import { TOPIC_OPTIONS, topicLabel } from '../components/documents/labels';
import type { Theme } from '../types';

type Values = { organisationId?: string; name: string; description?: string; topicCodes?: string[] };

export default function ThemesPage() {
  const { user } = useAuth();
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<Values>();
  const [themes, setThemes] = useState<Theme[] | null>(null);
  const [selected, setSelected] = useState<Theme | null>(null);
  const [adding, setAdding] = useState<string | undefined>();

  const load = useCallback(() => api.normative.themes().then((r) => setThemes(r.items), report), [report]);
  const open = useCallback((t: Theme | null) => {
    if (!t) {
      setSelected(null);
      form.setFieldsValue({ organisationId: user.organisationId ?? undefined, name: '', description: '', topicCodes: [] });
      return;
    }
    api.normative.theme(t.id).then((full) => {
      setSelected(full);
      form.setFieldsValue({ name: full.name, description: full.description ?? '', topicCodes: full.topicCodes });
    }, report);
  }, [form, report, user.organisationId]);
  useEffect(() => {
    void load();
    open(null);
  }, [load, open]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      const input = { name: v.name, description: v.description || null, topicCodes: v.topicCodes ?? [] };
      const saved = selected ? await api.normative.updateTheme(selected.id, input) : await api.normative.createTheme({ ...input, organisationId: v.organisationId! });
      message.success('已保存');
      await load();
      open(saved);
    } catch (err) {
      report(err, form);
    }
  };
  const remove = () =>
    selected &&
    modal.confirm({
      title: `删除专题“${selected.name}”？`,
      content: '专题中的文件本身不受影响。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: () => api.normative.removeTheme(selected.id).then(() => load().then(() => open(null)), report),
    });
  const addDocument = () => {
    if (!selected || !adding) return;
    api.normative.addToTheme(selected.id, adding).then(() => {
      setAdding(undefined);
      open(selected);
    }, report);
  };
  const removeDocument = (documentId: string, title: string) =>
    selected &&
    modal.confirm({
      title: `把《${title}》移出专题？`,
      okText: '移出',
      okButtonProps: { danger: true },
      onOk: () => api.normative.removeFromTheme(selected.id, documentId).then(() => open(selected), report),
    });

  if (!themes) return <Spin />;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={8}>
        <Card title="专题" extra={<Button icon={<PlusOutlined />} onClick={() => open(null)}>新建专题</Button>}>
          {themes.length === 0 ? (
            <Empty description="还没有专题" />
          ) : (
            <List
              dataSource={themes}
              renderItem={(t) => (
                <List.Item onClick={() => open(t)} style={{ cursor: 'pointer', background: selected?.id === t.id ? '#e6f4ff' : undefined, paddingInline: 8 }}>
                  <List.Item.Meta title={t.name} description={`${t.organisationName} · 手工加入 ${t.documents} 件`} />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card title={selected ? `编辑专题：${selected.name}` : '新建专题'} extra={selected && <Button danger icon={<DeleteOutlined />} onClick={remove}>删除</Button>}>
          <Form form={form} layout="vertical">
            {!selected && (
              <Form.Item name="organisationId" label="所属机构" rules={[{ required: true, message: '请选择机构' }]} extra="市级机构的专题即全站专题；需要该机构的目录管理权限。">
                <OrgTreeSelect />
              </Form.Item>
            )}
            <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }, { max: 60 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="description" label="说明" rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="topicCodes" label="按主题分类自动收录" extra="所选主题分类（含下级）的已发布规范性文件自动属于本专题。">
              <Select mode="multiple" options={TOPIC_OPTIONS} allowClear placeholder="可不选" optionFilterProp="label" />
            </Form.Item>
            <Button type="primary" onClick={save}>
              保存
            </Button>
          </Form>
          {selected && (
            <Space orientation="vertical" style={{ width: '100%', marginTop: 24 }}>
              <Typography.Title level={5}>手工加入的文件</Typography.Title>
              {selected.topicCodes.length > 0 && (
                <Typography.Text type="secondary">
                  另按主题分类收录：{selected.topicCodes.map((c) => <Tag key={c}>{topicLabel(c)}</Tag>)}
                </Typography.Text>
              )}
              <Space.Compact style={{ width: '100%' }}>
                <DocumentSearchSelect value={adding} onChange={(v: string | undefined) => setAdding(v)} style={{ width: '100%' }} />
                <Button onClick={addDocument} disabled={!adding}>
                  加入
                </Button>
              </Space.Compact>
              <List
                dataSource={selected.items ?? []}
                locale={{ emptyText: '没有手工加入的文件' }}
                renderItem={(i) => (
                  <List.Item actions={[<Button key="rm" size="small" danger onClick={() => removeDocument(i.id, i.title)}>移出</Button>]}>
                    {i.title}
                    {i.docNo && <Typography.Text type="secondary">（{i.docNo}）</Typography.Text>}
                    {i.publicState !== 'published' && <Tag style={{ marginInlineStart: 8 }}>未发布</Tag>}
                  </List.Item>
                )}
              />
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}
