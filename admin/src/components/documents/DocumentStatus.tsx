// The editor's status block: state, version, 索引号, review notes and why the form may be read-only.
import { Alert, Button, Descriptions, Space, Tag } from 'antd';
import { RegistrationNoEditor } from './RegistrationNoEditor';
import type { DocumentItem } from '../../types';
import { formatTime } from '../format';
import { KIND_LABELS, NORMATIVE_LABELS, PublicStateTag, StateTag } from './labels';

const VALIDITY_LABELS: Record<string, string> = {
  not_yet_in_force: '尚未施行', in_force: '有效', amended: '已修改', suspended: '暂停执行', expired: '已失效', repealed: '已废止',
};
const VALIDITY_COLORS: Record<string, string> = { in_force: 'green', amended: 'blue', not_yet_in_force: 'gold', suspended: 'orange', expired: 'default', repealed: 'red' };

interface Props {
  doc: DocumentItem;
  /** Why the form cannot be changed (null: it can). */
  readOnlyReason: string | null;
  conflict: boolean;
  warnings: string[];
  onReload: () => void;
}

export function DocumentStatus({ doc, readOnlyReason, conflict, warnings, onReload }: Props) {
  const e = doc.edition;
  const working = e.id !== doc.publishedEditionId;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="状态">
          <StateTag state={e.state} />
          {working && doc.publicState !== 'none' && (
            <span>
              线上：
              <PublicStateTag state={doc.publicState} />
            </span>
          )}
          {!working && doc.publicState !== 'published' && <PublicStateTag state={doc.publicState} />}
        </Descriptions.Item>
        <Descriptions.Item label="版本">
          {e.version}
          {e.version !== '1.0' && (e.changeType === 'major' ? '（重大修改）' : '（一般修改）')}
        </Descriptions.Item>
        <Descriptions.Item label="索引号">{doc.indexNo ?? '发布时生成'}</Descriptions.Item>
        {doc.normativeKind && (
          <Descriptions.Item label="统一登记编号">
            <RegistrationNoEditor doc={doc} />
          </Descriptions.Item>
        )}
        {doc.normativeKind && (
          <Descriptions.Item label="效力状态">
            {doc.validityStatus ? <Tag color={VALIDITY_COLORS[doc.validityStatus] ?? 'default'}>{VALIDITY_LABELS[doc.validityStatus] ?? doc.validityStatus}</Tag> : '发布后计算'}
            {doc.validityStatusOn && <span>（{doc.validityStatusOn}）</span>}
          </Descriptions.Item>
        )}
        {doc.normativeKind && (
          <Descriptions.Item label="有效期">
            {e.expiresOn ? `至 ${e.expiresOn}` : '未设'}
            {e.validityRule ? `（默认规则：${e.validityRule.note}）` : e.expiresOn ? '（手工填写）' : ''}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="所属机构">{doc.organisationName}</Descriptions.Item>
        <Descriptions.Item label="类型">
          {KIND_LABELS[doc.kind]}
          {doc.normativeKind && ` · ${NORMATIVE_LABELS[doc.normativeKind]}`}
        </Descriptions.Item>
        <Descriptions.Item label="最后修改">{formatTime(e.updatedAt)}</Descriptions.Item>
        {e.submittedAt && <Descriptions.Item label="提交时间">{formatTime(e.submittedAt)}</Descriptions.Item>}
        {e.publishedAt && <Descriptions.Item label="发布时间">{formatTime(e.publishedAt)}</Descriptions.Item>}
        {e.scheduledAt && <Descriptions.Item label="定时发布">{formatTime(e.scheduledAt)}</Descriptions.Item>}
      </Descriptions>
      {conflict && (
        <Alert
          type="error"
          showIcon
          title="该文件已被他人修改，您的修改未保存。"
          description="请先复制需要保留的内容，再重新加载最新版本后修改。"
          action={
            <Button size="small" danger onClick={onReload}>
              重新加载
            </Button>
          }
        />
      )}
      {e.state === 'rejected' && e.decisionReason && <Alert type="warning" showIcon title="审核退回" description={e.decisionReason} />}
      {e.urgent && !e.decidedBy && !working && (
        <Alert type="warning" showIcon title="紧急发布，待补充审核" description={e.decisionReason ?? undefined} />
      )}
      {(doc.publicState === 'withdrawn' || doc.publicState === 'unpublished') && e.endedReason && (
        <Alert type="info" showIcon title={doc.publicState === 'withdrawn' ? '撤回原因' : '撤销发布原因'} description={e.endedReason} />
      )}
      {readOnlyReason && !conflict && <Alert type="info" showIcon title={readOnlyReason} />}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="请核对"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
