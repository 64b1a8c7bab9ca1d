// 重置密码 for another user.
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import type { User } from '../types';
import { useErrorReporter } from './errors';
import { MIN_PASSWORD_LENGTH } from './labels';

interface Values {
  password: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const report = useErrorReporter();

  const submit = async ({ password }: Values) => {
    if (!user) return;
    setSaving(true);
    try {
      await api.users.resetPassword(user.id, password);
      void message.success(`已重置“${user.displayName}”的密码。`);
      onClose();
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      okText="重置"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          label="新密码"
          name="password"
          extra={`至少 ${MIN_PASSWORD_LENGTH} 个字符。请通过安全渠道告知用户。`}
          rules={[
            { required: true, message: '请输入新密码' },
            { min: MIN_PASSWORD_LENGTH, message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
