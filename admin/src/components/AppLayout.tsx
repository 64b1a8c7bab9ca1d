// Side menu, header with the signed-in user, content area.
import {
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  CalendarOutlined,
  BarChartOutlined,
  SnippetsOutlined,
  ClearOutlined,
  CommentOutlined,
  FlagOutlined,
  BookOutlined,
  ExceptionOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  FileProtectOutlined,
  TagsOutlined,
  FileTextOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  PartitionOutlined,
  TeamOutlined,
  UserOutlined,
  InboxOutlined,
  FormOutlined,
  QuestionCircleOutlined,
  ScheduleOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography, theme } from 'antd';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { useState } from 'react';
import { useAuth } from '../auth';
import { href, navigate } from '../router';

export interface PageDef {
  path: string;
  title: string;
  /** Shown only to users holding this permission somewhere. */
  permission?: string;
  component: LazyExoticComponent<ComponentType>;
}

const ICONS: Record<string, ReactNode> = {
  '/organisations': <ApartmentOutlined />,
  '/documents': <FileTextOutlined />,
  '/todo': <CarryOutOutlined />,
  '/themes': <TagsOutlined />,
  '/normative-filings': <FileProtectOutlined />,
  '/normative-cleanups': <ClearOutlined />,
  '/review-queue': <SafetyCertificateOutlined />,
  '/review-overrides': <ExceptionOutlined />,
  '/review-dictionary': <BookOutlined />,
  '/review-settings': <SettingOutlined />,
  '/catalog': <PartitionOutlined />,
  '/calendar': <CalendarOutlined />,
  '/requests': <InboxOutlined />,
  '/request-register': <FormOutlined />,
  '/letter-template': <SnippetsOutlined />,
  '/annual-report': <BarChartOutlined />,
  '/consultations': <CommentOutlined />,
  '/decisions': <FlagOutlined />,
  '/qa': <QuestionCircleOutlined />,
  '/meetings': <ScheduleOutlined />,
  '/feedback': <ShopOutlined />,
  '/users': <TeamOutlined />,
  '/tokens': <KeyOutlined />,
  '/audit': <AuditOutlined />,
  '/password': <LockOutlined />,
};

interface Props {
  title: string;
  pages: PageDef[];
  currentPath: string;
  children: ReactNode;
}

export function AppLayout({ title, pages, currentPath, children }: Props) {
  const { user, logout } = useAuth();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [leaving, setLeaving] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={208}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 18,
            letterSpacing: 1,
          }}
        >
          {collapsed ? '公开' : 'Gongkai 公开'}
        </div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[currentPath]}
            items={pages.map((p) => ({
              key: p.path,
              icon: ICONS[p.path],
              label: (
                <a
                  href={href(p.path)}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    navigate(p.path);
                  }}
                >
                  {p.title}
                </a>
              ),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title level={1} style={{ margin: 0, fontSize: 18 }}>
            {title}
          </Typography.Title>
          <Space size="middle">
            <span>
              <UserOutlined aria-hidden /> {user.displayName}
            </span>
            <Button
              icon={<LogoutOutlined />}
              loading={leaving}
              onClick={() => {
                setLeaving(true);
                logout().finally(() => setLeaving(false));
              }}
            >
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
