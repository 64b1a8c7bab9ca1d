// 待审核意见: every comment waiting for moderation in the consultations the user may moderate, oldest first. Approving
// makes it public at once; refusing asks for the reason.
import { App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useErrorReporter } from '../errors';
import { navigate } from '../../router';
import { consultationApi, type StaffComment } from './api';
import type { Page } from '../../types';

type Item = StaffComment & { consultationId: string; consultationTitle: string };

export function ModerationQueue({ refreshKey, onChanged }: { refreshKey: number; onChanged: () => void }) {
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Item> | null>(null);
  const [rejecting, setRejecting] = useState<Item | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const load = useCallback(() => consultationApi.queue(page).then(setData, report), [page, report]);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const moderate = async (item: Item, approve: boolean, reason: string | null) => {
    try {
      await consultationApi.moderate(item.id, approve, reason);
      void message.success(approve ? '已通过，意见已公开' : '已标记为不予公开');
      setRejecting(null);
      await load();
      onChanged();
    } catch (err) {
      report(err, form);
    }
  };

  return (
    <Card title={`待审核意见（${data?.total ?? 0} 条）`} data-testid="moderation-queue">
      <Table<Item>
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <span style={{ color: '#595959' }}>没有待审核的意见</span> }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: '意见征集', dataIndex: 'consultationTitle', render: (t: string, r) => <a onClick={() => navigate(`/consultations?open=${r.consultationId}`)}>{t}</a> },
          { title: '条款', dataIndex: 'anchorLabel', width: 110 },
          { title: '意见', dataIndex: 'body', render: (b: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{b}</div> },
          { title: '来源', render: (_, r) => `${r.channelName} ${r.receivedOn}`, width: 130 },
          {
            title: '操作',
            width: 170,
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => moderate(r, true, null)}>通过</Button>
                <Button size="small" onClick={() => (form.resetFields(), setRejecting(r))}>不予公开</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={rejecting !== null} title="不予公开" okText="确定" cancelText="取消" onCancel={() => setRejecting(null)} destroyOnClose
        onOk={async () => rejecting && moderate(rejecting, false, (await form.validateFields()).reason)}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{rejecting?.body}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="不予公开的理由" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder="如：与草案无关、含人身攻击或广告、含个人信息" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
