// The receiving organisation of a transfer: any organisation of the public directory, as a searchable tree
// (a handler's own organisation tree stops at the department, but misdirected requests go elsewhere).
import { TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useErrorReporter } from '../errors';
import { requestsApi } from './api';

type Org = { id: string; parentId: string | null; name: string };
type Option = { value: string; title: string; children: Option[] };

function forest(items: Org[]): Option[] {
  const nodes = new Map(items.map((o) => [o.id, { value: o.id, title: o.name, children: [] as Option[] }]));
  const roots: Option[] = [];
  for (const o of items) {
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(o.id)!);
  }
  return roots;
}

export function TransferTargetSelect(props: { id?: string; value?: string; onChange?: (v: string | undefined) => void; excludeId?: string; 'aria-label'?: string }) {
  const report = useErrorReporter();
  const [items, setItems] = useState<Org[] | null>(null);
  useEffect(() => {
    requestsApi.transferTargets().then((r) => setItems(r.items), report);
  }, [report]);
  const treeData = useMemo(() => forest((items ?? []).filter((o) => o.id !== props.excludeId)), [items, props.excludeId]);
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      treeData={treeData}
      loading={!items}
      placeholder="选择或搜索接收机关"
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={treeData.map((o) => o.value)}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
    />
  );
}
