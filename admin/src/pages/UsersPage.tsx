// 用户与角色: paged list of users with search, organisation filter and per-user actions.
import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Input, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useLatestLoad } from '../components/useLatestLoad';
import { api } from '../api';
import { useAuth } from '../auth';
import { useErrorReporter } from '../components/errors';
import { formatTime } from '../components/format';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { RolesDrawer } from '../components/RolesDrawer';
import { UserFormModal } from '../components/UserFormModal';
import type { Page, User } from '../types';

const isLocked = (u: User) => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

export default function UsersPage() {
  const { user: me } = useAuth();
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [query, setQuery] = useState({ q: '', organisationId: '', page: 1, pageSize: 20 });
  // The user being edited ('new' to create one); kept while the modal closes so its title does not flicker.
  const [editing, setEditing] = useState<{ open: boolean; user: User | null }>({ open: false, user: null });
  const [resetting, setResetting] = useState<User | null>(null);
  const [rolesOf, setRolesOf] = useState<User | null>(null);

  const { data, setData, loading, load } = useLatestLoad<Page<User>>(
    useCallback(() => api.users.list(query), [query]),
    report,
  );

  /** Put a changed user into the current page (and the open drawer) without reloading. */
  const replace = (u: User) => {
    setData((d) => (d ? { ...d, items: d.items.map((x) => (x.id === u.id ? u : x)) } : d));
    setRolesOf((r) => (r && r.id === u.id ? u : r));
  };

  const unlock = (u: User) =>
    api.users.unlock(u.id).then((updated) => {
      void message.success(`已解除“${u.displayName}”的锁定。`);
      replace(updated);
    }, report);

  const setActive = (u: User, active: boolean) => {
    const run = () =>
      api.users.update(u.id, { active }).then((updated) => {
        void message.success(active ? `已启用“${u.displayName}”。` : `已停用“${u.displayName}”。`);
        replace(updated);
      }, report);
    if (active) return void run();
    modal.confirm({
      title: `停用用户“${u.displayName}”？`,
      content: '停用后该用户将无法登录，可随时重新启用。',
      okText: '停用',
      okButtonProps: { danger: true },
      onOk: run,
    });
  };

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 120 },
    { title: '所属机构', dataIndex: 'organisationName', width: 160, render: (v?: string | null) => v ?? '—' },
    {
      title: '角色',
      key: 'roles',
      render: (_, u) =>
        u.roles.length === 0 ? (
          <span style={{ color: 'rgba(0, 0, 0, 0.6)' }}>—</span>
        ) : (
          <Space size={[0, 4]} wrap>
            {u.roles.map((g) => (
              <Tag key={g.id}>
                {g.roleName} · {g.organisationName}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, u) => (
        <Space orientation="vertical" size={0}>
          <Badge status={u.active ? 'success' : 'default'} text={u.active ? '启用' : '已停用'} />
          {isLocked(u) && (
            <Tooltip title={`锁定至 ${formatTime(u.lockedUntil)}`}>
              <Badge status="error" text="已锁定" />
            </Tooltip>
          )}
          {u.mustChangePassword && <Badge status="warning" text="需改密码" />}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v?: string | null) => formatTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 300,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ open: true, user: u })}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => setRolesOf(u)}>
            角色
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            重置密码
          </Button>
          {isLocked(u) && (
            <Button type="link" size="small" onClick={() => void unlock(u)}>
              解除锁定
            </Button>
          )}
          {u.active ? (
            <Button type="link" size="small" danger disabled={u.id === me.id} onClick={() => setActive(u, false)}>
              停用
            </Button>
          ) : (
            <Button type="link" size="small" onClick={() => setActive(u, true)}>
              启用
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="用户与角色"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, user: null })}>
          新建用户
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="用户名、姓名、邮箱或电话"
          aria-label="搜索用户"
          allowClear
          enterButton="搜索"
          style={{ width: 320 }}
          onSearch={(q) => setQuery((s) => ({ ...s, q: q.trim(), page: 1 }))}
        />
        <OrgTreeSelect
          aria-label="按机构筛选"
          placeholder="按机构筛选"
          allowClear
          style={{ width: 280 }}
          value={query.organisationId || undefined}
          onChange={(v) => setQuery((s) => ({ ...s, organisationId: v ?? '', page: 1 }))}
        />
      </Space>
      <Table<User>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1150 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 个用户`,
          onChange: (page, pageSize) => setQuery((s) => ({ ...s, page, pageSize })),
        }}
      />
      <UserFormModal
        open={editing.open}
        user={editing.user}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
        onSaved={(u) => {
          const created = editing.user === null;
          setEditing((e) => ({ ...e, open: false }));
          if (created) load();
          else replace(u);
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <RolesDrawer user={rolesOf} onClose={() => setRolesOf(null)} onChanged={replace} />
    </Card>
  );
}
