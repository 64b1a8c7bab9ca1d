// 修改密码: current + new + confirmation.
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { useAuth } from '../auth';
import { useErrorReporter } from '../components/errors';
import { MIN_PASSWORD_LENGTH } from '../components/labels';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage() {
  const { user, refresh } = useAuth();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await api.auth.changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      void message.success('密码已修改。');
      await refresh().catch(() => undefined);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 520 }}>
      {user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title="请先修改密码"
          description="您的密码由管理员设置或已过期，修改后才能继续使用管理后台。"
          style={{ marginBottom: 24 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={saving}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={`至少 ${MIN_PASSWORD_LENGTH} 个字符。`}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: '请输入新密码' },
            { min: MIN_PASSWORD_LENGTH, message: `新密码至少 ${MIN_PASSWORD_LENGTH} 个字符` },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error('新密码不能与当前密码相同'))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            修改密码
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
