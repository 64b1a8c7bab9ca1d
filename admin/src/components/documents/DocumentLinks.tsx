// 关联文件: typed links between documents (解读, 修改, 废止, 替代, 落实, 相关), listed both ways.
import { App, Button, Form, List, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { href, navigate } from '../../router';
import type { DocumentItem, DocumentLink, LinkType } from '../../types';
import { useErrorReporter } from '../errors';
import { DocumentSearchSelect } from './DocumentSearchSelect';
import { LINK_TYPE_LABELS, PUBLIC_STATE_LABELS } from './labels';

interface Props {
  doc: DocumentItem;
  editable: boolean;
  /** Bumped by the effects panel: recording an effect adds a link. */
  version: number;
}

export function DocumentLinks({ doc, editable, version }: Props) {
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<{ toDocumentId?: string; type: LinkType }>();
  const [links, setLinks] = useState<DocumentLink[]>([]);
  const [loading, setLoading] = useState(true);
  const [adding, setAdding] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api.documents
      .links(doc.id)
      .then((r) => setLinks(r.items), report)
      .finally(() => setLoading(false));
  }, [doc.id, report]);
  useEffect(load, [load, version]);

  const add = async (v: { toDocumentId?: string; type: LinkType }) => {
    if (!v.toDocumentId) return;
    setAdding(true);
    try {
      setLinks((await api.documents.addLink(doc.id, v.toDocumentId, v.type)).items);
      form.resetFields();
      void message.success('已添加关联');
    } catch (err) {
      report(err, form);
    } finally {
      setAdding(false);
    }
  };

  const remove = (link: DocumentLink) =>
    modal.confirm({
      title: '删除这条关联？',
      content: `“${link.label}：${link.document.title}”将不再显示在两个文件的页面上。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        api.documents.removeLink(doc.id, link.id).then(() => {
          setLinks((ls) => ls.filter((l) => l.id !== link.id));
          void message.success('已删除关联');
        }, report),
    });

  return (
    <div>
      <List
        size="small"
        loading={loading}
        dataSource={links}
        locale={{ emptyText: <Typography.Text type="secondary">暂无关联文件</Typography.Text> }}
        renderItem={(l) => (
          <List.Item
            actions={
              editable && l.direction === 'out'
                ? [
                    <Button
                      key="remove"
                      type="link"
                      size="small"
                      danger
                      onClick={() => remove(l)}
                      aria-label={`删除关联：${l.document.title}`}
                    >
                      删除
                    </Button>,
                  ]
                : []
            }
          >
            <Space size={4} wrap>
              <Tag>{l.label}</Tag>
              <a
                href={href(`/documents?edit=${encodeURIComponent(l.document.id)}`)}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  navigate(`/documents?edit=${encodeURIComponent(l.document.id)}`);
                }}
              >
                {l.document.title}
              </a>
              {l.document.docNo && <Typography.Text type="secondary">{l.document.docNo}</Typography.Text>}
              <Typography.Text type="secondary">
                （{PUBLIC_STATE_LABELS[l.document.publicState as keyof typeof PUBLIC_STATE_LABELS] ?? l.document.publicState}）
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {editable && (
        <Form
          form={form}
          name="docLink"
          layout="vertical"
          requiredMark={false}
          initialValues={{ type: 'related' }}
          onFinish={(v) => void add(v)}
          style={{ marginTop: 12 }}
        >
          <Form.Item
            name="toDocumentId"
            label="关联文件"
            rules={[{ required: true, message: '请选择要关联的文件' }]}
            style={{ marginBottom: 8 }}
          >
            <DocumentSearchSelect excludeId={doc.id} />
          </Form.Item>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="type" noStyle>
              <Select
                aria-label="关联类型"
                style={{ flex: 1 }}
                options={Object.entries(LINK_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Button htmlType="submit" loading={adding}>
              添加关联
            </Button>
          </Space.Compact>
        </Form>
      )}
    </div>
  );
}
