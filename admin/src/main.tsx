import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import './index.css';

dayjs.locale('zh-cn');

// Slightly darker than antd's defaults so that text meets WCAG AA contrast (4.5:1).
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    // antd derives a lighter hover colour (#2e7ae6, 4.2:1 on white); hovering darkens instead, keeping 4.5:1.
    colorPrimaryHover: '#003eb3',
    colorLinkHover: '#003eb3',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.6)',
    // No animations: nothing is half-faded when read (by people or by contrast checks).
    motion: false,
  },
  components: {
    // The default label grey (#8c8c8c) is below 4.5:1 on white.
    Descriptions: { labelColor: 'rgba(0, 0, 0, 0.6)' },
    // A read-only form (e.g. a published document) shows its choices in disabled selects: keep them legible (4.5:1).
    Select: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
    TreeSelect: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* No click ripple: calmer for older users, and it briefly hides button text from contrast checks. */}
    <ConfigProvider locale={zhCN} theme={theme} wave={{ disabled: true }}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
