'use client';

import { useState } from 'react';
import { AUSTRALIAN_ZONE_LABELS, ALL_AUSTRALIAN_ZONES } from '@/lib/contacts/contact-time-zone';
import { SEGMENT_STATES, type SegmentCondition } from '@/lib/segments/segment-definition';

export interface BuilderChoices {
  batches: { id: string; fileName: string }[];
  customFieldNames: string[];
}

interface ConditionFieldsProps {
  condition: SegmentCondition;
  onChange: (condition: SegmentCondition) => void;
  choices: BuilderChoices;
  /** Unique within the page, for the inputs' ids. */
  id: string;
}

const CONSENT = [
  { value: 'EXPLICIT', label: 'Explicit' },
  { value: 'IMPLIED', label: 'Implied' },
  { value: 'UNKNOWN', label: 'None on record' },
] as const;

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** A comma-separated list typed as text: what is typed is kept until it means something else. */
function ListInput(props: {
  id: string;
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
  placeholder: string;
}) {
  const [text, setText] = useState(props.value.join(', '));
  const shown = splitList(text).join('\u0000') === props.value.join('\u0000') ? text : props.value.join(', ');
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        value={shown}
        placeholder={props.placeholder}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(splitList(e.target.value));
        }}
      />
    </div>
  );
}

function DaysInput(props: { id: string; label: string; days: number; onChange: (days: number) => void }) {
  return (
    <div className="field days">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={1}
        value={Number.isFinite(props.days) ? props.days : ''}
        onChange={(e) => props.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
    </div>
  );
}

function Checkboxes<T extends string>(props: {
  legend: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (v: T[]) => void;
}) {
  return (
    <fieldset className="field checkbox-list">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="checkbox"
            checked={props.value.includes(o.value)}
            onChange={(e) => props.onChange(toggled(props.value, o.value, e.target.checked))}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The inputs of one condition of a segment, by its kind. */
export function ConditionFields({ condition: c, onChange, choices, id }: ConditionFieldsProps) {
  switch (c.type) {
    case 'tags':
      return (
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-match`}>Has</label>
            <select
              id={`${id}-match`}
              value={c.match}
              onChange={(e) => onChange({ ...c, match: e.target.value as typeof c.match })}
            >
              <option value="any">any of these tags</option>
              <option value="all">all of these tags</option>
              <option value="none">none of these tags</option>
            </select>
          </div>
          <ListInput
            id={`${id}-tags`}
            label="Tags"
            placeholder="vip, sydney"
            value={c.tags}
            onChange={(tags) => onChange({ ...c, tags })}
          />
        </div>
      );
    case 'state':
      return (
        <Checkboxes
          legend="Lives in"
          options={SEGMENT_STATES.map((s) => ({ value: s, label: s }))}
          value={c.states}
          onChange={(states) => onChange({ ...c, states })}
        />
      );
    case 'postcode':
      return (
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-from`}>Postcode from</label>
            <input
              id={`${id}-from`}
              inputMode="numeric"
              maxLength={4}
              value={c.from}
              onChange={(e) => onChange({ ...c, from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>to (inclusive)</label>
            <input
              id={`${id}-to`}
              inputMode="numeric"
              maxLength={4}
              value={c.to}
              onChange={(e) => onChange({ ...c, to: e.target.value })}
            />
          </div>
        </div>
      );
    case 'timeZone':
      return (
        <Checkboxes
          legend="Time zone set on the contact"
          options={ALL_AUSTRALIAN_ZONES.map((z) => ({ value: z, label: AUSTRALIAN_ZONE_LABELS[z] }))}
          value={c.zones}
          onChange={(zones) => onChange({ ...c, zones })}
        />
      );
    case 'consent':
      return (
        <Checkboxes
          legend="Consent"
          options={CONSENT}
          value={c.statuses}
          onChange={(statuses) => onChange({ ...c, statuses })}
        />
      );
    case 'consentSource':
      return (
        <ListInput
          id={`${id}-sources`}
          label="Consent source is one of"
          placeholder="web form, in store"
          value={c.sources}
          onChange={(sources) => onChange({ ...c, sources })}
        />
      );
    case 'importBatch':
      return (
        <div className="field">
          <label htmlFor={`${id}-batch`}>Import</label>
          <select id={`${id}-batch`} value={c.batchId} onChange={(e) => onChange({ ...c, batchId: e.target.value })}>
            {choices.batches.length === 0 && <option value="">No committed imports yet</option>}
            {choices.batches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.fileName}
              </option>
            ))}
          </select>
        </div>
      );
    case 'created':
      return (
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-when`}>Added</label>
            <select
              id={`${id}-when`}
              value={c.when}
              onChange={(e) => {
                const when = e.target.value as typeof c.when;
                onChange(
                  when === 'within'
                    ? { type: 'created', when, days: 30 }
                    : { type: 'created', when, date: 'date' in c ? c.date : '' },
                );
              }}
            >
              <option value="within">in the last … days</option>
              <option value="before">before (UTC date)</option>
              <option value="after">after (UTC date)</option>
            </select>
          </div>
          {c.when === 'within' ? (
            <DaysInput id={`${id}-days`} label="Days" days={c.days} onChange={(days) => onChange({ ...c, days })} />
          ) : (
            <div className="field">
              <label htmlFor={`${id}-date`}>Date</label>
              <input
                id={`${id}-date`}
                type="date"
                value={c.date}
                onChange={(e) => onChange({ ...c, date: e.target.value })}
              />
            </div>
          )}
        </div>
      );
    case 'customField':
      return (
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-field`}>Field</label>
            <input
              id={`${id}-field`}
              list={`${id}-fields`}
              value={c.field}
              autoComplete="off"
              onChange={(e) => onChange({ ...c, field: e.target.value })}
            />
            <datalist id={`${id}-fields`}>
              {choices.customFieldNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor={`${id}-op`}>Test</label>
            <select
              id={`${id}-op`}
              value={c.op}
              onChange={(e) => {
                const op = e.target.value as typeof c.op;
                const value = 'value' in c ? c.value : '';
                onChange(
                  op === 'isEmpty'
                    ? { type: 'customField', field: c.field, op }
                    : { type: 'customField', field: c.field, op, value },
                );
              }}
            >
              <option value="equals">equals</option>
              <option value="contains">contains</option>
              <option value="isEmpty">is empty</option>
            </select>
          </div>
          {c.op !== 'isEmpty' && (
            <div className="field">
              <label htmlFor={`${id}-value`}>Value</label>
              <input id={`${id}-value`} value={c.value} onChange={(e) => onChange({ ...c, value: e.target.value })} />
            </div>
          )}
        </div>
      );
    case 'engagement':
      return (
        <DaysInput
          id={`${id}-days`}
          label="Within the last (days)"
          days={c.days}
          onChange={(days) => onChange({ ...c, days })}
        />
      );
    case 'neverMessaged':
      return (
        <p className="muted">Contacts no campaign message has been sent to yet (queued ones count as not sent).</p>
      );
  }
}
