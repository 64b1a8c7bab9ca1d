// 重大会议: the openness office records 常务会议 / 全体会议 (press release, decided items with a confidential flag,
// linked interpretations, 开放情况) and publishes them. Confidential items never leave this page.
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
import { useErrorReporter } from '../components/errors';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { ToneTag } from '../components/normative/ToneTag';
import { DocumentPicker } from '../components/participation/DocumentPicker';
import { meetingsApi, type Meeting } from '../components/participation/api';
import type { Page } from '../types';

const KINDS = [{ value: 'executive', label: '常务会议' }, { value: 'plenary', label: '全体会议' }];
const PARTICIPANTS = [['grassroots', '基层代表'], ['enterprise', '企业代表'], ['media', '媒体代表'], ['expert', '专家代表']] as const;
type Query = { org?: string; year?: number; state?: string; page: number; pageSize: number };

export default function MeetingsPage() {
  const report = useErrorReporter();
  const { modal, message } = App.useApp();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);
  const { data, loading, load } = useLatestLoad<Page<Meeting>>(useCallback(() => meetingsApi.list(query), [query]), report);

  const act = (m: Meeting, type: string) =>
    modal.confirm({
      title: type === 'publish' ? '确认发布该会议信息？' : '确认撤下该会议信息？',
      content: type === 'publish' ? '发布后会议通稿、非涉密议定事项和开放情况将在门户网站公开；涉密事项不公开。' : '撤下后门户网站不再显示，可修改后重新发布。',
      okText: '确认',
      cancelText: '取消',
      okButtonProps: { danger: type === 'withdraw' },
      onOk: () => meetingsApi.act(m.id, type).then(() => { message.success(type === 'publish' ? '已发布' : '已撤下'); load(); }, report),
    });

  const columns: TableColumnsType<Meeting> = [
    { title: '会议', render: (_, m) => m.title },
    { title: '日期', width: 110, dataIndex: 'heldOn' },
    { title: '列席代表', width: 100, render: (_, m) => `${PARTICIPANTS.reduce((n, [k]) => n + m.participation[k], 0)} 人` },
    { title: '涉密事项', width: 90, render: (_, m) => m.items.filter((i) => i.confidential).length },
    { title: '状态', width: 90, render: (_, m) => <ToneTag tone={m.state === 'published' ? 'green' : 'grey'}>{m.stateName}</ToneTag> },
    {
      title: '操作',
      width: 200,
      render: (_, m) => (
        <Space>
          {m.state !== 'published' && m.actions.length > 0 && <Button size="small" onClick={() => setEditing(m)}>编辑</Button>}
          {m.actions.includes('publish') && <Button size="small" type="primary" onClick={() => act(m, 'publish')}>发布</Button>}
          {m.actions.includes('withdraw') && <Button size="small" danger onClick={() => act(m, 'withdraw')}>撤下</Button>}
          {m.state === 'published' && <a href={`/meetings/${m.id}`} target="_blank" rel="noreferrer">查看</a>}
        </Space>
      ),
    },
  ];

  return (
    <Card title="重大会议" extra={<Button type="primary" onClick={() => setEditing('new')}>新建会议</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect aria-label="按机构筛选" allowClear placeholder="全部机构" style={{ width: 240 }} value={query.org} onChange={(v) => setQuery({ ...query, org: v, page: 1 })} />
        <InputNumber aria-label="年度" placeholder="年度" min={1949} max={2100} value={query.year} onChange={(v) => setQuery({ ...query, year: v ?? undefined, page: 1 })} />
        <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 140 }} options={[{ value: 'draft', label: '草稿' }, { value: 'published', label: '已发布' }, { value: 'withdrawn', label: '已撤下' }]} value={query.state} onChange={(v) => setQuery({ ...query, state: v, page: 1 })} />
      </Space>
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
      />
      {editing && <MeetingModal meeting={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={() => { setEditing(null); message.success('已保存'); load(); }} />}
    </Card>
  );
}

function MeetingModal({ meeting, onClose, onDone }: { meeting: Meeting | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const report = useErrorReporter();
  const submit = async () => {
    const v = await form.validateFields();
    const input = {
      kind: v.kind, sessionNo: v.sessionNo, title: v.title || undefined, heldOn: v.heldOn.format('YYYY-MM-DD'), pressRelease: v.pressRelease ?? '',
      items: (v.items ?? []).filter((i: { text?: string }) => i?.text?.trim()).map((i: { text: string; confidential?: boolean }) => ({ text: i.text, confidential: !!i.confidential })),
      participation: Object.fromEntries(PARTICIPANTS.map(([k]) => [k, v[k] ?? 0])) as Meeting['participation'],
      documentIds: v.documentIds ?? [],
    };
    (meeting ? meetingsApi.update(meeting.id, input) : meetingsApi.create({ ...input, orgId: v.orgId })).then(onDone, (err) => report(err, form));
  };
  const initial = meeting
    ? { ...meeting, heldOn: dayjs(meeting.heldOn), ...meeting.participation }
    : { kind: 'executive', heldOn: dayjs(), items: [{ text: '', confidential: false }], grassroots: 0, enterprise: 0, media: 0, expert: 0, documentIds: [] };
  return (
    <Modal open width={760} title={meeting ? '编辑会议' : '新建会议'} okText="保存" cancelText="取消" onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={initial}>
        {!meeting && (
          <Form.Item label="召开机关" name="orgId" rules={[{ required: true, message: '请选择召开会议的政府' }]}>
            <OrgTreeSelect aria-label="召开机关" />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item label="会议类型" name="kind"><Select style={{ width: 140 }} options={KINDS} /></Form.Item>
          <Form.Item label="届次（第几次）" name="sessionNo" rules={[{ required: true, message: '请填写届次' }]}><InputNumber min={1} max={999} /></Form.Item>
          <Form.Item label="召开日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        </Space>
        <Form.Item label="标题（留空则自动生成，如“宜昌市人民政府第12次常务会议”）" name="title"><Input maxLength={100} /></Form.Item>
        <Form.Item label="会议通稿" name="pressRelease"><Input.TextArea rows={5} maxLength={20000} /></Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Form.Item label="议定事项（勾选“涉密”的事项不公开）">
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'text']} noStyle><Input.TextArea aria-label={`第 ${i + 1} 项议定事项`} rows={1} style={{ width: 520 }} maxLength={1000} /></Form.Item>
                  <Form.Item name={[f.name, 'confidential']} valuePropName="checked" noStyle><Checkbox>涉密</Checkbox></Form.Item>
                  <Button onClick={() => remove(f.name)} aria-label={`删除第 ${i + 1} 项`}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add({ text: '', confidential: false })}>添加议定事项</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item label="开放情况：邀请列席代表人数">
          <Space wrap>
            {PARTICIPANTS.map(([k, label]) => (
              <Form.Item key={k} label={label} name={k} style={{ marginBottom: 0 }}><InputNumber min={0} max={10000} /></Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Form.Item label="相关解读" name="documentIds"><DocumentPicker /></Form.Item>
      </Form>
    </Modal>
  );
}
