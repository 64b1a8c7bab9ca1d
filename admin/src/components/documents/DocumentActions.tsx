// Workflow buttons for the document's current state. The server decides: a refusal shows its Chinese reason.
import { App, Button, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { useAuth, useCan } from '../../auth';
import { useOrgTree } from '../useOrgTree';
import type { DocumentAction, DocumentActionInput, DocumentItem } from '../../types';
import { errorMessage } from '../errors';
import { formatTime } from '../format';
import { ActionDialog } from './ActionDialog';
import type { DialogKind, DialogValues } from './ActionDialog';
import { ACTION_LABELS } from './labels';
import { offeredActions, rolesOn } from './permissions';

interface Props {
  doc: DocumentItem;
  onChanged: (doc: DocumentItem) => void;
  /** Saves unsaved edits first; false stops the action. */
  beforeAct: () => Promise<boolean>;
  /** An action was refused: the server's Chinese reason (also shown as a notification). */
  onRefused?: (action: DocumentAction, reason: string) => void;
}

interface ButtonDef {
  key: DocumentAction | 'edition';
  primary?: boolean;
  danger?: boolean;
  run: () => void;
}

const DONE: Partial<Record<DocumentAction, string>> = { reopen: '已退回草稿，可继续修改后重新提交', reject: '已退回提交人' };

/** The actions the lifecycle table allows this user in this state (the server still checks each one). */
export function DocumentActions({ doc, onChanged, beforeAct, onRefused }: Props) {
  const { user } = useAuth();
  const can = useCan();
  const { items: orgs } = useOrgTree();
  const { modal, notification, message } = App.useApp();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const e = doc.edition;
  const working = e.id !== doc.publishedEditionId;

  const act = async (action: DocumentAction, extra: Omit<DocumentActionInput, 'action'> = {}) => {
    if (!(await beforeAct())) return;
    setBusy(action);
    try {
      const updated = await api.documents.act(doc.id, { action, ...extra });
      void message.success(DONE[action] ?? `已${ACTION_LABELS[action]}`);
      onChanged(updated);
      setDialog(null);
    } catch (err) {
      notification.error({ title: `未能${ACTION_LABELS[action]}`, description: errorMessage(err), duration: 8 });
      onRefused?.(action, `${ACTION_LABELS[action]}：${errorMessage(err)}`);
      throw err;
    } finally {
      setBusy(null);
    }
  };
  const run = (action: DocumentAction) => () => void act(action).catch(() => undefined);

  const confirmed = (title: string, content: string, okText: string, danger = false) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title,
        content,
        okText,
        cancelText: '取消',
        okButtonProps: { danger },
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const onDialog = async (kind: DialogKind, v: DialogValues) => {
    const reason = v.reason?.trim() || undefined;
    if (kind === 'edition') {
      try {
        onChanged(await api.documents.newEdition(doc.id, v.changeType ?? 'minor', v.changeNote?.trim() || undefined));
        void message.success('已新建修订版本，可开始修改');
        setDialog(null);
      } catch (err) {
        notification.error({ title: '未能新建修订版本', description: errorMessage(err), duration: 8 });
        throw err;
      }
      return;
    }
    if (kind === 'withdraw' && !(await confirmed('确定撤回此文件？', '公开页面将显示撤回原因，文件不再出现在列表和搜索中。', '撤回', true)))
      return;
    if (kind === 'unpublish' && !(await confirmed('确定撤销发布？', '公开页面将不可访问，此操作不可恢复。', '撤销发布', true))) return;
    if (kind === 'schedule') return act('schedule', { publishAt: (v.publishAt as Dayjs).second(0).millisecond(0).toISOString() });
    return act(kind, { reason, replacementDocumentId: v.replacementDocumentId });
  };

  const offered = new Set(offeredActions(doc, user, rolesOn(user, orgs, doc.organisationId)));
  const publish = async () => {
    if (await confirmed('发布此文件？', '发布后将立即在门户网站公开，并生成索引号。', '发布')) await act('publish').catch(() => undefined);
  };
  const defs: ButtonDef[] = [
    { key: 'submit', primary: true, run: run('submit') },
    { key: 'reopen', primary: true, run: run('reopen') },
    { key: 'approve', primary: true, run: run('approve') },
    { key: 'reject', run: () => setDialog('reject') },
    { key: 'publish', primary: true, run: () => void publish() },
    { key: 'schedule', run: () => setDialog('schedule') },
    { key: 'urgent_publish', danger: true, run: () => setDialog('urgent_publish') },
    { key: 'approve_retrospectively', run: run('approve_retrospectively') },
    { key: 'edition', run: () => setDialog('edition') },
    { key: 'withdraw', danger: true, run: () => setDialog('withdraw') },
    { key: 'unpublish', danger: true, run: () => setDialog('unpublish') },
  ];
  // A new edition starts from the published one, when none is open.
  const canRevise = doc.publicState === 'published' && !working && can('document.edit');
  const buttons = defs.filter((b) => (b.key === 'edition' ? canRevise : offered.has(b.key)));

  const ownSubmission =
    working && e.submittedBy === user.id && (e.state === 'submitted' || e.state === 'approved') && can('document.review');

  return (
    <div>
      {buttons.length === 0 ? (
        <Typography.Text type="secondary">当前状态下没有您可执行的流转操作。</Typography.Text>
      ) : (
        <Space wrap>
          {buttons.map((b) => (
            <Button key={b.key} type={b.primary ? 'primary' : 'default'} danger={b.danger} loading={busy === b.key} onClick={b.run}>
              {b.key === 'edition' ? '新建修订版本' : ACTION_LABELS[b.key]}
            </Button>
          ))}
        </Space>
      )}
      {ownSubmission && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          您是本版本的提交人：按双人审核规则，须由其他审核人审核和发布。
        </Typography.Paragraph>
      )}
      {working && e.state === 'scheduled' && (
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>将于 {formatTime(e.scheduledAt)} 自动发布。</Typography.Paragraph>
      )}
      <ActionDialog kind={dialog} documentId={doc.id} onCancel={() => setDialog(null)} onSubmit={onDialog} />
    </div>
  );
}
