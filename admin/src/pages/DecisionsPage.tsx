// 重大行政决策: the annual catalog of decision items per government, each with the five statutory procedures
// (公众参与, 专家论证, 风险评估, 合法性审查, 集体讨论决定). An item can be marked decided only when every procedure is
// done (or judged not needed, with a reason) and the legality review came before the collective decision.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { ToneTag } from '../components/normative/ToneTag';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../auth';
import { useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { DocumentSearchSelect } from '../components/documents/DocumentSearchSelect';
import { decisionApi, type DecisionInput, type DecisionItem, type ProcedureKind } from '../components/consultations/api';
import type { Page } from '../types';

const stateOptions = [
  { value: 'pending', label: '未完成' },
  { value: 'done', label: '已完成' },
  { value: 'not_required', label: '经研究无需开展' },
];
type ProcValues = { status: string; doneOn?: string; note?: string };

function ProcedureRow({ item, kind, name, onSaved }: { item: DecisionItem; kind: ProcedureKind; name: string; onSaved: (d: DecisionItem) => void }) {
  const report = useErrorReporter();
  const { message } = App.useApp();
  const p = item.procedures.find((x) => x.kind === kind)!;
  const [form] = Form.useForm<ProcValues>();
  const locked = item.status !== 'planned';
  const save = async () => {
    const v = await form.validateFields();
    try {
      onSaved(await decisionApi.procedure(item.id, kind, { status: v.status, doneOn: v.doneOn || null, note: v.note || null }));
      void message.success(`已保存：${name}`);
    } catch (err) {
      report(err, form);
    }
  };
  return (
    <Form form={form} layout="inline" initialValues={{ status: p.status, doneOn: p.doneOn ?? '', note: p.note ?? '' }} style={{ marginBottom: 8 }} disabled={locked}>
      <Typography.Text strong style={{ width: 110, display: 'inline-block' }}>{name}</Typography.Text>
      <Form.Item name="status"><Select aria-label={`${name}状态`} options={stateOptions} style={{ width: 150 }} /></Form.Item>
      <Form.Item name="doneOn"><Input aria-label={`${name}完成日期`} type="date" /></Form.Item>
      <Form.Item name="note"><Input aria-label={`${name}备注（内部）`} placeholder="备注或无需开展的理由（内部）" style={{ width: 240 }} /></Form.Item>
      <Button onClick={save} disabled={locked}>保存</Button>
    </Form>
  );
}

export default function DecisionsPage() {
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [page, setPage] = useState(1);
  const [list, setList] = useState<Page<DecisionItem> | null>(null);
  const [current, setCurrent] = useState<DecisionItem | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<DecisionInput & { organisationId: string }>();
  const [decideForm] = Form.useForm<{ decidedOn: string; decisionDocumentId?: string }>();

  const load = useCallback(() => decisionApi.list({ year, page, pageSize: 20 }).then(setList, report), [year, page, report]);
  useEffect(() => {
    void load();
  }, [load]);
  const changed = (d: DecisionItem) => {
    setCurrent(d);
    void load();
  };

  const create = async () => {
    const v = await form.validateFields();
    try {
      changed(await decisionApi.create({ ...v, summary: v.summary ?? '' }));
      setCreating(false);
      void message.success('已新增决策事项');
    } catch (err) {
      report(err, form);
    }
  };
  const decide = async () => {
    if (!current) return;
    const v = await decideForm.validateFields();
    try {
      changed(await decisionApi.decide(current.id, v.decidedOn, v.decisionDocumentId ?? null));
      void message.success('已标记为已作出决策');
    } catch (err) {
      report(err, decideForm);
    }
  };
  const remove = (d: DecisionItem) =>
    modal.confirm({
      title: `删除“${d.title}”？`,
      content: '只有未公布、未决策的事项可以删除，删除后不能恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => decisionApi.remove(d.id).then(() => (setCurrent(null), load()), report),
    });

  return (
    <Card title="重大行政决策事项目录" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => (form.resetFields(), form.setFieldsValue({ organisationId: user.organisationId ?? undefined, year }), setCreating(true))}>新增事项</Button>}>
      <Space style={{ marginBottom: 16 }}>
        <span>年度</span>
        <InputNumber aria-label="年度" min={2019} max={2100} value={year} onChange={(v) => v && (setYear(v), setPage(1))} />
      </Space>
      <Table<DecisionItem>
        rowKey="id"
        loading={!list}
        dataSource={list?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '事项', dataIndex: 'title', render: (t: string, r) => <a onClick={() => setCurrent(r)}>{t}</a> },
          { title: '政府', dataIndex: 'organisationName' },
          { title: '承办单位', dataIndex: 'department' },
          { title: '法定程序', render: (_, r) => `${r.procedures.filter((p) => p.status !== 'pending').length} / 5` },
          { title: '状态', render: (_, r) => <ToneTag tone={r.status === 'decided' ? 'green' : 'blue'}>{r.statusName}</ToneTag> },
          { title: '目录', render: (_, r) => (r.published ? '已公布' : '未公布') },
        ]}
      />
      <Drawer title="新增决策事项" open={creating} onClose={() => setCreating(false)} width={560} extra={<Button type="primary" onClick={create}>保存</Button>} destroyOnClose>
        <Form form={form} layout="vertical">
          <Form.Item name="organisationId" label="政府" rules={[{ required: true, message: '请选择' }]}><OrgTreeSelect /></Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={2019} max={2100} /></Form.Item>
          <Form.Item name="title" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="department" label="承办单位" rules={[{ required: true, message: '请填写承办单位' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="summary" label="主要内容"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Form.Item name="consultationId" label="关联的意见征集编号（选填）"><Input maxLength={64} /></Form.Item>
        </Form>
      </Drawer>
      <Drawer title={current?.title} open={current !== null} onClose={() => setCurrent(null)} width={900} destroyOnClose>
        {current && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{`${current.organisationName} · ${current.year} 年度 · 承办单位：${current.department} · ${current.statusName}${current.decidedOn ? `（${current.decidedOn}）` : ''}`}</Typography.Text>
            <Space>
              <span>列入公开目录</span>
              <Switch aria-label="列入公开目录" checked={current.published} onChange={(v) => decisionApi.publish(current.id, v).then(changed, report)} />
              {!current.published && current.status === 'planned' && <Button danger onClick={() => remove(current)}>删除</Button>}
            </Space>
            <Typography.Title level={5}>法定程序</Typography.Title>
            {current.procedures.map((p) => (
              <ProcedureRow key={`${current.id}-${p.kind}-${p.status}-${p.doneOn}`} item={current} kind={p.kind} name={p.name} onSaved={changed} />
            ))}
            {current.status === 'planned' && (
              <Form form={decideForm} layout="inline">
                <Form.Item name="decidedOn" label="决策日期" rules={[{ required: true, message: '请填写' }]}><Input type="date" /></Form.Item>
                <Form.Item name="decisionDocumentId" label="决策文件"><DocumentSearchSelect publishedOnly /></Form.Item>
                <Button type="primary" onClick={decide}>标记为已作出决策</Button>
              </Form>
            )}
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
