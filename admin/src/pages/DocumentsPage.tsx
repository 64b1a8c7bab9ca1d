// 文件管理: filterable, paged list of documents with bulk submit; `?edit=<id>` (or `?edit=new`) opens the editor.
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { useCan } from '../auth';
import { errorMessage, useErrorReporter } from '../components/errors';
import { formatTime } from '../components/format';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { PublicStateTag, STATE_OPTIONS, StateTag } from '../components/documents/labels';
import { href, navigate, useLocation } from '../router';
import type { DocumentItem, Page } from '../types';

const DocumentEditor = lazy(() => import('../components/documents/DocumentEditor').then((m) => ({ default: m.DocumentEditor })));

const editHref = (id: string) => `/documents?edit=${encodeURIComponent(id)}`;

interface Query {
  organisationId?: string;
  state?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function DocumentList() {
  const can = useCan();
  const { modal } = App.useApp();
  const report = useErrorReporter();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<DocumentItem> | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<DocumentItem[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api.documents
      .list(query)
      .then(setData, report)
      .finally(() => setLoading(false));
  }, [query, report]);
  useEffect(load, [load]);

  /** Submits each selected draft on its own and reports what went through and what was refused, and why. */
  const submitSelected = async () => {
    setSubmitting(true);
    const done: string[] = [];
    const failed: { title: string; reason: string }[] = [];
    for (const d of selected) {
      try {
        await api.documents.act(d.id, { action: 'submit' });
        done.push(d.edition.title);
      } catch (err) {
        failed.push({ title: d.edition.title, reason: errorMessage(err) });
      }
    }
    setSubmitting(false);
    setSelected([]);
    load();
    (failed.length ? modal.warning : modal.success)({
      title: `已提交 ${done.length} 件，未提交 ${failed.length} 件`,
      width: 560,
      okText: '知道了',
      content: (
        <div>
          {done.length > 0 && <Typography.Paragraph>已提交审核：{done.join('；')}</Typography.Paragraph>}
          {failed.length > 0 && (
            <ul style={{ paddingInlineStart: 20 }}>
              {failed.map((f) => (
                <li key={f.title}>
                  {f.title}：{f.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      ),
    });
  };

  const columns: TableColumnsType<DocumentItem> = [
    {
      title: '标题',
      key: 'title',
      render: (_, d) => (
        <a
          href={href(editHref(d.id))}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            navigate(editHref(d.id));
          }}
        >
          {d.edition.title || '（无标题）'}
        </a>
      ),
    },
    { title: '发文字号', key: 'docNo', width: 170, render: (_, d) => d.edition.docNo ?? '—' },
    { title: '所属机构', dataIndex: 'organisationName', width: 170 },
    {
      title: '状态',
      key: 'state',
      width: 130,
      render: (_, d) => (
        <Space size={2}>
          <StateTag state={d.edition.state} />
          <Typography.Text type="secondary">v{d.edition.version}</Typography.Text>
        </Space>
      ),
    },
    { title: '公开状态', key: 'publicState', width: 150, render: (_, d) => <PublicStateTag state={d.publicState} /> },
    { title: '更新时间', key: 'updatedAt', width: 150, render: (_, d) => formatTime(d.edition.updatedAt) },
  ];

  return (
    <Card
      title="文件管理"
      extra={
        can('document.edit') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/documents?edit=new')}>
            新建文件
          </Button>
        )
      }
    >
      <Space wrap style={{ display: 'flex', marginBottom: 16 }}>
        <OrgTreeSelect
          aria-label="按机构筛选"
          placeholder="按机构筛选（含下级）"
          allowClear
          style={{ width: 260 }}
          value={query.organisationId}
          onChange={(v) => setQuery((s) => ({ ...s, organisationId: v, page: 1 }))}
        />
        <Select
          aria-label="按状态筛选"
          placeholder="按状态筛选"
          allowClear
          style={{ width: 150 }}
          options={STATE_OPTIONS}
          value={query.state}
          onChange={(v?: string) => setQuery((s) => ({ ...s, state: v, page: 1 }))}
        />
        <Input.Search
          aria-label="按标题搜索"
          placeholder="按标题搜索"
          allowClear
          enterButton="搜索"
          style={{ width: 300 }}
          onSearch={(q) => setQuery((s) => ({ ...s, q: q.trim() || undefined, page: 1 }))}
        />
      </Space>
      {can('document.edit') && (
        <Space style={{ display: 'flex', marginBottom: 12 }}>
          <Button icon={<SendOutlined />} disabled={selected.length === 0} loading={submitting} onClick={() => void submitSelected()}>
            提交所选草稿{selected.length ? `（${selected.length}）` : ''}
          </Button>
          <Typography.Text type="secondary">只有草稿可以选择</Typography.Text>
        </Space>
      )}
      <Table<DocumentItem>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        rowSelection={
          can('document.edit')
            ? {
                selectedRowKeys: selected.map((d) => d.id),
                onChange: (_, rows) => setSelected(rows),
                getCheckboxProps: (d) => ({ disabled: d.edition.state !== 'draft', 'aria-label': `选择“${d.edition.title}”` }),
                // The table's hidden measuring row copies the header: a "select all" box there would be a focusable
                // element inside aria-hidden. Drafts are picked one by one.
                hideSelectAll: true,
                columnTitle: '选择',
              }
            : undefined
        }
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page, pageSize) => setQuery((s) => ({ ...s, page, pageSize })),
        }}
      />
    </Card>
  );
}

export default function DocumentsPage() {
  const edit = useLocation().search.get('edit');
  if (!edit) return <DocumentList />;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} aria-label="加载中" />}>
      <DocumentEditor key={edit} id={edit === 'new' ? null : edit} />
    </Suspense>
  );
}
