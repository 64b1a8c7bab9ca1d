// 政策问答: moderation of public questions, routing, answers (with the department's choice to publish), review
// before publication, and knowledge-base entries written by staff. Every action asks for confirmation.
import { App, Button, Card, Checkbox, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
import { useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { ToneTag, type Tone } from '../components/normative/ToneTag';
import { DocumentPicker } from '../components/participation/DocumentPicker';
import { qaApi, type QaItem, type QaQuery } from '../components/participation/api';
import { useLocation } from '../router';
import type { Page } from '../types';

const STATES = [
  ['pending', '待审核'], ['assigned', '待答复'], ['answered', '已答复（不公开）'], ['draft', '草稿'], ['in_review', '待发布审核'],
  ['published', '已发布'], ['withdrawn', '已撤下'], ['rejected', '不予受理'],
].map(([value, label]) => ({ value, label }));
const AUDIENCES = [{ value: 'all', label: '公众和企业' }, { value: 'citizen', label: '公众' }, { value: 'enterprise', label: '企业' }];
const ACTION_LABELS: Record<string, string> = {
  accept: '审核通过并转办', reject: '不予受理', reroute: '改派部门', answer: '答复', submit: '提交发布审核', publish: '审核通过并发布',
  return: '退回修改', unpublish: '撤下', republish: '重新发布', revise: '修改后重新提交',
};
const NEEDS_REASON = new Set(['reject', 'return', 'unpublish']);
const EDITABLE = new Set(['assigned', 'answered', 'draft', 'in_review']);
const TONE: Record<string, Tone> = { pending: 'orange', assigned: 'blue', answered: 'grey', draft: 'grey', in_review: 'orange', published: 'green', rejected: 'grey', withdrawn: 'grey' };

export default function QaPage() {
  const report = useErrorReporter();
  const location = useLocation();
  const [query, setQuery] = useState<QaQuery>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(location.search.get('open'));
  const [editing, setEditing] = useState<QaItem | 'new' | null>(null);
  const { data, loading, load } = useLatestLoad<Page<QaItem>>(useCallback(() => qaApi.list(query), [query]), report);

  const columns: TableColumnsType<QaItem> = [
    { title: '标题', render: (_, q) => <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(q.id)}>{q.title}</Button> },
    { title: '来源', width: 90, render: (_, q) => (q.origin === 'public' ? '公众提问' : '知识库') },
    { title: '承办部门', width: 180, dataIndex: 'orgName' },
    { title: '收到日期', width: 110, dataIndex: 'receivedOn' },
    { title: '答复期限', width: 110, render: (_, q) => q.dueOn ?? '—' },
    { title: '状态', width: 140, render: (_, q) => <ToneTag tone={TONE[q.state] ?? 'grey'}>{q.stateName}</ToneTag> },
  ];

  return (
    <Card title="政策问答" extra={<Button type="primary" onClick={() => setEditing('new')}>新建知识库问答</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect aria-label="按部门筛选" allowClear placeholder="全部部门" style={{ width: 240 }} value={query.org} onChange={(v) => setQuery({ ...query, org: v, page: 1 })} />
        <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 170 }} options={STATES} value={query.state} onChange={(v) => setQuery({ ...query, state: v, page: 1 })} />
        <Select aria-label="按来源筛选" allowClear placeholder="全部来源" style={{ width: 130 }} options={[{ value: 'public', label: '公众提问' }, { value: 'staff', label: '知识库' }]} value={query.origin} onChange={(v) => setQuery({ ...query, origin: v, page: 1 })} />
        <Input.Search aria-label="搜索标题、问题或答复" placeholder="标题、问题或答复" allowClear onSearch={(q) => setQuery({ ...query, q, page: 1 })} style={{ width: 240 }} />
      </Space>
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
      />
      {open && <QaDrawer id={open} onClose={() => setOpen(null)} onChanged={load} onEdit={(q) => setEditing(q)} />}
      {editing && <EntryModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={(q) => { setEditing(null); load(); setOpen(q.id); }} />}
    </Card>
  );
}

