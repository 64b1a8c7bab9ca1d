// 附件: files attached to the shown edition — upload (type checked by the server from the content), 无障碍 flag,
// HTML version of a PDF, order, deletion with confirmation. Only draft and rejected editions change.
import { ArrowDownOutlined, ArrowUpOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { Attachment, DocumentItem } from '../../types';
import { useErrorReporter } from '../errors';

const KIND_LABELS: Record<string, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', image: '图片', html: 'HTML 网页', text: '文本' };

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

interface Props {
  doc: DocumentItem;
  editable: boolean;
  /** A file was uploaded or removed (the pre-publication review reads the attachments again). */
  onChanged?: () => void;
}

export function DocumentAttachments({ doc, editable, onChanged }: Props) {
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const editionId = doc.edition.id;
  const [items, setItems] = useState<Attachment[]>(doc.attachments ?? []);
  const [loading, setLoading] = useState(false);
  const [uploading, setUploading] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api.documents
      .attachments(doc.id, editionId)
      .then((r) => setItems(r.items), report)
      .finally(() => setLoading(false));
  }, [doc.id, editionId, report]);
  useEffect(load, [load]);

  const change = (att: Attachment, input: Parameters<typeof api.documents.updateAttachment>[3]) =>
    api.documents.updateAttachment(doc.id, editionId, att.id, input).then((r) => setItems(r.items), report);

  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((a) => a.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    void api.documents.reorderAttachments(doc.id, editionId, ids).then((r) => setItems(r.items), report);
  };

  const remove = (att: Attachment) =>
    modal.confirm({
      title: '删除这个附件？',
      content: `“${att.name}”将从此版本中移除（已发布的版本不受影响）。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        api.documents.removeAttachment(doc.id, editionId, att.id).then(() => {
          void message.success('已删除附件');
          load();
          onChanged?.();
        }, report),
    });

  const originals = items.filter((a) => a.kind !== 'html');
  const columns: ColumnsType<Attachment> = [
    {
      title: '文件',
      key: 'name',
      render: (_, a) => (
        <Space size={4} wrap>
          <a href={a.url} target="_blank" rel="noreferrer">
            {a.name}
          </a>
          {a.preferred && <Tag color="green">网页版（优先展示）</Tag>}
          {a.original && <Tag>原件</Tag>}
        </Space>
      ),
    },
    { title: '类型', key: 'kind', width: 100, render: (_, a) => KIND_LABELS[a.kind] ?? a.mime },
    { title: '大小', key: 'size', width: 90, render: (_, a) => formatSize(a.size) },
    {
      title: '无障碍',
      key: 'accessible',
      width: 90,
      render: (_, a) => (
        <Switch size="small" checked={a.accessible} disabled={!editable} aria-label={`无障碍：${a.name}`} onChange={(checked) => void change(a, { accessible: checked })} />
      ),
    },
    {
      title: '网页版对应的原件',
      key: 'htmlVersionOf',
      width: 220,
      render: (_, a) =>
        a.kind === 'html' ? (
          <Select
            size="small"
            style={{ width: '100%' }}
            allowClear
            disabled={!editable}
            aria-label={`${a.name} 是哪个附件的网页版`}
            placeholder="不是网页版"
            value={a.htmlVersionOf ?? undefined}
            options={originals.map((o) => ({ value: o.id, label: o.name }))}
            onChange={(value?: string) => void change(a, { htmlVersionOf: value ?? null })}
          />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, a, index) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={`上移：${a.name}`} onClick={() => move(index, -1)} />
          <Button type="link" size="small" icon={<ArrowDownOutlined />} disabled={index === items.length - 1} aria-label={`下移：${a.name}`} onClick={() => move(index, 1)} />
          <Button type="link" size="small" danger onClick={() => remove(a)} aria-label={`删除附件：${a.name}`}>
            删除
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {editable && (
        <Space wrap>
          <Upload
            multiple
            showUploadList={false}
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp,.html,.htm,.txt"
            customRequest={({ file, onSuccess, onError }) => {
              setUploading(true);
              api.documents
                .uploadAttachment(doc.id, editionId, file as File)
                .then(
                  (created) => {
                    onSuccess?.(created);
                    void message.success(`已上传：${created.name}`);
                    load();
                    onChanged?.();
                  },
                  (err: unknown) => {
                    onError?.(err as Error);
                    report(err);
                  },
                )
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              上传附件
            </Button>
          </Upload>
          <Typography.Text type="secondary">支持 PDF、DOCX、XLSX、图片（PNG、JPEG、GIF、WEBP）以及 HTML、TXT；类型按文件内容识别，须与扩展名一致。</Typography.Text>
        </Space>
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        columns={columns}
        dataSource={items}
        locale={{ emptyText: '暂无附件' }}
        scroll={{ x: true }}
      />
    </Space>
  );
}
