// 待办事项: what needs doing in the user's organisations, grouped by kind; urgent items in red.
import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useErrorReporter } from '../components/errors';
import { href } from '../router';
import type { TodoList } from '../types';

export default function TodoPage() {
  const report = useErrorReporter();
  const [list, setList] = useState<TodoList | null>(null);
  useEffect(() => {
    api.todo().then(setList, report);
  }, [report]);
  if (!list) return <Spin />;
  const nothing = list.items.length === 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary">截至 {list.today}，您负责的机构中需要处理的事项。</Typography.Text>
      {nothing && <Empty description="暂无待办事项" />}
      {list.groups
        .filter((g) => g.count > 0)
        .map((g) => (
          <Card key={g.kind} title={`${g.name}（${g.count}）`} extra={g.urgent > 0 ? <Tag color="red">紧急 {g.urgent}</Tag> : null}>
            <List
              dataSource={list.items.filter((i) => i.kind === g.kind)}
              renderItem={(i) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space>
                        {i.urgent ? <Tag color="red">紧急</Tag> : <Tag color="orange">提醒</Tag>}
                        <a href={href(i.href)}>{i.title}</a>
                      </Space>
                    }
                    description={
                      <span>
                        {i.organisationName ? `${i.organisationName} · ` : ''}
                        {i.detail}
                      </span>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        ))}
      {!nothing && list.items.some((i) => i.urgent) && <Alert type="warning" showIcon title="标为紧急的事项请优先处理。" />}
    </Space>
  );
}
