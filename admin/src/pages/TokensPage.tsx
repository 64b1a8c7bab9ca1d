// API 令牌: list, create (secret shown once) and revoke.
import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { useErrorReporter } from '../components/errors';
import { formatDate, formatTime } from '../components/format';
import { TokenSecretModal } from '../components/TokenSecretModal';
import type { ApiToken, Scope } from '../types';

interface CreateValues {
  name: string;
  scopes: string[];
  expiresAt?: Dayjs | null;
}

function status(t: ApiToken) {
  if (t.revokedAt) return <Badge status="default" text="已撤销" />;
  if (t.expiresAt && dayjs(t.expiresAt).isBefore(dayjs())) return <Badge status="warning" text="已过期" />;
  return <Badge status="success" text="有效" />;
}

export default function TokensPage() {
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<CreateValues>();
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api.tokens
      .list()
      .then((r) => setTokens(r.items), report)
      .finally(() => setLoading(false));
  }, [report]);

  useEffect(() => {
    load();
    api.tokens.scopes().then((r) => setScopes(r.items), report);
  }, [load, report]);

  const scopeName = useMemo(() => new Map(scopes.map((s) => [s.code, s.name])), [scopes]);

  const create = async (values: CreateValues) => {
    setSaving(true);
    try {
      const res = await api.tokens.create({
        name: values.name.trim(),
        scopes: values.scopes,
        // A calendar date; the server lets the token work until the end of that day.
        expiresAt: values.expiresAt ? values.expiresAt.format('YYYY-MM-DD') : undefined,
      });
      setCreating(false);
      setSecret({ name: res.item.name, token: res.token });
      setTokens((list) => [res.item, ...list.filter((t) => t.id !== res.item.id)]);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const revoke = (t: ApiToken) =>
    modal.confirm({
      title: `撤销令牌“${t.name}”？`,
      content: '撤销后使用该令牌的程序将立即无法访问 API，此操作不可恢复。',
      okText: '撤销',
      okButtonProps: { danger: true },
      onOk: () =>
        api.tokens.revoke(t.id).then(() => {
          void message.success(`已撤销令牌“${t.name}”。`);
          load();
        }, report),
    });

  const columns: TableColumnsType<ApiToken> = [
    { title: '名称', dataIndex: 'name' },
    {
      title: '权限范围',
      dataIndex: 'scopes',
      render: (list: string[]) => (
        <Space size={[0, 4]} wrap>
          {list.map((s) => (
            <Tag key={s} title={s}>
              {scopeName.get(s) ?? s}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '所属用户', dataIndex: 'userName', width: 120 },
    { title: '创建时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
    {
      title: '有效期至',
      dataIndex: 'expiresAt',
      width: 120,
      render: (v: string | null) => (v ? formatDate(v) : '长期有效'),
    },
    { title: '最近使用', dataIndex: 'lastUsedAt', width: 150, render: (v: string | null) => formatTime(v) },
    { title: '状态', key: 'status', width: 90, render: (_, t) => status(t) },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, t) =>
        t.revokedAt ? null : (
          <Button type="link" size="small" danger onClick={() => revoke(t)}>
            撤销
          </Button>
        ),
    },
  ];

  return (
    <Card
      title="API 令牌"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            setCreating(true);
          }}
        >
          新建令牌
        </Button>
      }
    >
      <Table<ApiToken>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={tokens}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个令牌` }}
        locale={{ emptyText: '还没有 API 令牌' }}
      />
      <Modal
        open={creating}
        title="新建令牌"
        okText="创建"
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        forceRender
        mask={{ closable: false }}
      >
        <Form<CreateValues> form={form} layout="vertical" onFinish={create}>
          <Form.Item
            label="名称"
            name="name"
            extra="用于识别令牌的用途，例如“12345 热线对接”。"
            rules={[
              { required: true, whitespace: true, message: '请输入名称' },
              { max: 60, message: '名称不超过 60 个字符' },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="权限范围"
            name="scopes"
            rules={[
              { required: true, message: '请至少选择一个权限范围' },
              { type: 'array', max: 20, message: '最多选择 20 个权限范围' },
            ]}
          >
            <Select
              mode="multiple"
              placeholder="选择权限范围"
              options={scopes.map((s) => ({ value: s.code, label: s.name }))}
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item label="有效期至" name="expiresAt" extra="不填写则长期有效，建议设置有效期。">
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} placeholder="选择日期（可选）" />
          </Form.Item>
        </Form>
      </Modal>
      <TokenSecretModal name={secret?.name ?? ''} secret={secret?.token ?? null} onClose={() => setSecret(null)} />
    </Card>
  );
}
