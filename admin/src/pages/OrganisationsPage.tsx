// 组织机构: the organisation tree on the left, the selected organisation on the right.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Input, Row, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import type { Key, ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../components/errors';
import { OrgCreateModal } from '../components/OrgCreateModal';
import { OrgDetail } from '../components/OrgDetail';
import { ancestorIds, buildForest, filterForest } from '../components/orgTree';
import type { OrgNode } from '../components/orgTree';
import { useOrgTree } from '../components/useOrgTree';
import { navigate, useLocation } from '../router';

function highlight(text: string, query: string): ReactNode {
  const q = query.trim();
  if (!q) return text;
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}

function toTreeData(nodes: OrgNode[], query: string): TreeDataNode[] {
  return nodes.map(({ org, children }) => ({
    key: org.id,
    title: (
      <span style={org.active ? undefined : { color: 'rgba(0, 0, 0, 0.6)' }}>
        {highlight(org.name, query)}
        {!org.active && (
          <Tag style={{ marginInlineStart: 6 }} variant="filled">
            已停用
          </Tag>
        )}
      </span>
    ),
    children: toTreeData(children, query),
  }));
}

export default function OrganisationsPage() {
  const { items, loaded, loading, error, reload } = useOrgTree();
  const location = useLocation();
  const selectedId = location.search.get('id');
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [autoExpandParent, setAutoExpandParent] = useState(true);
  const [creatingRoot, setCreatingRoot] = useState(false);

  const forest = useMemo(() => buildForest(items), [items]);
  const filtered = useMemo(() => filterForest(forest, query), [forest, query]);
  const treeData = useMemo(() => toTreeData(filtered.forest, query), [filtered, query]);
  const byId = useMemo(() => new Map(items.map((o) => [o.id, o])), [items]);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  const select = (id: string | null) => navigate(id ? `/organisations?id=${encodeURIComponent(id)}` : '/organisations', { replace: true });

  // First load: open the roots and the path to the selected organisation; select the first root.
  useEffect(() => {
    if (!loaded || expanded.length > 0) return;
    const open = new Set<Key>(forest.map((n) => n.org.id));
    if (selectedId) for (const id of ancestorIds(items, selectedId)) open.add(id);
    setExpanded([...open]);
    if (!selectedId && forest.length > 0) select(forest[0].org.id);
  }, [loaded]);

  // While searching, open every branch that leads to a match.
  useEffect(() => {
    if (query.trim()) {
      setExpanded(filtered.expand);
      setAutoExpandParent(true);
    }
  }, [filtered, query]);

  const afterChange = async (selectId: string | null) => {
    await reload();
    // A new organisation may not match the current search: clear it so the selection is visible.
    if (selectId !== selectedId) setQuery('');
    select(selectId);
  };

  // Items change after reload: open the path to a newly created or moved selection.
  useEffect(() => {
    if (!selectedId || !byId.has(selectedId)) return;
    const path = ancestorIds(items, selectedId);
    setExpanded((prev) => (path.every((id) => prev.includes(id)) ? prev : [...new Set([...prev, ...path])]));
  }, [items, byId, selectedId]);

  return (
    <Row gutter={16} align="top">
      <Col xs={24} lg={9} xl={7}>
        <Card
          title="组织机构"
          extra={<Button type="text" icon={<ReloadOutlined />} aria-label="刷新" title="刷新" onClick={() => void reload()} />}
          styles={{ body: { padding: 12 } }}
        >
          <Input.Search
            placeholder="按名称搜索"
            aria-label="按名称搜索机构"
            allowClear
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ marginBottom: 12 }}
          />
          {error ? (
            <Alert type="error" showIcon title={errorMessage(error)} />
          ) : !loaded ? (
            <Spin style={{ display: 'block', margin: '40px auto' }} aria-label="加载中" />
          ) : treeData.length === 0 ? (
            <Empty description={query ? '没有匹配的机构' : '还没有机构'}>
              {!query && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingRoot(true)}>
                  新建顶级机构
                </Button>
              )}
            </Empty>
          ) : (
            <Tree
              treeData={treeData}
              height={Math.max(320, window.innerHeight - 260)}
              blockNode
              showLine
              expandedKeys={expanded}
              autoExpandParent={autoExpandParent}
              onExpand={(keys) => {
                setExpanded(keys);
                setAutoExpandParent(false);
              }}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                if (keys.length > 0) select(String(keys[0]));
              }}
              aria-label="机构树"
            />
          )}
          {loading && loaded && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              正在刷新…
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={17}>
        {selected ? (
          <OrgDetail
            key={selected.id}
            org={selected}
            parentName={selected.parentId ? (byId.get(selected.parentId)?.name ?? null) : null}
            onChanged={afterChange}
          />
        ) : (
          <Card>
            <Empty description={loaded && selectedId ? '该机构不存在或无权查看' : '请在左侧选择一个机构'} />
          </Card>
        )}
      </Col>
      <OrgCreateModal
        open={creatingRoot}
        parent={null}
        onClose={() => setCreatingRoot(false)}
        onCreated={(org) => {
          setCreatingRoot(false);
          void afterChange(org.id);
        }}
      />
    </Row>
  );
}
