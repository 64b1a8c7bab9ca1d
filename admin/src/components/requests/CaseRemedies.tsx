// Reconsideration and litigation records of a case (annual-report table 4): list, add, delete after confirming.
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../auth';
import { useErrorReporter } from '../errors';
import { requestsApi, type CaseDetail, type Remedy, type Vocabulary } from './api';
import { nameOf } from './shared';

export function CaseRemedies({ detail, vocabulary, onChanged }: { detail: CaseDetail; vocabulary: Vocabulary; onChanged: () => void }) {
  const can = useCan();
  const report = useErrorReporter();
  const { modal, message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const result = Form.useWatch('result', form) as string | undefined;
  const handler = can('request.handle');
  const remove = (r: Remedy) =>
    modal.confirm({
      title: '删除这条记录？',
      content: `${nameOf(vocabulary.remedyKinds, r.kind)}（${r.filedOn}）将从年度报表统计中去除，仅用于删除误登记的记录。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => requestsApi.removeRemedy(detail.id, r.id).then(() => {
        void message.success('已删除');
        onChanged();
      }, report),
    });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await requestsApi.addRemedy(detail.id, {
        kind: v.kind,
        filedOn: v.filedOn.format('YYYY-MM-DD'),
        result: v.result,
        decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : null,
        note: v.note || null,
      });
      void message.success('已登记');
      setAdding(false);
      form.resetFields();
      onChanged();
    } catch (err) {
      report(err, form);
    }
  };
  return (
    <Card title="行政复议与行政诉讼" size="small" extra={handler ? <Button onClick={() => setAdding(true)}>登记复议或诉讼</Button> : null}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.remedies}
        locale={{ emptyText: <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>暂无记录</span> }}
        columns={[
          { title: '类型', render: (_, r) => nameOf(vocabulary.remedyKinds, r.kind) },
          { title: '申请或起诉日期', dataIndex: 'filedOn' },
          { title: '结果', render: (_, r) => nameOf(vocabulary.remedyResults, r.result) },
          { title: '审结日期', render: (_, r) => r.decidedOn ?? '—' },
          { title: '备注', render: (_, r) => r.note ?? '' },
          ...(handler ? [{ title: '操作', render: (_: unknown, r: Remedy) => <Button size="small" danger onClick={() => remove(r)}>删除</Button> }] : []),
        ]}
      />
      <Modal open={adding} title="登记行政复议或行政诉讼" okText="登记" cancelText="取消" onOk={submit} onCancel={() => setAdding(false)}>
        <Form form={form} layout="vertical" initialValues={{ result: 'pending' }}>
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={vocabulary.remedyKinds.map((k) => ({ value: k.value, label: k.name }))} />
          </Form.Item>
          <Form.Item label="申请复议或起诉日期" name="filedOn" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(vocabulary.today), 'day')} />
          </Form.Item>
          <Form.Item label="结果" name="result">
            <Select options={vocabulary.remedyResults.map((k) => ({ value: k.value, label: k.name }))} />
          </Form.Item>
          {result !== 'pending' && (
            <Form.Item label="审结日期" name="decidedOn" rules={[{ required: true, message: '已审结的须填写审结日期' }]}>
              <DatePicker />
            </Form.Item>
          )}
          <Form.Item label="备注" name="note">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
