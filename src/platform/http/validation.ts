import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { ValidationError, type FieldError } from '../errors.ts';
import type { FieldMessageCode } from '../i18n/messages.ts';

// Bodies are validated strictly (no type coercion, unknown fields rejected rather than silently dropped);
// query strings and path parameters arrive as text, so they are coerced.
const strict = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: true, strict: false });
const coercing = new Ajv({ allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true, strict: false });
for (const ajv of [strict, coercing]) addFormats.default(ajv);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const validate = (httpPart === 'body' ? strict : coercing).compile(schema as object);
  return (data: unknown) => {
    if (validate(data)) return { value: data };
    return { error: toValidationError(validate.errors ?? [], httpPart ?? 'body') };
  };
};

const known: FieldMessageCode[] = [
  'required', 'type', 'maxLength', 'minLength', 'pattern', 'format', 'enum', 'additionalProperties',
  'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems',
];

/** Ajv errors → field errors with paths like `contact.phone` and catalog codes. */
export function toValidationError(errors: ErrorObject[], httpPart: string): ValidationError {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // A union of literals reports one error per branch; report the field once as an enum.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    let path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    let code: FieldMessageCode = known.includes(e.keyword as FieldMessageCode) ? (e.keyword as FieldMessageCode) : 'invalid';
    const params: Record<string, unknown> = { ...e.params };
    if (e.keyword === 'required') path = [path, (e.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.');
    if (e.keyword === 'additionalProperties') path = [path, (e.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('.');
    if (e.keyword === 'const') {
      code = 'enum';
      const siblings = errors.filter((o) => o.instancePath === e.instancePath && o.keyword === 'const').map((o) => (o.params as { allowedValue: unknown }).allowedValue);
      params.values = siblings.join(', ');
    }
    if (e.keyword === 'enum') params.values = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ');
    if (e.keyword === 'type' && errors.some((o) => o.instancePath === e.instancePath && o.keyword === 'const')) continue;
    if (e.keyword === 'type' && errors.some((o) => o.instancePath === e.instancePath && o.keyword !== 'type' && o.keyword !== 'anyOf')) continue;
    const full = path || httpPart;
    const key = `${full}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ path: full, code, params });
  }
  if (fields.length === 0) fields.push({ path: httpPart, code: 'invalid' });
  return new ValidationError(fields);
}
