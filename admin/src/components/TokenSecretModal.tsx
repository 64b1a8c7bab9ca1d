// Shows a new API token's secret once, with a copy button.
import { Alert, Button, Modal, Typography } from 'antd';

interface Props {
  name: string;
  secret: string | null;
  onClose: () => void;
}

export function TokenSecretModal({ name, secret, onClose }: Props) {
  return (
    <Modal
      open={secret !== null}
      title={`令牌“${name}”已创建`}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已妥善保存
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        title="令牌只显示这一次"
        description="关闭此窗口后将无法再次查看。请立即复制并保存在安全的地方；如果遗失，只能撤销后重新创建。"
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph
        copyable={{ text: secret ?? '', tooltips: ['复制令牌', '已复制'] }}
        code
        style={{ wordBreak: 'break-all', fontSize: 14 }}
        aria-label="令牌"
      >
        {secret}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        调用 API 时在请求头中携带：<Typography.Text code>Authorization: Bearer &lt;令牌&gt;</Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
