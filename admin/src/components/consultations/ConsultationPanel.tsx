// One consultation for staff (a panel below the list): state and actions (publish, extend, withdraw, delete — destructive ones confirmed), the
// comments with moderation and answers, staff entry of letters / e-mails / meetings, and publishing the answers
// together with the adoption report.
import { App, Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Typography } from 'antd';
import { ToneTag, type Tone } from '../normative/ToneTag';
import { useCallback, useEffect, useState } from 'react';
import { useErrorReporter } from '../errors';
import { DocumentSearchSelect } from '../documents/DocumentSearchSelect';
import { channelOptions, consultationApi, decisionOptions, type Consultation, type StaffComment, type StaffCommentInput } from './api';
import type { Page } from '../../types';

type Dialog = { kind: 'reject'; comment: StaffComment } | { kind: 'decide'; comment: StaffComment } | { kind: 'withdraw' } | { kind: 'extend' } | null;
type Props = { id: string; refreshKey?: number; onClose: () => void; onEdit: (c: Consultation) => void; onChanged: () => void };

const statusTone: Record<string, Tone> = { pending: 'orange', approved: 'green', rejected: 'grey' };

export function ConsultationPanel({ id, refreshKey, onClose, onEdit, onChanged }: Props) {
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [c, setC] = useState<Consultation | null>(null);
  const [comments, setComments] = useState<Page<StaffComment> | null>(null);
  const [status, setStatus] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogForm] = Form.useForm();
  const [letterForm] = Form.useForm<StaffCommentInput>();
  const [resultForm] = Form.useForm<{ summary: string; finalDocumentId?: string }>();

  const load = useCallback(async () => {
    try {
      const [full, list] = await Promise.all([consultationApi.get(id), consultationApi.comments(id, status)]);
      setC(full);
      setComments(list);
    } catch (err) {
      report(err);
    }
  }, [id, status, report]);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const run = async (work: () => Promise<unknown>, done: string, form?: Parameters<typeof report>[1]) => {
    try {
      await work();
      void message.success(done);
      setDialog(null);
      await load();
      onChanged();
      return true;
    } catch (err) {
      report(err, form);
      return false;
    }
  };
  const can = (event: string) => c?.allowed.includes(event) ?? false;

  const submitDialog = async () => {
    const v = await dialogForm.validateFields();
    if (!dialog) return;
    if (dialog.kind === 'reject') await run(() => consultationApi.moderate(dialog.comment.id, false, v.reason), '已标记为不予公开', dialogForm);
    if (dialog.kind === 'decide') await run(() => consultationApi.decide(dialog.comment.id, v.decision, v.reason), '已保存采纳决定（公布前仅内部可见）', dialogForm);
    if (dialog.kind === 'withdraw') await run(() => consultationApi.withdraw(id, v.reason), '已撤回', dialogForm);
    if (dialog.kind === 'extend') await run(() => consultationApi.extend(id, v.closesOn, v.reason || null), '已延长征集期', dialogForm);
  };
  const openDialog = (d: NonNullable<Dialog>) => {
    dialogForm.resetFields();
    if (d.kind === 'decide') dialogForm.setFieldsValue({ decision: d.comment.decision ?? undefined, reason: d.comment.decisionReason ?? '' });
    setDialog(d);
  };

  const remove = () =>
    modal.confirm({
      title: '删除这份意见征集草稿？',
      content: '草稿删除后不能恢复。已发布的征集只能撤回。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => consultationApi.remove(id).then(() => (onChanged(), onClose()), report),
    });
  const publish = () =>
    modal.confirm({
      title: '发布这份意见征集？',
      content: '发布后草案和起草说明即在门户网站公开，征集开始后不能再修改草案。',
      okText: '发布',
      cancelText: '取消',
      onOk: () => run(() => consultationApi.publish(id), '已发布'),
    });
  const publishResult = async () => {
    const v = await resultForm.validateFields();
    modal.confirm({
      title: '公布全部答复和采纳情况？',
      content: '所有意见的采纳决定和理由将一并在门户网站公开，公布后不能再修改。',
      okText: '公布',
      cancelText: '取消',
      onOk: () => run(() => consultationApi.publishResult(id, v.summary, v.finalDocumentId ?? null), '已公布采纳情况', resultForm),
    });
  };
  const enterLetter = async () => {
    const v = await letterForm.validateFields();
    if (await run(() => consultationApi.enter(id, { ...v, anchor: v.anchor || null }), '已录入，待审核后公开', letterForm)) letterForm.resetFields();
  };

  const anchors = [{ value: '', label: '总体意见' }, ...(c?.articles ?? []).map((a) => ({ value: a.key, label: a.label }))];
  const commentTable = (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select aria-label="按审核状态筛选" allowClear placeholder="全部意见" style={{ width: 160 }} value={status} onChange={setStatus}
          options={[{ value: 'pending', label: '待审核' }, { value: 'approved', label: '已通过' }, { value: 'rejected', label: '未通过' }]} />
        {c && <Typography.Text type="secondary">{`待审核 ${c.tally.pending} 条，已通过 ${c.tally.approved} 条（未作决定 ${c.tally.undecided} 条），未通过 ${c.tally.rejected} 条`}</Typography.Text>}
      </Space>
      <Table<StaffComment>
        rowKey="id"
        size="small"
        dataSource={comments?.items ?? []}
        pagination={false}
        columns={[
          { title: '条款', dataIndex: 'anchorLabel', width: 110 },
          { title: '意见', dataIndex: 'body', render: (b: string, r) => (<><div style={{ whiteSpace: 'pre-wrap' }}>{b}</div>{r.commenter && <Typography.Text type="secondary">{`提交人（不公开）：${[r.commenter.name, r.commenter.phone, r.commenter.email].filter(Boolean).join('，') || '未留'}${r.commenter.verified ? '（已验证）' : ''}`}</Typography.Text>}</>) },
          { title: '来源', render: (_, r) => `${r.channelName} ${r.receivedOn}`, width: 130 },
          { title: '审核', width: 120, render: (_, r) => (<><ToneTag tone={statusTone[r.status] ?? 'grey'}>{r.statusName}</ToneTag>{r.moderationReason && <div>{r.moderationReason}</div>}</>) },
          { title: '采纳决定', width: 180, render: (_, r) => (r.decisionName ? `${r.decisionName}：${r.decisionReason ?? ''}` : '—') },
          {
            title: '操作',
            width: 190,
            render: (_, r) => (
              <Space wrap>
                {c?.canModerate && can('moderate') && r.status !== 'approved' && <Button size="small" onClick={() => run(() => consultationApi.moderate(r.id, true, null), '已通过，意见已公开')}>通过</Button>}
                {c?.canModerate && can('moderate') && r.status !== 'rejected' && <Button size="small" onClick={() => openDialog({ kind: 'reject', comment: r })}>不予公开</Button>}
                {c?.canManage && can('decide') && r.status === 'approved' && <Button size="small" type="primary" onClick={() => openDialog({ kind: 'decide', comment: r })}>作出决定</Button>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );

  return (
    <Card title={c?.title ?? '意见征集'} extra={<Button onClick={onClose}>关闭</Button>} data-testid="consultation-panel">
      {c && (
        <>
          <Descriptions size="small" column={2} bordered items={[
            { label: '机构', children: c.organisationName },
            { label: '类别', children: c.kindName },
            { label: '征集期', children: `${c.opensOn} 至 ${c.closesOn}（${c.period.length} ${c.period.unit === 'working' ? '个工作日' : '日'}）` },
            { label: '状态', children: c.phaseName },
            { label: '公开页面', children: c.state === 'draft' || c.state === 'withdrawn' ? '未公开' : <a href={`/consultations/${c.id}`} target="_blank" rel="noreferrer">在门户中查看</a> },
            { label: '采纳情况', children: c.result ? <a href={`/consultations/${c.id}/result`} target="_blank" rel="noreferrer">已公布（{c.result.publishedAt.slice(0, 10)}）</a> : '未公布' },
          ]} />
          {c.canManage && (
            <Space wrap style={{ margin: '12px 0' }}>
              {can('edit') && <Button onClick={() => onEdit(c)}>修改</Button>}
              {can('publish') && <Button type="primary" onClick={publish}>发布</Button>}
              {can('extend') && <Button onClick={() => openDialog({ kind: 'extend' })}>延长征集期</Button>}
              {can('withdraw') && <Button danger onClick={() => openDialog({ kind: 'withdraw' })}>撤回</Button>}
              {can('delete') && <Button danger onClick={remove}>删除草稿</Button>}
            </Space>
          )}
          <Tabs items={[
            { key: 'comments', label: '意见与审核', children: commentTable },
            ...(c.canManage && can('staff_comment') ? [{
              key: 'letter',
              label: '录入来信意见',
              children: (
                <Form form={letterForm} layout="vertical" style={{ maxWidth: 640 }}>
                  <Form.Item name="channel" label="来源" rules={[{ required: true, message: '请选择来源' }]}><Select options={channelOptions} /></Form.Item>
                  <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请填写收到日期' }]}><Input type="date" /></Form.Item>
                  <Form.Item name="anchor" label="针对条款" initialValue=""><Select options={anchors} /></Form.Item>
                  <Form.Item name="text" label="意见内容" rules={[{ required: true, message: '请填写意见内容' }]}><Input.TextArea rows={5} maxLength={5000} /></Form.Item>
                  <Space wrap>
                    <Form.Item name="name" label="提出人（不公开）"><Input maxLength={50} /></Form.Item>
                    <Form.Item name="phone" label="电话（不公开）"><Input maxLength={30} /></Form.Item>
                    <Form.Item name="email" label="邮箱（不公开）"><Input maxLength={254} /></Form.Item>
                  </Space>
                  <Button type="primary" onClick={enterLetter}>录入意见</Button>
                </Form>
              ),
            }] : []),
            ...(c.canManage && (can('publish_result') || c.result) ? [{
              key: 'result',
              label: '采纳情况',
              children: c.result ? (
                <Alert type="success" showIcon message={`已于 ${c.result.publishedAt.slice(0, 10)} 公布：共 ${c.result.total} 条，采纳 ${c.result.counts.adopted}，部分采纳 ${c.result.counts.partly}，不予采纳 ${c.result.counts.rejected}`}
                  description={c.result.finalDocument ? `最终文件：${c.result.finalDocument.title}` : '尚未关联最终文件'} />
              ) : (
                <Form form={resultForm} layout="vertical" style={{ maxWidth: 720 }}>
                  {(c.tally.pending > 0 || c.tally.undecided > 0) && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`公布前须审核全部意见并对每条通过的意见作出决定：待审核 ${c.tally.pending} 条，未作决定 ${c.tally.undecided} 条。`} />}
                  <Form.Item name="summary" label="采纳情况说明" rules={[{ required: true, message: '请填写采纳情况说明' }]}><Input.TextArea rows={5} maxLength={20000} /></Form.Item>
                  <Form.Item name="finalDocumentId" label="最终文件（已发布的文件，可稍后关联）"><DocumentSearchSelect publishedOnly /></Form.Item>
                  <Button type="primary" onClick={publishResult}>公布全部答复和采纳情况</Button>
                </Form>
              ),
            }] : []),
          ]} />
        </>
      )}
      <Modal open={dialog !== null} onCancel={() => setDialog(null)} onOk={submitDialog} okText="确定" cancelText="取消" destroyOnClose
        title={dialog?.kind === 'reject' ? '不予公开' : dialog?.kind === 'decide' ? '采纳决定' : dialog?.kind === 'withdraw' ? '撤回意见征集' : '延长征集期'}>
        <Form form={dialogForm} layout="vertical">
          {(dialog?.kind === 'reject' || dialog?.kind === 'decide') && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{dialog.comment.body}</Typography.Paragraph>}
          {dialog?.kind === 'decide' && (
            <Form.Item name="decision" label="决定" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={decisionOptions} /></Form.Item>
          )}
          {dialog?.kind === 'extend' && <Form.Item name="closesOn" label="新的截止日期" rules={[{ required: true, message: '请填写日期' }]}><Input type="date" /></Form.Item>}
          <Form.Item name="reason" label={dialog?.kind === 'reject' ? '不予公开的理由' : dialog?.kind === 'decide' ? '理由（公布后公开）' : '理由'}
            rules={dialog?.kind === 'extend' ? [] : [{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
