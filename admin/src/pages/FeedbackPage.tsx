// 营商环境线索: the departments' handling list (reply, reroute, with confirmation) and the monthly statistics.
import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tabs } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
import { useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { ToneTag } from '../components/normative/ToneTag';
import { feedbackApi, type FeedbackCase, type FeedbackStats } from '../components/participation/api';
import { useLocation } from '../router';
import type { Page } from '../types';

type Query = { org?: string; state?: string; category?: string; q?: string; page: number; pageSize: number };

export default function FeedbackPage() {
  return (
    <Card title="营商环境线索">
      <Tabs items={[{ key: 'cases', label: '线索办理', children: <Cases /> }, { key: 'stats', label: '月度统计', children: <Stats /> }]} />
    </Card>
  );
}

function Cases() {
  const report = useErrorReporter();
  const location = useLocation();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20, q: location.search.get('q') ?? undefined });
  const [categories, setCategories] = useState<string[]>([]);
  const [replying, setReplying] = useState<FeedbackCase | null>(null);
  const [rerouting, setRerouting] = useState<FeedbackCase | null>(null);
  const { data, loading, load } = useLatestLoad<Page<FeedbackCase>>(useCallback(() => feedbackApi.list(query), [query]), report);
  useEffect(() => {
    feedbackApi.categories().then((c) => setCategories(c.categories), report);
  }, [report]);

  const columns: TableColumnsType<FeedbackCase> = [
    { title: '编号', width: 170, dataIndex: 'trackingNo' },
    { title: '类别', width: 110, dataIndex: 'category' },
    { title: '涉及部门', width: 180, dataIndex: 'orgName' },
    { title: '收到', width: 110, dataIndex: 'receivedOn' },
    { title: '答复期限', width: 110, render: (_, c) => <Space>{c.dueOn}{c.overdue && <ToneTag tone="red">逾期</ToneTag>}</Space> },
    { title: '状态', width: 90, render: (_, c) => <ToneTag tone={c.state === 'replied' ? 'green' : 'blue'}>{c.stateName}</ToneTag> },
    {
      title: '操作',
      width: 170,
      render: (_, c) =>
        c.state === 'received' && c.canHandle ? (
          <Space>
            <Button size="small" type="primary" onClick={() => setReplying(c)}>答复</Button>
            <Button size="small" onClick={() => setRerouting(c)}>转交</Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect aria-label="按部门筛选" allowClear placeholder="全部部门" style={{ width: 240 }} value={query.org} onChange={(v) => setQuery({ ...query, org: v, page: 1 })} />
        <Select aria-label="按类别筛选" allowClear placeholder="全部类别" style={{ width: 150 }} options={categories.map((c) => ({ value: c, label: c }))} value={query.category} onChange={(v) => setQuery({ ...query, category: v, page: 1 })} />
        <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 120 }} options={[{ value: 'received', label: '办理中' }, { value: 'replied', label: '已答复' }]} value={query.state} onChange={(v) => setQuery({ ...query, state: v, page: 1 })} />
        <Input.Search aria-label="搜索编号或内容" placeholder="编号或内容" allowClear defaultValue={query.q} onSearch={(q) => setQuery({ ...query, q, page: 1 })} style={{ width: 220 }} />
      </Space>
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        expandable={{ expandedRowRender: (c) => <CaseDetail item={c} /> }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
      />
      {replying && <ReplyModal item={replying} onClose={() => setReplying(null)} onDone={() => { setReplying(null); load(); }} />}
      {rerouting && <RerouteModal item={rerouting} onClose={() => setRerouting(null)} onDone={() => { setRerouting(null); load(); }} />}
    </>
  );
}

function CaseDetail({ item }: { item: FeedbackCase }) {
  const c = item.contact;
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="问题描述"><span style={{ whiteSpace: 'pre-line' }}>{item.description}</span></Descriptions.Item>
      {c && <Descriptions.Item label="联系方式（不公开）">{[c.company, c.name, c.phone, c.email].filter(Boolean).join('，')}</Descriptions.Item>}
      {item.reply && <Descriptions.Item label={`答复（${item.repliedOn}）`}><span style={{ whiteSpace: 'pre-line' }}>{item.reply}</span></Descriptions.Item>}
    </Descriptions>
  );
}

function ReplyModal({ item, onClose, onDone }: { item: FeedbackCase; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const submit = async () => {
    const v = await form.validateFields();
    modal.confirm({
      title: '确认提交答复？',
      content: '答复提交后不能修改；留有联系方式的企业将收到通知。',
      okText: '提交',
      cancelText: '取消',
      onOk: () => feedbackApi.reply(item.id, v.reply).then(() => { message.success('已答复'); onDone(); }, (err) => report(err, form)),
    });
  };
  return (
    <Modal open title={`答复 ${item.trackingNo}`} okText="提交" cancelText="取消" onOk={submit} onCancel={onClose}>
      <p style={{ whiteSpace: 'pre-line' }}>{item.description}</p>
      <Form form={form} layout="vertical">
        <Form.Item label="答复内容" name="reply" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RerouteModal({ item, onClose, onDone }: { item: FeedbackCase; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const submit = async () => {
    const v = await form.validateFields();
    modal.confirm({
      title: '确认转交？',
      content: '线索将转交所选部门办理，答复期限不变。',
      okText: '转交',
      cancelText: '取消',
      onOk: () => feedbackApi.reroute(item.id, v.toOrgId).then(() => { message.success('已转交'); onDone(); }, (err) => report(err, form)),
    });
  };
  return (
    <Modal open title={`转交 ${item.trackingNo}`} okText="转交" cancelText="取消" onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item label="转交至" name="toOrgId" rules={[{ required: true, message: '请选择部门' }]}>
          <OrgTreeSelect aria-label="转交至" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Stats() {
  const report = useErrorReporter();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [stats, setStats] = useState<FeedbackStats | null>(null);
  useEffect(() => {
    feedbackApi.stats(month ?? '').then(setStats, report);
  }, [month, report]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <span>统计月份</span>
        <Select aria-label="统计月份" style={{ width: 140 }} value={stats?.month} options={(stats?.months ?? []).map((m) => ({ value: m, label: m }))} onChange={setMonth} />
        <a href={`/feedback/stats${stats ? `?month=${stats.month}` : ''}`} target="_blank" rel="noreferrer">门户公开页面</a>
      </Space>
      <Table
        rowKey={(r) => `${r.orgId}-${r.category}`}
        dataSource={stats?.rows ?? []}
        pagination={false}
        columns={[
          { title: '部门', dataIndex: 'orgName' },
          { title: '类别', dataIndex: 'category' },
          { title: '收到', dataIndex: 'received' },
          { title: '已答复', dataIndex: 'replied' },
          { title: '按期答复', dataIndex: 'onTime' },
        ]}
      />
    </Space>
  );
}
