'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ColumnMapping, ImportField } from '@/lib/imports/column-mapping';
import { FIELD_LABELS, IMPORT_FIELDS } from '@/lib/imports/column-mapping';
import { apiRequest } from '../api-request';
import type { ImportBatch } from './import-batch';

type MappingFields = {
  columns: Record<ImportField, string>;
  customColumns: string[];
  defaultConsent: '' | 'EXPLICIT' | 'IMPLIED';
  consentSource: string;
  overwriteConsent: boolean;
  hasHeader: boolean;
};

interface ColumnMappingFormProps {
  batch: ImportBatch;
  /** Called once the server has accepted the mapping and begun the dry run. */
  onStarted: () => void;
}

/** Which column of the file holds which field, how to treat consent, and the start of the dry run. */
export function ColumnMappingForm({ batch, onStarted }: ColumnMappingFormProps) {
  const format = batch.format!;
  const saved = (batch.mapping ?? {}) as Partial<ColumnMapping>;
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<MappingFields>({
    defaultValues: {
      columns: Object.fromEntries(
        IMPORT_FIELDS.map((f) => [f, saved.fields?.[f] === undefined ? '' : String(saved.fields[f])]),
      ) as Record<ImportField, string>,
      customColumns: (saved.custom ?? []).map((c) => String(c.column)),
      defaultConsent: saved.defaultConsent ?? '',
      consentSource: saved.consentSource ?? '',
      overwriteConsent: saved.overwriteConsent ?? false,
      hasHeader: saved.hasHeader ?? format.hasHeader,
    },
  });

  async function onSubmit(values: MappingFields) {
    setError(null);
    const fields = Object.fromEntries(
      Object.entries(values.columns)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    const mapped = new Set(Object.values(fields));
    // A single checkbox reports a boolean rather than a list of values.
    const chosen = [values.customColumns].flat().filter((v): v is string => typeof v === 'string');
    const custom = chosen
      .map(Number)
      .filter((column) => !mapped.has(column))
      .map((column) => ({ column, name: format.headers[column] }));
    const mapping = {
      fields,
      custom,
      defaultConsent: values.defaultConsent || null,
      consentSource: values.consentSource,
      overwriteConsent: values.overwriteConsent,
      hasHeader: values.hasHeader,
    };
    const result = await apiRequest(`/api/imports/${batch.id}/dry-run`, { method: 'POST', body: { mapping } });
    if (!result.ok) return setError(result.message);
    onStarted();
  }

  return (
    <form className="panel" onSubmit={handleSubmit(onSubmit)} aria-label="Column mapping">
      <h2>Match the columns</h2>
      <p className="muted">
        Read as {format.encoding.toUpperCase()}, separated by{' '}
        {format.delimiter === '\t' ? 'tabs' : `“${format.delimiter}”`}. Check which column holds what.
      </p>
      {batch.mappingRemembered && (
        <div className="notice" role="status">
          These columns match an earlier file, so they are matched as you matched them then.
        </div>
      )}
      <div className="table-scroll">
        <table className="csv-preview" aria-label="First rows of the file">
          <thead>
            <tr>
              {format.headers.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {format.preview.slice(0, 3).map((row, r) => (
              <tr key={r}>
                {format.headers.map((_, i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        {IMPORT_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`map-${field}`}>{FIELD_LABELS[field]}</label>
            <select id={`map-${field}`} {...register(`columns.${field}`)}>
              <option value="">— not in this file —</option>
              {format.headers.map((h, i) => (
                <option key={i} value={String(i)}>
                  {h}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <fieldset className="field">
        <legend>Keep other columns as custom fields</legend>
        {format.headers.map((h, i) => (
          <label key={i} style={{ marginRight: '1rem' }}>
            <input type="checkbox" value={String(i)} {...register('customColumns')} /> {h}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div className="field">
          <label htmlFor="default-consent">Rows with no consent value</label>
          <select id="default-consent" {...register('defaultConsent')}>
            <option value="">Reject them (missing consent)</option>
            <option value="EXPLICIT">They gave explicit consent</option>
            <option value="IMPLIED">Consent is implied (existing customers)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="consent-source">How consent was collected</label>
          <input id="consent-source" placeholder="e.g. website sign-up form" {...register('consentSource')} />
        </div>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" {...register('hasHeader')} /> The first row holds column names
        </label>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" {...register('overwriteConsent')} /> Let this file&apos;s consent replace consent we
          already hold (opt-outs are never undone)
        </label>
      </div>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <button type="submit" disabled={formState.isSubmitting}>
        Run the dry run
      </button>
    </form>
  );
}
