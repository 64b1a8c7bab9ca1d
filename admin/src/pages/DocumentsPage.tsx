// 文件管理: filterable, paged list of documents with bulk submit / approve / publish; `?edit=<id>` (or `?edit=new`)
// opens the editor.
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Suspense, lazy, useCallback, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
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

/** Bulk actions: each applies to editions in one state and needs one permission; rejecting needs a reason per document. */
const BULK_ACTIONS = [
  { action: 'submit', label: '提交审核', from: 'draft', fromLabel: '草稿', permission: 'document.edit', done: '已提交审核' },
  { action: 'approve', label: '审核通过', from: 'submitted', fromLabel: '待审核', permission: 'document.review', done: '已审核通过' },
  { action: 'publish', label: '发布', from: 'approved', fromLabel: '已审核', permission: 'document.publish', done: '已发布' },
] as const;
type BulkAction = (typeof BULK_ACTIONS)[number];

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
  const [selected, setSelected] = useState<DocumentItem[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const bulkActions = BULK_ACTIONS.filter((b) => can(b.permission));
  const [bulkName, setBulkName] = useState<string>(bulkActions[0]?.action ?? 'submit');
  const bulk: BulkAction | undefined = bulkActions.find((b) => b.action === bulkName);

  const { data, loading, load } = useLatestLoad<Page<DocumentItem>>(
    useCallback(() => api.documents.list(query), [query]),
    report,
  );

  /** Acts on each selected document on its own and reports what went through and what was refused, and why. */
  const actOnSelected = async (b: BulkAction) => {
    setSubmitting(true);
    const done: string[] = [];
    const failed: { title: string; reason: string }[] = [];
    for (const d of selected) {
      try {
        await api.documents.act(d.id, { action: b.action });
        done.push(d.edition.title);
      } catch (err) {
        failed.push({ title: d.edition.title, reason: errorMessage(err) });
      }
    }
    setSubmitting(false);
    setSelected([]);
    load();
    (failed.length ? modal.warning : modal.success)({
      title: `${b.done} ${done.length} 件，未完成 ${failed.length} 件`,
      width: 560,
      okText: '知道了',
      content: (
        <div>
          {done.length > 0 && (
            <Typography.Paragraph>
              {b.done}：{done.join('；')}
            </Typography.Paragraph>
          )}
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
      {bulk && (
        <Space wrap style={{ display: 'flex', marginBottom: 12 }}>
          <Select
            aria-label="批量操作"
            style={{ width: 140 }}
            value={bulk.action}
            options={bulkActions.map((b) => ({ value: b.action, label: b.label }))}
            onChange={(v: string) => {
              setBulkName(v);
              setSelected([]);
            }}
          />
          <Button
            icon={<SendOutlined />}
            disabled={selected.length === 0}
            loading={submitting}
            onClick={() =>
              bulk.action === 'publish'
                ? modal.confirm({
                    title: `发布所选 ${selected.length} 件文件？`,
                    content: '发布后文件立即在门户公开，并记入发布存证；如需收回只能撤回或撤销发布。',
                    okText: '发布',
                    cancelText: '取消',
                    onOk: () => actOnSelected(bulk),
                  })
                : void actOnSelected(bulk)
            }
          >
            {bulk.label}
            {selected.length ? `（${selected.length}）` : ''}
          </Button>
          <Typography.Text type="secondary">{`只能选择“${bulk.fromLabel}”状态的文件；退回须逐件填写理由`}</Typography.Text>
        </Space>
      )}
      <Table<DocumentItem>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        rowSelection={
          bulk
            ? {
                selectedRowKeys: selected.map((d) => d.id),
                onChange: (_, rows) => setSelected(rows),
                getCheckboxProps: (d) => ({ disabled: d.edition.state !== bulk.from, 'aria-label': `选择“${d.edition.title}”` }),
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
