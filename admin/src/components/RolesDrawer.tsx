// Drawer listing a user's role grants (role on an organisation and everything below it).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Role, RoleGrant, User } from '../types';
import { useErrorReporter } from './errors';
import { OrgTreeSelect } from './OrgTreeSelect';

interface Props {
  user: User | null;
  onClose: () => void;
  onChanged: (user: User) => void;
}

interface GrantValues {
  role: string;
  organisationId: string;
}

export function RolesDrawer({ user, onClose, onChanged }: Props) {
  const [form] = Form.useForm<GrantValues>();
  const [roles, setRoles] = useState<Role[]>([]);
  const [saving, setSaving] = useState(false);
  const { message, modal } = App.useApp();
  const report = useErrorReporter();

  useEffect(() => {
    if (user && roles.length === 0) api.roles.list().then((r) => setRoles(r.items), report);
  }, [user, roles.length, report]);

  const grant = async (values: GrantValues) => {
    if (!user) return;
    setSaving(true);
    try {
      const updated = await api.users.grantRole(user.id, values.role, values.organisationId);
      void message.success('已添加角色。');
      form.resetFields();
      onChanged(updated);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const revoke = (g: RoleGrant) => {
    if (!user) return;
    modal.confirm({
      title: '撤销角色？',
      content: `撤销“${user.displayName}”在“${g.organisationName}”的“${g.roleName}”角色。`,
      okText: '撤销',
      okButtonProps: { danger: true },
      onOk: () =>
        api.users
          .revokeRole(user.id, g.id)
          .then((updated) => {
            void message.success('已撤销角色。');
            onChanged(updated);
          })
          .catch(report),
    });
  };

  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      title={user ? `角色：${user.displayName}（${user.username}）` : '角色'}
      size={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">角色授予在某个机构上，对该机构及其全部下级机构有效。</Typography.Paragraph>
      <Table<RoleGrant>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={user?.roles ?? []}
        locale={{ emptyText: '尚未授予任何角色' }}
        columns={[
          { title: '角色', dataIndex: 'roleName' },
          { title: '机构', dataIndex: 'organisationName' },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_, g) => (
              <Button type="link" danger size="small" onClick={() => revoke(g)}>
                撤销
              </Button>
            ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 24, fontSize: 16 }}>
        添加角色
      </Typography.Title>
      <Form<GrantValues> form={form} layout="vertical" onFinish={grant} disabled={saving}>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            placeholder="选择角色"
            options={roles.map((r) => ({
              value: r.code,
              label: r.name,
              title: r.description,
            }))}
            optionRender={(option) => {
              const role = roles.find((r) => r.code === option.value);
              return (
                <div>
                  <div>{role?.name ?? option.label}</div>
                  {role?.description && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                      {role.description}
                    </Typography.Text>
                  )}
                </div>
              );
            }}
          />
        </Form.Item>
        <Form.Item label="机构" name="organisationId" rules={[{ required: true, message: '请选择机构' }]}>
          <OrgTreeSelect placeholder="选择机构（含其下级）" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving}>
          添加角色
        </Button>
      </Form>
    </Drawer>
  );
}
