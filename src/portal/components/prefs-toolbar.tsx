// The 适老化 toolbar: text size and contrast as plain links to /prefs, so they work without JavaScript;
// portal.js (data-pref / data-value) applies them in place when scripts run.
import type { Prefs, TextSize, Contrast } from '../prefs.ts';

const textOptions: { value: TextSize; label: string }[] = [
  { value: 'normal', label: '标准字号' },
  { value: 'large', label: '大字' },
  { value: 'xlarge', label: '特大字' },
];
const contrastOptions: { value: Contrast; label: string }[] = [
  { value: 'normal', label: '标准配色' },
  { value: 'high', label: '高对比' },
];

type Option = { value: string; label: string };

function OptionGroup(props: { name: 'text' | 'contrast'; label: string; options: Option[]; current: string; returnTo: string }) {
  const labelId = `prefs-${props.name}-label`;
  return (
    <div className="prefs-group" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="prefs-label">
        {props.label}
      </span>
      <ul className="prefs-options">
        {props.options.map((o) => (
          <li key={o.value}>
            <a
              href={`/prefs?${props.name}=${o.value}&return=${encodeURIComponent(props.returnTo)}`}
              rel="nofollow"
              data-pref={props.name}
              data-value={o.value}
              aria-current={o.value === props.current ? 'true' : undefined}
            >
              {o.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PrefsToolbar({ prefs, returnTo }: { prefs: Prefs; returnTo: string }) {
  return (
    <div className="prefs-bar">
      <div className="container prefs-inner">
        <span className="prefs-title">适老化与无障碍</span>
        <OptionGroup name="text" label="字号：" options={textOptions} current={prefs.text} returnTo={returnTo} />
        <OptionGroup name="contrast" label="配色：" options={contrastOptions} current={prefs.contrast} returnTo={returnTo} />
      </div>
    </div>
  );
}
