// Accessible form pieces for the portal's POST forms: a labelled field with its hint and error (linked by
// aria-describedby), radio groups in a fieldset, the error summary, the CSRF hidden field and the organisation select.
import type { ReactNode } from 'react';
import type { Org } from '../directory.ts';

export const fieldId = (name: string) => `f-${name}`;
const hintId = (name: string) => `f-${name}-hint`;
const errorId = (name: string) => `f-${name}-error`;

export function describedBy(name: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? hintId(name) : '', error ? errorId(name) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldMessages({ name, hint, error }: { name: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p className="hint" id={hintId(name)}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId(name)}>
          <span className="visually-hidden">错误：</span>
          {error}
        </p>
      )}
    </>
  );
}

type TextProps = {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  /** Required only in one case the form explains (e.g. for natural persons): marked, but not enforced by the browser. */
  conditional?: boolean;
  type?: 'text' | 'email' | 'tel';
  maxLength?: number;
  autoComplete?: string;
  rows?: number;
  width?: 'short' | 'medium' | 'long';
};

/** A text input (or textarea when `rows` is set) with label, hint and error. */
export function TextField({ name, label, value, error, hint, required, conditional, type = 'text', maxLength = 200, autoComplete, rows, width = 'long' }: TextProps) {
  const common = {
    id: fieldId(name),
    name,
    defaultValue: value ?? '',
    maxLength,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(name, hint, error),
    autoComplete,
  };
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <label htmlFor={fieldId(name)}>
        {label}
        {required || conditional ? <span className="required">（必填）</span> : <span className="optional">（选填）</span>}
      </label>
      <FieldMessages name={name} hint={hint} error={error} />
      {rows ? <textarea {...common} rows={rows} /> : <input {...common} type={type} className={`input-${width}`} />}
    </div>
  );
}

type Choice = { value: string; label: string };

/** Radio buttons in a fieldset whose legend is the question. */
export function RadioGroup({ name, legend, choices, value, error, hint }: { name: string; legend: string; choices: readonly Choice[]; value?: string; error?: string; hint?: ReactNode }) {
  return (
    <fieldset className={`form-field radio-group${error ? ' has-error' : ''}`} id={fieldId(name)} aria-describedby={describedBy(name, hint, error)}>
      <legend>
        {legend}
        <span className="required">（必选）</span>
      </legend>
      <FieldMessages name={name} hint={hint} error={error} />
      <div className="choices">
        {choices.map((c) => (
          <label key={c.value} className="choice">
            <input type="radio" name={name} value={c.value} defaultChecked={value === c.value} />
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A select of the given choices, with an empty first option. */
export function SelectField({ name, label, choices, value, error, hint, empty, required }: { name: string; label: string; choices: readonly Choice[]; value?: string; error?: string; hint?: ReactNode; empty: string; required?: boolean | 'conditional' }) {
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <label htmlFor={fieldId(name)}>
        {label}
        {required && <span className="required">（必选）</span>}
      </label>
      <FieldMessages name={name} hint={hint} error={error} />
      <select id={fieldId(name)} name={name} defaultValue={value ?? ''} required={required === true} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)}>
        <option value="">{empty}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Organisations in directory order, indented by depth (full-width spaces read as pauses, not as text). */
export const orgChoices = (orgs: Org[]): Choice[] => orgs.map((o) => ({ value: o.id, label: `${'\u3000'.repeat(Math.max(0, Math.min(o.depth, 4)))}${o.name}` }));

/** The list of problems above a refused form; each links to its field. */
export function ErrorSummary({ errors, order, labels }: { errors: Partial<Record<string, string>>; order: readonly string[]; labels: Partial<Record<string, string>> }) {
  const names = order.filter((n) => errors[n]);
  if (names.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary">
      <h2 id="error-summary-title">{`提交未成功，请修改以下 ${names.length} 处内容`}</h2>
      <ul>
        {names.map((n) => (
          <li key={n}>
            <a href={`#${fieldId(n)}`}>{`${labels[n] ? `${labels[n]}：` : ''}${errors[n]}`}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;
