// Pretty-printed JSON, for audit before/after snapshots.
import { Typography } from 'antd';

export function JsonView({ label, value }: { label: string; value: unknown }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      {value === null || value === undefined ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          （无）
        </Typography.Paragraph>
      ) : (
        <pre
          style={{
            marginTop: 8,
            padding: 12,
            background: '#fafafa',
            border: '1px solid #f0f0f0',
            borderRadius: 6,
            fontSize: 12,
            maxHeight: 400,
            overflow: 'auto',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
          }}
        >
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}
