// Session bootstrap and page routing.
import { Result, Button, Spin } from 'antd';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from './api';
import { AuthContext } from './auth';
import type { AuthState } from './auth';
import { AppLayout } from './components/AppLayout';
import type { PageDef } from './components/AppLayout';
import { clearOrgTree } from './components/useOrgTree';
import { currentAppUrl, navigate, useLocation } from './router';
import type { Session, User } from './types';
import { LoginPage } from './pages/LoginPage';

const PAGES: PageDef[] = [
  { path: '/organisations', title: '组织机构', component: lazy(() => import('./pages/OrganisationsPage')) },
  { path: '/documents', title: '文件管理', permission: 'document.read', component: lazy(() => import('./pages/DocumentsPage')) },
  { path: '/todo', title: '待办事项', component: lazy(() => import('./pages/TodoPage')) },
  { path: '/themes', title: '专题管理', permission: 'catalog.manage', component: lazy(() => import('./pages/ThemesPage')) },
  {
    path: '/normative-filings',
    title: '备案审查',
    permission: 'document.read',
    component: lazy(() => import('./pages/NormativeFilingsPage')),
  },
  {
    path: '/normative-cleanups',
    title: '文件清理',
    permission: 'document.edit',
    component: lazy(() => import('./pages/NormativeCleanupsPage')),
  },
  { path: '/review-queue', title: '复查队列', permission: 'document.review', component: lazy(() => import('./pages/ReviewQueuePage')) },
  {
    path: '/review-overrides',
    title: '豁免记录',
    permission: 'document.review',
    component: lazy(() => import('./pages/ReviewOverridesPage')),
  },
  {
    path: '/review-dictionary',
    title: '审查词库',
    permission: 'document.review',
    component: lazy(() => import('./pages/ReviewDictionaryPage')),
  },
  { path: '/review-settings', title: '审查设置', permission: 'org.manage', component: lazy(() => import('./pages/ReviewSettingsPage')) },
  { path: '/catalog', title: '目录管理', permission: 'catalog.manage', component: lazy(() => import('./pages/CatalogPage')) },
  { path: '/calendar', title: '工作日历', permission: 'system.admin', component: lazy(() => import('./pages/CalendarPage')) },
  { path: '/requests', title: '依申请公开', permission: 'request.read', component: lazy(() => import('./pages/RequestsPage')) },
  { path: '/request-register', title: '登记线下申请', permission: 'request.handle', component: lazy(() => import('./pages/RequestRegisterPage')) },
  { path: '/letter-template', title: '答复书模板', permission: 'request.read', component: lazy(() => import('./pages/LetterTemplatePage')) },
  { path: '/annual-report', title: '年度报表', permission: 'request.read', component: lazy(() => import('./pages/AnnualRequestsReportPage')) },
  { path: '/consultations', title: '意见征集', permission: 'consultation.read', component: lazy(() => import('./pages/ConsultationsPage')) },
  { path: '/decisions', title: '重大行政决策', permission: 'decision.read', component: lazy(() => import('./pages/DecisionsPage')) },
  { path: '/qa', title: '政策问答', permission: 'qa.read', component: lazy(() => import('./pages/QaPage')) },
  { path: '/meetings', title: '重大会议', permission: 'meeting.read', component: lazy(() => import('./pages/MeetingsPage')) },
  { path: '/feedback', title: '营商环境线索', permission: 'feedback.read', component: lazy(() => import('./pages/FeedbackPage')) },
  { path: '/users', title: '用户与角色', permission: 'user.read', component: lazy(() => import('./pages/UsersPage')) },
  { path: '/tokens', title: 'API 令牌', component: lazy(() => import('./pages/TokensPage')) },
  { path: '/audit', title: '审计日志', permission: 'audit.read', component: lazy(() => import('./pages/AuditPage')) },
  { path: '/password', title: '修改密码', component: lazy(() => import('./pages/PasswordPage')) },
];

const APP_TITLE = 'Gongkai 政务公开管理后台';
const HOME = '/organisations';

/** Only same-app paths are accepted as a post-login destination. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export function App() {
  const location = useLocation();
  const [user, setUser] = useState<User | null>(null);
  const [permissions, setPermissions] = useState<string[]>([]);
  const [checking, setChecking] = useState(true);

  const acceptSession = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setPermissions(session.permissions ?? []);
  }, []);

  const refresh = useCallback(async () => {
    acceptSession(await api.auth.me());
  }, [acceptSession]);

  const dropSession = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    clearOrgTree();
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      const here = currentAppUrl();
      dropSession();
      if (!here.startsWith('/login')) navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
    api.auth
      .me()
      .then(acceptSession)
      .catch(() => dropSession())
      .finally(() => setChecking(false));
  }, [acceptSession, dropSession]);

  const logout = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      dropSession();
      navigate('/login', { replace: true });
    }
  }, [dropSession]);

  const auth = useMemo<AuthState | null>(
    () => (user ? { user, permissions, refresh, logout } : null),
    [user, permissions, refresh, logout],
  );

  const visiblePages = PAGES.filter((p) => !p.permission || permissions.includes(p.permission));
  const page = visiblePages.find((p) => p.path === location.path);
  const isLogin = location.path === '/login';

  // Redirects: signed out → login; signed in on login or root → home; password change forced.
  let redirect: string | null = null;
  if (!checking) {
    if (!user && !isLogin) redirect = `/login?next=${encodeURIComponent(currentAppUrl())}`;
    else if (user && user.mustChangePassword && location.path !== '/password') redirect = '/password';
    else if (user && (isLogin || location.path === '/')) redirect = (isLogin && safeNext(location.search.get('next'))) || HOME;
  }
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  useEffect(() => {
    const title = isLogin ? '登录' : page?.title;
    document.title = title ? `${title} - ${APP_TITLE}` : APP_TITLE;
  }, [isLogin, page]);

  if (checking || redirect) {
    return (
      <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" aria-label="加载中" />
      </div>
    );
  }

  if (!auth) {
    return (
      <LoginPage
        title={APP_TITLE}
        onLogin={(session) => {
          acceptSession(session);
          const next = safeNext(location.search.get('next'));
          navigate(session.user.mustChangePassword ? '/password' : (next ?? HOME), { replace: true });
        }}
      />
    );
  }

  const Page = page?.component;
  return (
    <AuthContext.Provider value={auth}>
      <AppLayout title={APP_TITLE} pages={visiblePages} currentPath={location.path}>
        <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} aria-label="加载中" />}>
          {Page ? (
            <Page />
          ) : (
            <Result
              status="404"
              title="页面不存在"
              subTitle="您访问的页面不存在或已被移除。"
              extra={
                <Button type="primary" onClick={() => navigate(HOME)}>
                  返回组织机构
                </Button>
              }
            />
          )}
        </Suspense>
      </AppLayout>
    </AuthContext.Provider>
  );
}
