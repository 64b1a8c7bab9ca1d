// 文件清理: clean-up campaigns of normative documents. Build a campaign, add documents (search, bulk add), decide per
// row or in bulk (继续有效 / 修改 / 废止 / 失效 with reason), publish with confirmation. `?id=<campaign>` opens one.
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { normativeApi, type Cleanup, type CleanupCandidate, type CleanupItem } from '../api';
import type { Page } from '../types';
import { useErrorReporter } from '../components/errors';
import { ToneTag, type Tone } from '../components/normative/ToneTag';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { navigate, useLocation } from '../router';

const DECISIONS = [
  { value: 'keep', label: '继续有效' },
  { value: 'amend', label: '修改' },
  { value: 'repeal', label: '废止' },
  { value: 'expire', label: '失效' },
];
const DECISION_TONES: Record<string, Tone> = { keep: 'green', amend: 'blue', repeal: 'red', expire: 'grey' };

export default function NormativeCleanupsPage() {
  const location = useLocation();
  const id = location.search.get('id');
  return id ? <CleanupDetail id={id} /> : <CleanupList />;
}

function CleanupList() {
  const report = useErrorReporter();
  const [data, setData] = useState<Page<Cleanup> | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  useEffect(() => {
    normativeApi.cleanups({ page: 1, pageSize: 100 }).then(setData, report);
  }, [report]);
  const create = async () => {
    const v = await form.validateFields();
    try {
      const c = await normativeApi.createCleanup({ organisationId: v.organisationId, title: v.title, scopeBefore: v.scopeBefore?.format('YYYY-MM-DD') ?? null, scopeNote: v.scopeNote || null });
      navigate(`/normative-cleanups?id=${encodeURIComponent(c.id)}`);
    } catch (err) {
      report(err, form);
    }
  };
  const columns: TableColumnsType<Cleanup> = [
    { title: '清理活动', dataIndex: 'title', render: (t, c) => <a href={`/admin/normative-cleanups?id=${encodeURIComponent(c.id)}`} onClick={(e) => { e.preventDefault(); navigate(`/normative-cleanups?id=${encodeURIComponent(c.id)}`); }}>{t}</a> },
    { title: '机构', render: (_, c) => c.organisation.name },
    { title: '文件数', dataIndex: 'itemCount' },
    { title: '状态', render: (_, c) => <ToneTag tone={c.state === 'published' ? 'green' : 'blue'}>{c.stateName}</ToneTag> },
    { title: '公布日期', dataIndex: 'publishedOn' },
  ];
  return (
    <Card title="文件清理" extra={<Button type="primary" onClick={() => setCreating(true)}>新建清理活动</Button>}>
      <Table rowKey="id" columns={columns} dataSource={data?.items ?? []} pagination={false} />
      <Modal open={creating} title="新建清理活动" okText="创建" cancelText="取消" onOk={create} onCancel={() => setCreating(false)}>
        <Form form={form} layout="vertical">
          <Form.Item label="机构" name="organisationId" rules={[{ required: true, message: '请选择机构' }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
            <Input maxLength={200} placeholder="例如：关于公布规范性文件清理结果的通知" />
          </Form.Item>
          <Form.Item label="清理范围：在此日期以前公布的文件" name="scopeBefore">
            <DatePicker />
          </Form.Item>
          <Form.Item label="范围说明" name="scopeNote">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function CleanupDetail({ id }: { id: string }) {
  const report = useErrorReporter();
  const { modal, message } = App.useApp();
  const [campaign, setCampaign] = useState<Cleanup | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<string[] | null>(null);
  const [adding, setAdding] = useState(false);
  const load = useCallback(() => normativeApi.cleanup(id).then(setCampaign, report), [id, report]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!campaign) return <Card loading />;
  const draft = campaign.state === 'draft';
  const items = campaign.items ?? [];
  const publish = () =>
    modal.confirm({
      title: '确认公布清理结果？',
      content: `共 ${items.length} 件文件。公布后，决定废止、失效的文件将自今日起显示为已废止、已失效，清理结果在门户网站公开，且不能再修改。`,
      okText: '公布',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => normativeApi.publish(id).then((c) => { setCampaign(c); message.success('清理结果已公布'); }, report),
    });
  const remove = async (item: CleanupItem) => setCampaign(await normativeApi.removeItem(id, item.id).catch((err) => { report(err); return campaign; }));
  const columns: TableColumnsType<CleanupItem> = [
    { title: '文件', render: (_, i) => <Space direction="vertical" size={0}><span>{i.title}</span>{i.docNo && <Typography.Text type="secondary">{i.docNo}</Typography.Text>}</Space> },
    { title: '公布日期', dataIndex: 'publishedOn' },
    { title: '清理决定', render: (_, i) => (i.decision ? <ToneTag tone={DECISION_TONES[i.decision] ?? 'grey'}>{i.decisionName}</ToneTag> : <ToneTag tone="orange">未决定</ToneTag>) },
    { title: '理由', dataIndex: 'reason' },
    ...(draft
      ? [{
          title: '操作',
          render: (_: unknown, i: CleanupItem) => (
            <Space>
              <Button size="small" onClick={() => setDeciding([i.id])}>决定</Button>
              <Popconfirm title="确认将此文件移出清理范围？" okText="移出" cancelText="取消" onConfirm={() => remove(i)}>
                <Button size="small" danger>移出</Button>
              </Popconfirm>
            </Space>
          ),
        }]
      : []),
  ];
  return (
    <Card
      title={<Space><a href="/admin/normative-cleanups" onClick={(e) => { e.preventDefault(); navigate('/normative-cleanups'); }}>文件清理</a><span>/</span><span>{campaign.title}</span></Space>}
      extra={<ToneTag tone={draft ? 'blue' : 'green'}>{campaign.stateName}{campaign.publishedOn ? ` ${campaign.publishedOn}` : ''}</ToneTag>}
    >
      <Typography.Paragraph>
        {campaign.organisation.name}
        {campaign.scopeBefore ? `，清理 ${campaign.scopeBefore} 以前公布的文件` : ''}
        {campaign.state === 'published' && (
          <>
            {' '}
            <a href={`/normative/cleanups/${encodeURIComponent(campaign.id)}`} target="_blank" rel="noreferrer">查看公开的清理结果</a>
          </>
        )}
      </Typography.Paragraph>
      {draft && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Button onClick={() => setAdding(true)}>添加文件</Button>
          <Button disabled={selected.length === 0} onClick={() => setDeciding(selected)}>批量决定（{selected.length}）</Button>
          <Button type="primary" onClick={publish}>公布清理结果</Button>
          <Popconfirm title="确认删除这个尚未公布的清理活动？" okText="删除" cancelText="取消" onConfirm={() => normativeApi.deleteCleanup(id).then(() => navigate('/normative-cleanups'), report)}>
            <Button danger>删除</Button>
          </Popconfirm>
        </Space>
      )}
      <Table
        rowKey="id"
        columns={columns}
        dataSource={items}
        pagination={false}
        rowSelection={draft ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
      />
      {deciding && (
        <DecideModal
          count={deciding.length}
          onClose={() => setDeciding(null)}
          onSubmit={(decision, reason) =>
            normativeApi.decide(id, { itemIds: deciding, decision, reason }).then((c) => { setCampaign(c); setDeciding(null); setSelected([]); })
          }
        />
      )}
      {adding && <AddModal id={id} onClose={() => setAdding(false)} onAdded={(c) => { setCampaign(c); setAdding(false); }} />}
    </Card>
  );
}

function DecideModal({ count, onClose, onSubmit }: { count: number; onClose: () => void; onSubmit: (decision: string, reason: string | null) => Promise<void> }) {
  const [form] = Form.useForm();
  const report = useErrorReporter();
  const decision = Form.useWatch('decision', form);
  const submit = async () => {
    const v = await form.validateFields();
    await onSubmit(v.decision, v.reason || null).catch((err) => report(err, form));
  };
  return (
    <Modal open title={`清理决定（${count} 件）`} okText="保存" cancelText="取消" onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ decision: 'keep' }}>
        <Form.Item label="决定" name="decision">
          <Select options={DECISIONS} aria-label="清理决定" />
        </Form.Item>
        <Form.Item label="理由" name="reason" rules={[{ required: decision !== 'keep', message: '修改、废止、失效须填写理由' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddModal({ id, onClose, onAdded }: { id: string; onClose: () => void; onAdded: (c: Cleanup) => void }) {
  const report = useErrorReporter();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<CleanupCandidate> | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => {
    normativeApi.candidates(id, { q, page, pageSize: 20 }).then(setData, report);
  }, [id, q, page, report]);
  const add = () => normativeApi.addItems(id, picked).then(onAdded, report);
  return (
    <Modal open width={800} title="添加文件" okText={`加入（${picked.length}）`} okButtonProps={{ disabled: picked.length === 0 }} cancelText="取消" onOk={add} onCancel={onClose}>
      <Input.Search aria-label="搜索标题或发文字号" placeholder="标题或发文字号" allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ marginBottom: 12 }} />
      <Table
        rowKey="id"
        size="small"
        dataSource={data?.items ?? []}
        columns={[
          { title: '文件', dataIndex: 'title' },
          { title: '发文字号', dataIndex: 'docNo' },
          { title: '公布日期', dataIndex: 'publishedOn' },
          { title: '机构', dataIndex: 'organisation' },
        ]}
        rowSelection={{ selectedRowKeys: picked, preserveSelectedRowKeys: true, onChange: (keys) => setPicked(keys as string[]) }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
      />
    </Modal>
  );
}
