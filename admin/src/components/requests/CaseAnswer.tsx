// The answer, the released information (upload, marked redacted when processed for partial disclosure), the answer
// letter (DOCX from the organisation's template) and the Art. 44 conversion into a draft document.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth';
import { href } from '../../router';
import { useErrorReporter } from '../errors';
import { ToneTag } from '../normative/ToneTag';
import { requestsApi, type CaseDetail } from './api';
import { yuan } from './shared';

const ANSWERED = ['answered', 'delivered', 'archived'];
const RELEASABLE = ['in_progress', 'consulting', 'legal_review', 'answered'];

export function CaseAnswer({ detail: c, onChanged }: { detail: CaseDetail; onChanged: (d: CaseDetail) => void }) {
  const can = useCan();
  const report = useErrorReporter();
  const { modal, message } = App.useApp();
  const [redacted, setRedacted] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [documentId, setDocumentId] = useState<string | null>(c.proactiveDocumentId);
  const handler = can('request.handle');
  const answered = ANSWERED.includes(c.state) && !!c.answer;
  const canUpload = handler && RELEASABLE.includes(c.state);
  if (!answered && !canUpload && c.releasedFiles.length === 0 && !c.fee) return null;

  const upload = async (file: File) => {
    const fd = new FormData();
    fd.append('redacted', redacted ? '1' : '0');
    fd.append('file', file, file.name);
    setUploading(true);
    try {
      onChanged(await requestsApi.addReleased(c.id, fd));
      void message.success(`已上传 ${file.name}`);
    } catch (err) {
      report(err);
    } finally {
      setUploading(false);
    }
  };
  const convert = () =>
    modal.confirm({
      title: '转为主动公开？',
      content: '将以答复内容和提供的信息创建本机关的文件草稿（《条例》第四十四条），草稿仍须经审查后发布。每个案件只能转换一次。',
      okText: '转为主动公开',
      cancelText: '取消',
      onOk: () =>
        requestsApi.convert(c.id).then(
          (r) => {
            setDocumentId(r.documentId);
            void message.success('已创建文件草稿');
          },
          report,
        ),
    });

  return (
    <Card title="答复与提供的信息" size="small">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {c.fee && (
          <Typography.Text>
            信息处理费：{c.fee.method === 'per_volume' ? '按量计收' : '按件计收'} {yuan(c.fee.amountFen)} 元，{c.fee.notifiedOn} 通知，
            {c.fee.paidOn ? `${c.fee.paidOn} 已缴费` : '尚未缴费'}
          </Typography.Text>
        )}
        {c.answer && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="答复类型">{c.answer.outcomeName}</Descriptions.Item>
            <Descriptions.Item label="答复日期">{c.answer.answeredOn}</Descriptions.Item>
            <Descriptions.Item label="法律依据">{c.answer.basis || '—'}</Descriptions.Item>
            <Descriptions.Item label="答复内容">
              <span style={{ whiteSpace: 'pre-wrap' }}>{c.answer.text}</span>
            </Descriptions.Item>
          </Descriptions>
        )}
        <div>
          <Typography.Text strong>提供的信息：</Typography.Text>
          {c.releasedFiles.length === 0 && <Typography.Text type="secondary">尚未上传</Typography.Text>}
          <ul style={{ margin: '4px 0', paddingLeft: 24 }}>
            {c.releasedFiles.map((f) => (
              <li key={f.id}>
                <a href={f.url} download>
                  {f.filename}
                </a>{' '}
                {f.redacted && <ToneTag tone="orange">已作区分处理</ToneTag>}
              </li>
            ))}
          </ul>
        </div>
        {canUpload && (
          <Space wrap>
            <Checkbox checked={redacted} onChange={(e) => setRedacted(e.target.checked)}>
              已对不应公开的内容作区分处理（部分公开）
            </Checkbox>
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                上传提供的信息
              </Button>
            </Upload>
          </Space>
        )}
        {answered && (
          <Space wrap>
            <Button href={requestsApi.letterUrl(c.id)} download>
              下载答复书（DOCX）
            </Button>
            {documentId ? (
              <a href={href(`/documents?edit=${encodeURIComponent(documentId)}`)}>已转为主动公开：打开文件草稿</a>
            ) : (
              handler &&
              (c.answer?.outcome === 'granted' || c.answer?.outcome === 'partial') && <Button onClick={convert}>转为主动公开</Button>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
