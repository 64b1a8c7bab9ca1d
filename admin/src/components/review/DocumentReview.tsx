// 公开前审查 in the document editor: the findings of the shown edition grouped by location, the body and title
// with every finding marked, one-click masking and overrides, review steps, and the 三同步 state.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Empty, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { reviewApi } from '../../api';
import { useCan } from '../../auth';
import type { DocumentItem, ReviewFinding, ReviewResult } from '../../types';
import { errorMessage, useErrorReporter } from '../errors';
import { formatTime } from '../format';
import { FindingList, groupFindings } from './FindingList';
import { HighlightedText } from './HighlightedText';
import { ReasonDialog } from './ReasonDialog';
import { InterpretationState, ReviewSteps } from './ReviewProcess';
import { categoryLabel } from './labels';

interface Props {
  doc: DocumentItem;
  /** Bumped by the editor after saves, attachment changes and refused actions: the review is read again. */
  version: number;
  /** The shown edition is a draft or rejected one the user may edit (masking saves it). */
  editable: boolean;
  /** The last refusal of approve/publish (the server's Chinese reason). */
  refusal: string | null;
  /** Saves unsaved edits first; false stops masking. */
  beforeChange: () => Promise<boolean>;
  /** Masking saved the draft: the editor reloads the document. */
  onDocumentChanged: () => void;
}

export function DocumentReview({ doc, version, editable, refusal, beforeChange, onDocumentChanged }: Props) {
  const can = useCan();
  const { modal, message } = App.useApp();
  const report = useErrorReporter();
  const [review, setReview] = useState<ReviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [overriding, setOverriding] = useState<ReviewFinding | null>(null);

  const load = useCallback(() => {
    setError(null);
    reviewApi.document(doc.id).then(setReview, (err: unknown) => setError(errorMessage(err)));
  }, [doc.id]);
  // Any change to the document (a save bumps lockVersion, a transition the state) re-reads the review.
  useEffect(load, [load, version, doc.edition.id, doc.edition.lockVersion, doc.edition.state]);

  const groups = useMemo(() => groupFindings(review?.findings ?? []), [review]);
  // Numbered in the order shown, so the labels in the marked text match the list.
  const numbers = useMemo(() => new Map(groups.flatMap((g) => g.findings).map((f, i) => [f.id, i + 1])), [groups]);

  if (error) return <Alert type="error" showIcon title="无法读取审查结果" description={error} action={<Button onClick={load}>重试</Button>} />;
  if (!review) return <Spin aria-label="正在审查" />;

  const mask = (f: ReviewFinding) => {
    if (f.action === 'reupload') {
      setBusy(f.id);
      reviewApi
        .mask(doc.id, f.id)
        .then((r) => {
          modal.info({ title: '须重新上传附件', content: r.message, okText: '知道了' });
        }, report)
        .finally(() => setBusy(null));
      return;
    }
    modal.confirm({
      title: '一键脱敏？',
      content: `正文中所有“${categoryLabel(f.category)}”的这处内容将替换为 ${f.masked}，并保存草稿。`,
      okText: '脱敏',
      cancelText: '取消',
      onOk: async () => {
        if (!(await beforeChange())) return;
        setBusy(f.id);
        try {
          const r = await reviewApi.mask(doc.id, f.id);
          void message.success(r.message);
          onDocumentChanged();
        } catch (err) {
          report(err);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const override = async (reason: string) => {
    if (!overriding) return;
    try {
      await reviewApi.override(doc.id, overriding.id, reason);
      void message.success('已记录豁免');
      setOverriding(null);
      load();
    } catch (err) {
      report(err);
      throw err;
    }
  };

  const sign = (index: number, name: string) =>
    modal.confirm({
      title: `签署“${name}”？`,
      content: '签署后以您的名义记录本步骤审查通过。',
      okText: '签署',
      cancelText: '取消',
      onOk: () => {
        setBusy(`step:${index}`);
        return reviewApi
          .sign(doc.id, index)
          .then((r) => {
            setReview(r);
            void message.success(`已签署“${name}”`);
          }, report)
          .finally(() => setBusy(null));
      },
    });

  const recordPlan = async (plan: string) => {
    setBusy('plan');
    try {
      setReview(await reviewApi.recordPlan(doc.id, plan));
      void message.success('已登记解读方案');
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
    }
  };

  const bodyFindings = review.findings.filter((f) => f.location.field === 'body' && !f.location.attachmentId);
  const titleFindings = review.findings.filter((f) => f.location.field === 'title' && !f.location.attachmentId);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {refusal && <Alert type="error" showIcon title="未能审核通过或发布" description={refusal} />}
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        {review.blockingOpen > 0 ? (
          <Typography.Text strong style={{ color: '#a8071a' }}>
            有 {review.blockingOpen} 个阻止发布的问题未处理：请脱敏、删除，或由审核人记录豁免理由。
          </Typography.Text>
        ) : (
          <Typography.Text>没有阻止发布的问题。</Typography.Text>
        )}
        <Space>
          <Typography.Text type="secondary">审查时间 {formatTime(review.scannedAt)}（版本 {review.version}）</Typography.Text>
          <Button size="small" icon={<ReloadOutlined />} onClick={load}>
            重新读取
          </Button>
        </Space>
      </Space>

      {review.findings.length === 0 ? (
        <Empty description="未发现隐私、保密或表述问题" />
      ) : (
        <FindingList
          groups={groups}
          numbers={numbers}
          canMask={editable || (can('document.review') && review.findings.some((f) => f.action === 'reupload'))}
          canOverride={can('document.review')}
          busy={busy}
          onMask={mask}
          onOverride={setOverriding}
        />
      )}

      {titleFindings.length > 0 && (
        <section aria-label="标题（标出问题）">
          <Typography.Title level={5}>标题（标出问题）</Typography.Title>
          <HighlightedText text={review.text.title} findings={titleFindings} numbers={numbers} />
        </section>
      )}
      {review.text.body && (
        <section aria-label="正文（只读，标出问题）">
          <Typography.Title level={5}>正文（只读，标出问题）</Typography.Title>
          <HighlightedText text={review.text.body} findings={bodyFindings} numbers={numbers} />
        </section>
      )}

      <Divider titlePlacement="start" plain>
        审查步骤
      </Divider>
      <ReviewSteps review={review} canSign={can('document.review')} busy={busy} onSign={sign} />

      <Divider titlePlacement="start" plain>
        三同步（政策解读）
      </Divider>
      <InterpretationState
        review={review}
        canRecord={can('document.edit') || can('document.review')}
        busy={busy === 'plan'}
        onRecord={recordPlan}
      />

      <ReasonDialog
        open={overriding !== null}
        title={overriding ? `记录豁免：问题 ${numbers.get(overriding.id)}（${categoryLabel(overriding.category)}）` : '记录豁免'}
        label="豁免理由"
        okText="记录豁免"
        hint="豁免后该问题不再阻止发布。理由与您的姓名将记入审计日志和豁免记录，供政务公开办监督。"
        onCancel={() => setOverriding(null)}
        onSubmit={override}
      />
    </Space>
  );
}

/** The card around the review, as the editor shows it. */
export function DocumentReviewCard(props: Props) {
  return (
    <Card title="公开前审查">
      <DocumentReview {...props} />
    </Card>
  );
}