function QaDrawer({ id, onClose, onChanged, onEdit }: { id: string; onClose: () => void; onChanged: () => void; onEdit: (q: QaItem) => void }) {
  const report = useErrorReporter();
  const [item, setItem] = useState<QaItem | null>(null);
  const [action, setAction] = useState<string | null>(null);
  useEffect(() => {
    qaApi.get(id).then(setItem, report);
  }, [id, report]);
  const done = (q: QaItem) => {
    setItem(q);
    setAction(null);
    onChanged();
  };
  return (
    <Drawer open title={item?.title ?? '问答详情'} size="large" onClose={onClose}>
      {item && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="状态"><ToneTag tone={TONE[item.state] ?? 'grey'}>{item.stateName}</ToneTag></Descriptions.Item>
            <Descriptions.Item label="承办部门">{item.orgName}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{item.receivedOn}{item.dueOn ? `；答复期限 ${item.dueOn}` : ''}</Descriptions.Item>
            <Descriptions.Item label="面向对象">{item.audienceName}{item.topic ? `；主题：${item.topic}` : ''}</Descriptions.Item>
            <Descriptions.Item label="问题"><Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{item.question}</Typography.Paragraph></Descriptions.Item>
            <Descriptions.Item label="答复"><Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{item.answer ?? '（尚未答复）'}</Typography.Paragraph></Descriptions.Item>
            <Descriptions.Item label="关联政策">{item.documents.length ? item.documents.map((d) => <div key={d.id}><a href={`/documents/${d.slug}`} target="_blank" rel="noreferrer">{d.title}</a></div>) : '无'}</Descriptions.Item>
            {item.asker && (
              <Descriptions.Item label="提问人（不公开）">{[item.asker.name, item.asker.phone, item.asker.email].filter(Boolean).join('，') || '未留联系方式'}</Descriptions.Item>
            )}
            {item.internalNote && <Descriptions.Item label="内部意见（不公开）">{item.internalNote}</Descriptions.Item>}
          </Descriptions>
          <Space wrap>
            {item.actions.map((a) => (
              <Button key={a} type={['answer', 'publish', 'accept'].includes(a) ? 'primary' : 'default'} danger={['reject', 'unpublish'].includes(a)} onClick={() => setAction(a)}>
                {ACTION_LABELS[a] ?? a}
              </Button>
            ))}
            {EDITABLE.has(item.state) && <Button onClick={() => onEdit(item)}>修改</Button>}
          </Space>
        </Space>
      )}
      {item && action && <ActionModal item={item} action={action} onClose={() => setAction(null)} onDone={done} />}
    </Drawer>
  );
}

function ActionModal({ item, action, onClose, onDone }: { item: QaItem; action: string; onClose: () => void; onDone: (q: QaItem) => void }) {
  const [form] = Form.useForm();
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const label = ACTION_LABELS[action] ?? action;
  const submit = async () => {
    const v = await form.validateFields();
    modal.confirm({
      title: `确认${label}？`,
      content: action === 'answer' ? (v.publish ? '答复将通知提问人，并提交审核后公开。' : '答复将通知提问人，不公开。') : action === 'publish' || action === 'republish' ? '发布后问题与答复将在门户网站公开，并可被检索。' : `《${item.title}》`,
      okText: '确认',
      cancelText: '取消',
      okButtonProps: { danger: ['reject', 'unpublish'].includes(action) },
      onOk: () =>
        qaApi.act(item.id, { type: action, answer: v.answer, publish: v.publish, reason: v.reason, toOrgId: v.toOrgId }).then(
          (q) => {
            message.success(`已${label}`);
            onDone(q);
          },
          (err) => report(err, form),
        ),
    });
  };
  return (
    <Modal open title={label} okText={label} cancelText="取消" onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ answer: item.answer ?? '', publish: true }}>
        {action === 'answer' && (
          <>
            <Form.Item label="答复内容" name="answer" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}>
              <Input.TextArea rows={8} maxLength={10000} showCount />
            </Form.Item>
            <Form.Item name="publish" valuePropName="checked">
              <Checkbox>同时公开此问答（提交审核后在门户网站和所关联政策页面公开，不含提问人信息）</Checkbox>
            </Form.Item>
          </>
        )}
        {NEEDS_REASON.has(action) && (
          <Form.Item label="理由（内部留存，不公开）" name="reason" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        {action === 'reroute' && (
          <Form.Item label="改派至" name="toOrgId" rules={[{ required: true, message: '请选择承办部门' }]}>
            <OrgTreeSelect aria-label="承办部门" />
          </Form.Item>
        )}
        {!['answer', 'reroute'].includes(action) && !NEEDS_REASON.has(action) && <p>将对《{item.title}》执行“{label}”。</p>}
      </Form>
    </Modal>
  );
}

function EntryModal({ item, onClose, onDone }: { item: QaItem | null; onClose: () => void; onDone: (q: QaItem) => void }) {
  const [form] = Form.useForm();
  const report = useErrorReporter();
  const submit = async () => {
    const v = await form.validateFields();
    const input = { title: v.title, question: v.question, answer: v.answer ?? '', topic: v.topic ?? '', audience: v.audience, documentIds: v.documentIds ?? [] };
    (item ? qaApi.update(item.id, input) : qaApi.create({ ...input, orgId: v.orgId })).then(onDone, (err) => report(err, form));
  };
  return (
    <Modal open width={720} title={item ? '修改问答' : '新建知识库问答'} okText="保存" cancelText="取消" onOk={submit} onCancel={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={item ? { title: item.title, question: item.question, answer: item.answer ?? '', topic: item.topic ?? '', audience: item.audience, documentIds: item.documents.map((d) => d.id) } : { audience: 'all', documentIds: [] }}
      >
        {!item && (
          <Form.Item label="答复部门" name="orgId" rules={[{ required: true, message: '请选择答复部门' }]}>
            <OrgTreeSelect aria-label="答复部门" />
          </Form.Item>
        )}
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="问题" name="question" rules={[{ required: true, whitespace: true, message: '请填写问题' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item label="答复" name="answer">
          <Input.TextArea rows={6} maxLength={10000} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="面向对象" name="audience">
            <Select style={{ width: 160 }} options={AUDIENCES} />
          </Form.Item>
          <Form.Item label="主题" name="topic">
            <Input maxLength={40} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item label="关联政策文件" name="documentIds">
          <DocumentPicker initial={item?.documents ?? []} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
