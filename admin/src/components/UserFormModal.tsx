// 新建用户 and 编辑 (display name, e-mail, phone).
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import type { User } from '../types';
import { useErrorReporter } from './errors';
import { blankToNull, blankToUndefined } from './format';
import { MIN_PASSWORD_LENGTH } from './labels';
import { OrgTreeSelect } from './OrgTreeSelect';

interface Values {
  username: string;
  organisationId?: string;
  displayName: string;
  password: string;
  confirm: string;
  email?: string | null;
  phone?: string | null;
}

interface Props {
  open: boolean;
  /** The user to edit; null to create one. */
  user: User | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}

export function UserFormModal({ open, user, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const report = useErrorReporter();
  const creating = user === null;

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const saved = creating
        ? await api.users.create({
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            password: values.password,
            organisationId: values.organisationId || undefined,
            email: blankToUndefined(values.email),
            phone: blankToUndefined(values.phone),
          })
        : await api.users.update(user.id, {
            displayName: values.displayName.trim(),
            organisationId: values.organisationId || undefined,
            email: blankToNull(values.email),
            phone: blankToNull(values.phone),
          });
      void message.success(creating ? `已新建用户“${saved.displayName}”。` : '已保存。');
      onSaved(saved);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={creating ? '新建用户' : `编辑用户“${user.username}”`}
      okText={creating ? '创建' : '保存'}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={
          user
            ? { displayName: user.displayName, organisationId: user.organisationId ?? undefined, email: user.email, phone: user.phone }
            : undefined
        }
      >
        {creating && (
          <Form.Item
            label="用户名"
            name="username"
            extra="用于登录，创建后不能修改。"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              { min: 2, max: 50, message: '用户名为 2 至 50 个字符' },
              { pattern: /^\s*[A-Za-z0-9_.@-]+\s*$/, message: '用户名只能包含字母、数字和 _ . @ -' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 50, message: '姓名不超过 50 个字符' },
          ]}
        >
          <Input />
        </Form.Item>
        {creating && (
          <>
            <Form.Item
              label="初始密码"
              name="password"
              dependencies={['username']}
              extra={`至少 ${MIN_PASSWORD_LENGTH} 个字符。`}
              rules={[
                { required: true, message: '请输入初始密码' },
                { min: MIN_PASSWORD_LENGTH, message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    value && value === String(getFieldValue('username') ?? '').trim()
                      ? Promise.reject(new Error('密码不能与用户名相同'))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="确认密码"
              name="confirm"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入密码' },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Form.Item label="所属机构" name="organisationId" extra="用户的工作单位；操作权限由“角色”授予。">
          <OrgTreeSelect placeholder="选择所属机构" allowClear />
        </Form.Item>
        <Form.Item
          label="电子邮箱"
          name="email"
          rules={[
            { type: 'email', message: '请输入有效的电子邮箱' },
            { max: 200, message: '不超过 200 个字符' },
          ]}
        >
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item
          label="手机号码"
          name="phone"
          rules={[
            { pattern: /^[0-9+\- ()]*$/, message: '只能包含数字、空格和 + - ( )' },
            { max: 30, message: '不超过 30 个字符' },
          ]}
        >
          <Input inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
