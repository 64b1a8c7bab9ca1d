// A TreeSelect over the organisation tree, usable as a Form control.
import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import type { OrgNode } from './orgTree';
import { buildForest } from './orgTree';
import { useOrgTree } from './useOrgTree';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

function toOptions(nodes: OrgNode[], disabledIds?: Set<string>): TreeOption[] {
  return nodes.map(({ org, children }) => ({
    value: org.id,
    title: org.active ? org.name : `${org.name}（已停用）`,
    disabled: disabledIds?.has(org.id),
    children: toOptions(children, disabledIds),
  }));
}

export interface OrgTreeSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Organisations that cannot be chosen (e.g. an organisation and its subtree when moving it). */
  disabledIds?: Set<string>;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

export function OrgTreeSelect({ disabledIds, placeholder = '选择机构', ...props }: OrgTreeSelectProps) {
  const { items, loading } = useOrgTree();
  const treeData = useMemo(() => toOptions(buildForest(items), disabledIds), [items, disabledIds]);
  const roots = useMemo(() => treeData.map((o) => o.value), [treeData]);
  return (
    <TreeSelect
      {...props}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={loading}
      placeholder={placeholder}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={roots}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
    />
  );
}
