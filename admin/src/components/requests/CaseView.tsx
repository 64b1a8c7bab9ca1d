// One 依申请公开 case for its staff: applicant (case staff only; the API enforces it), the request, the due date with
// how it was computed, the actions the lifecycle allows now, the answer, released files, the letter, the event
// ledger as a timeline, and reconsideration / litigation records.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api';
import { href, navigate } from '../../router';
import { useErrorReporter } from '../errors';
import { formatTime } from '../format';
import { requestsApi, type CaseDetail, type CaseEvent, type Vocabulary } from './api';
import { CaseActions } from './CaseActions';
import { CaseAnswer } from './CaseAnswer';
import { CaseRemedies } from './CaseRemedies';
import { DELIVERY_NAMES, DueCell, FORM_NAMES, StateTag, nameOf, useVocabulary, yuan } from './shared';

const caseHref = (id: string) => href(`/requests?id=${encodeURIComponent(id)}`);

export function CaseView({ id }: { id: string }) {
  const report = useErrorReporter();
  const vocabulary = useVocabulary();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const load = useCallback(() => {
    requestsApi.get(id).then(setDetail, (err: unknown) => {
      if (err instanceof ApiError && err.status === 404) setMissing(true);
      else report(err);
    });
  }, [id, report]);
  useEffect(load, [load]);

  if (missing) return <Result status="404" title="案件不存在" subTitle="案件不存在，或不在您有权查看的机构范围内。" extra={<Button onClick={() => navigate('/requests')}>返回案件列表</Button>} />;
  if (!detail || !vocabulary) return <Spin aria-label="加载中" style={{ display: 'block', margin: '80px auto' }} />;
  const c = detail;
  const a = c.applicant;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/requests')}>
          返回案件列表
        </Button>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {c.trackingNo} {c.informationTitle}
        </Typography.Title>
        <StateTag state={c.state} name={c.stateName} />
      </Space>
      {c.transferredFrom && (
        <Alert type="info" showIcon title={<span>由 {c.transferredFrom.orgName} 转来（<a href={caseHref(c.transferredFrom.caseId)}>查看原案件</a>）</span>} />
      )}
      {c.transferredTo && (
        <Alert type="info" showIcon title={<span>已转 {c.transferredTo.orgName} 办理（<a href={caseHref(c.transferredTo.caseId)}>查看转办后的案件</a>）</span>} />
      )}
      {c.similar.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="其他申请人也申请了同一信息"
          description={
            <Space wrap>
              {c.similar.map((s) => (
                <a key={s.id} href={caseHref(s.id)}>{`${s.trackingNo} ${s.informationTitle}`}</a>
              ))}
            </Space>
          }
        />
      )}
      <Deadline detail={c} />
      <CaseActions detail={c} vocabulary={vocabulary} onChanged={setDetail} />
      <CaseAnswer detail={c} onChanged={setDetail} />
      <Card title="申请信息" size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="承办机构">{c.orgName}</Descriptions.Item>
          <Descriptions.Item label="收件渠道">{nameOf(vocabulary.channels, c.channel)}</Descriptions.Item>
          <Descriptions.Item label="申请日期">{c.appliedOn}</Descriptions.Item>
          <Descriptions.Item label="收到申请日期">{c.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="所需信息名称" span={2}>{c.information.title}</Descriptions.Item>
          <Descriptions.Item label="文号">{c.information.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="获取方式">{`${FORM_NAMES[c.form] ?? c.form}，${DELIVERY_NAMES[c.delivery] ?? c.delivery}`}</Descriptions.Item>
          <Descriptions.Item label="其他特征描述" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.information.description ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="用途" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.information.purpose ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="建议主动公开">{c.suggestProactive ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="承办人">{c.handlerName ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="申请人（个人信息，仅本案工作人员可见，不得对外公开）" size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="申请人类型">{nameOf(vocabulary.applicantKinds, a.kind)}</Descriptions.Item>
          <Descriptions.Item label={a.kind === 'natural' ? '姓名' : '名称'}>{a.name}</Descriptions.Item>
          <Descriptions.Item label={a.kind === 'natural' ? '身份证号码' : '统一社会信用代码'}>{a.idNumber}</Descriptions.Item>
          {a.legalRepresentative && <Descriptions.Item label="法定代表人或负责人">{a.legalRepresentative}</Descriptions.Item>}
          {a.contactPerson && <Descriptions.Item label="联系人">{a.contactPerson}</Descriptions.Item>}
          <Descriptions.Item label="联系电话">{a.phone}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{a.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="通信地址">{[a.address, a.postcode].filter(Boolean).join('，') || '—'}</Descriptions.Item>
          <Descriptions.Item label="身份证明">
            <Space wrap>
              {a.proofs.length === 0 && '—'}
              {a.proofs.map((p) => (
                <a key={p.id} href={p.url} download>
                  {p.filename}
                </a>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="办理过程" size="small">
        <Timeline items={c.events.map((e) => ({ key: e.id, children: <EventLine event={e} detail={c} vocabulary={vocabulary} /> }))} />
      </Card>
      <CaseRemedies detail={c} vocabulary={vocabulary} onChanged={load} />
    </Space>
  );
}

function Deadline({ detail }: { detail: CaseDetail }) {
  const d = detail.deadlines;
  const other: [string, { date: string } | null | undefined][] = [
    ['补正告知最迟发出日期', d.correctionNoticeDue],
    ['申请人补正期限', d.correctionDue],
    ['征求意见期限', d.consultationDue],
    ['缴费期限', d.feePaymentDue],
  ];
  return (
    <Card title="答复期限" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {d.answerDue ? (
          <Typography.Text style={{ fontSize: 16 }}>
            应于 <DueCell due={d.answerDue} urgency={d.urgency} testId="answer-due" /> 前答复
            {d.answerDue.provisional && '（该年度节假日安排尚未导入，期限暂按现有日历计算）'}
          </Typography.Text>
        ) : d.concludedOn ? (
          <Typography.Text style={{ fontSize: 16 }}>
            已于 {d.concludedOn} 办结
            {d.answerDueWas && (
              <>
                ，当时的答复期限为 <span data-testid="answer-due-was">{d.answerDueWas.date}</span>
              </>
            )}
            {d.onTime === true && '，按期办结'}
            {d.onTime === false && '，超过期限办结'}
          </Typography.Text>
        ) : (
          <Typography.Text>答复期限暂停计算（{detail.stateName}）。</Typography.Text>
        )}
        {other.filter(([, v]) => v).map(([label, v]) => (
          <Typography.Text key={label}>
            {label}：{v!.date}
          </Typography.Text>
        ))}
        <Typography.Text type="secondary">
          已暂停 {d.pausedWorkingDays} 个工作日，延期 {d.extensionDays} 个工作日。计算过程：
        </Typography.Text>
        <ol style={{ margin: 0, paddingLeft: 24 }} data-testid="deadline-steps">
          {d.steps.map((s, i) => (
            <li key={i}>{s.label}</li>
          ))}
        </ol>
      </Space>
    </Card>
  );
}

function EventLine({ event: e, detail, vocabulary }: { event: CaseEvent; detail: CaseDetail; vocabulary: Vocabulary }) {
  const p = e.payload;
  const s = (k: string) => (typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : null);
  const parts: string[] = [];
  if (e.type === 'registered') parts.push(`渠道：${nameOf(vocabulary.channels, s('channel'))}`, s('rule') ?? '');
  if (s('what')) parts.push(`补正事项：${s('what')}`);
  if (s('dueOn')) parts.push(`补正期限：${s('dueOn')}`);
  if (e.type === 'consultation_started') parts.push(`${p.kind === 'agency' ? '征求其他机关意见' : '征求第三方意见'}：${s('party') ?? ''}`);
  if (s('opinion')) parts.push(`意见：${s('opinion')}`);
  if (typeof p.days === 'number') parts.push(`延期 ${p.days} 个工作日`);
  if (s('reason')) parts.push(`理由：${s('reason')}`);
  if (typeof p.amountFen === 'number') parts.push(`金额 ${yuan(p.amountFen)} 元${s('explanation') ? `（${s('explanation')}）` : ''}`);
  if (s('outcome')) parts.push(`答复类型：${nameOf(vocabulary.outcomes, s('outcome'))}`);
  if (s('basis')) parts.push(`依据：${s('basis')}`);
  if (s('text') && e.type !== 'answered') parts.push(`内容：${s('text')}`);
  if (s('method')) parts.push(`方式：${s('method')}`);
  if (s('toOrgName')) parts.push(`转至：${s('toOrgName')}，接收机关收到日期 ${s('receivedOn') ?? ''}`);
  if (e.type === 'answered' && detail.answer) parts.push('答复内容见上方“答复”');
  return (
    <div>
      <Typography.Text strong>
        {e.occurredOn} {e.label}
      </Typography.Text>
      <Typography.Text type="secondary">
        {' '}
        · {e.actorName ?? '系统'} · 记录于 {formatTime(e.at)}
      </Typography.Text>
      {parts.filter(Boolean).map((x, i) => (
        <div key={i} style={{ whiteSpace: 'pre-wrap' }}>
          {x}
        </div>
      ))}
    </div>
  );
}
