// The body editor: a contentEditable area with a small toolbar, or the HTML source in a textarea.
// Dependency-free on purpose; pasted content is tidied to the tags the server keeps (it sanitises again).
import { BoldOutlined, CodeOutlined, OrderedListOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import type { ClipboardEvent, ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { tableTemplate, tidyHtml } from './html';

interface Props {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  disabled?: boolean;
  'aria-label'?: string;
}

/** document.execCommand is deprecated but still the only dependency-free way to edit rich text in place. */
function exec(command: string, arg?: string): void {
  (document as unknown as { execCommand(c: string, ui: boolean, v?: string): boolean }).execCommand(command, false, arg);
}

export function RichTextEditor({ id, value = '', onChange, disabled, 'aria-label': ariaLabel = '正文' }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<string | null>(null);
  const [source, setSource] = useState(false);

  // Write outside changes (loading a document, editing the source) into the editable area; never while typing in it.
  useEffect(() => {
    if (ref.current && value !== shown.current) {
      ref.current.innerHTML = value;
      shown.current = value;
    }
  }, [value, source]);

  const emit = () => {
    const html = ref.current?.innerHTML ?? '';
    shown.current = html;
    onChange?.(html);
  };

  /** Runs a command with the caret inside the editor (at the end when it was elsewhere). */
  const run = (command: string, arg?: string) => {
    const el = ref.current;
    if (!el || disabled) return;
    const sel = window.getSelection();
    if (!sel || !sel.anchorNode || !el.contains(sel.anchorNode)) {
      el.focus();
      const range = document.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      sel?.removeAllRanges();
      sel?.addRange(range);
    }
    exec('defaultParagraphSeparator', 'p');
    exec(command, arg);
    emit();
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    e.preventDefault();
    const html = e.clipboardData.getData('text/html');
    if (html) exec('insertHTML', tidyHtml(html));
    else exec('insertText', e.clipboardData.getData('text/plain'));
    emit();
  };

  // Icon buttons are named by aria-label; text buttons by their text (so the name is what one sees).
  const tool = (label: string, icon: ReactNode, onClick: () => void, text?: string) => (
    <Tooltip title={label} key={label}>
      <Button
        size="small"
        icon={icon}
        aria-label={text ? undefined : label}
        disabled={disabled || source}
        // Keep the selection in the editor: a click on the toolbar must not move the focus.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {text}
      </Button>
    </Tooltip>
  );

  return (
    <div className="gk-rte">
      <Space wrap size={4} role="toolbar" aria-label="正文格式" className="gk-rte-toolbar">
        {tool('设为正文段落', null, () => run('formatBlock', 'p'), '正文')}
        {tool('设为标题', null, () => run('formatBlock', 'h2'), '标题')}
        {tool('设为小标题', null, () => run('formatBlock', 'h3'), '小标题')}
        {tool('加粗', <BoldOutlined />, () => run('bold'))}
        {tool('无序列表', <UnorderedListOutlined />, () => run('insertUnorderedList'))}
        {tool('有序列表', <OrderedListOutlined />, () => run('insertOrderedList'))}
        {tool('插入表格', <TableOutlined />, () => run('insertHTML', tableTemplate()))}
        <Button size="small" icon={<CodeOutlined />} aria-pressed={source} disabled={disabled} onClick={() => setSource((s) => !s)}>
          {source ? '返回可视编辑' : 'HTML 源码'}
        </Button>
      </Space>
      <div
        ref={ref}
        id={source ? undefined : id}
        className="gk-rte-area gk-doc-body"
        contentEditable={!disabled}
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={ariaLabel}
        aria-disabled={disabled || undefined}
        hidden={source}
        onInput={emit}
        onPaste={onPaste}
      />
      {source && (
        <Input.TextArea
          id={id}
          aria-label={`${ariaLabel}（HTML 源码）`}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange?.(e.target.value)}
          autoSize={{ minRows: 14, maxRows: 30 }}
          style={{ fontFamily: 'monospace', fontSize: 13 }}
        />
      )}
    </div>
  );
}
