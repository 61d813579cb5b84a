'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { formatCount, formatQuantity } from '@/lib/format/number';
import {
  EMPTY_SEGMENT_DEFINITION,
  MAX_SEGMENT_DEPTH,
  SegmentDefinitionSchema,
  type SegmentDefinition,
  type SegmentGroup,
  type SegmentNode,
} from '@/lib/segments/segment-definition';
import { SegmentInputSchema } from '@/lib/segments/segment-schemas';
import { apiRequest } from '../api-request';
import { ExclusionList } from '../ui/ExclusionList';
import { useLiveCount, type LiveCountState } from '../use-live-count';
import { CONDITION_KINDS, kindOf, newCondition, type ConditionKind } from './condition-kinds';
import { ConditionFields, type BuilderChoices } from './ConditionFields';

interface SegmentBuilderProps {
  segment: { id: string; name: string; definition: SegmentDefinition } | null;
  canEdit: boolean;
  choices: BuilderChoices;
}

interface GroupEditorProps {
  group: SegmentGroup;
  onChange: (group: SegmentGroup) => void;
  onRemove?: () => void;
  depth: number;
  path: string;
  choices: BuilderChoices;
}

function GroupEditor({ group, onChange, onRemove, depth, path, choices }: GroupEditorProps) {
  const firstBatch = choices.batches[0]?.id ?? '';
  const setChild = (i: number, child: SegmentNode) =>
    onChange({ ...group, children: group.children.map((c, j) => (j === i ? child : c)) });
  const removeChild = (i: number) => onChange({ ...group, children: group.children.filter((_, j) => j !== i) });
  const joiner = group.op === 'and' ? 'and' : 'or';
  return (
    <div
      className={`segment-group${depth > 1 ? ' nested' : ''}`}
      role="group"
      aria-label={depth > 1 ? 'Group' : 'Conditions'}
    >
      <div className="segment-group-head">
        <span>Contacts matching</span>
        <div className="toggle" role="radiogroup" aria-label="Match">
          {(['and', 'or'] as const).map((op) => (
            <label key={op} className="choice">
              <input
                type="radio"
                name={`${path}-op`}
                checked={group.op === op}
                onChange={() => onChange({ ...group, op })}
              />{' '}
              {op === 'and' ? 'all (AND)' : 'any (OR)'}
            </label>
          ))}
        </div>
        <span>of these:</span>
        {onRemove && (
          <button type="button" className="secondary" onClick={onRemove}>
            Remove group
          </button>
        )}
      </div>
      {group.children.length === 0 && <p className="muted">No conditions yet: every contact is selected.</p>}
      {group.children.map((child, i) => (
        <div key={i} className="segment-part">
          {i > 0 && <div className="segment-joiner">{joiner}</div>}
          {child.type === 'group' ? (
            <GroupEditor
              group={child}
              onChange={(g) => setChild(i, g)}
              onRemove={() => removeChild(i)}
              depth={depth + 1}
              path={`${path}-${i}`}
              choices={choices}
            />
          ) : (
            <div className="segment-condition" role="group" aria-label="Condition">
              <div className="row">
                <div className="field">
                  <label htmlFor={`${path}-${i}-kind`}>Kind of condition</label>
                  <select
                    id={`${path}-${i}-kind`}
                    value={kindOf(child)}
                    onChange={(e) => setChild(i, newCondition(e.target.value as ConditionKind, firstBatch))}
                  >
                    {CONDITION_KINDS.map((k) => (
                      <option key={k.value} value={k.value}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field" style={{ flex: 0 }}>
                  <button type="button" className="secondary" onClick={() => removeChild(i)}>
                    Remove
                  </button>
                </div>
              </div>
              <ConditionFields
                id={`${path}-${i}`}
                condition={child}
                onChange={(c) => setChild(i, c)}
                choices={choices}
              />
            </div>
          )}
        </div>
      ))}
      <div className="row segment-add">
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ ...group, children: [...group.children, newCondition('tags', firstBatch)] })}
        >
          Add condition
        </button>
        {depth < MAX_SEGMENT_DEPTH && (
          <button
            type="button"
            className="secondary"
            onClick={() =>
              onChange({
                ...group,
                children: [...group.children, { type: 'group', op: group.op === 'and' ? 'or' : 'and', children: [] }],
              })
            }
          >
            Add group
          </button>
        )}
      </div>
    </div>
  );
}

function SegmentSize({ size }: { size: LiveCountState }) {
  const shown = size.state === 'ready' ? size.size : size.state === 'counting' ? size.previous : null;
  return (
    <div className="audience-size" role="status" aria-label="Segment size" aria-busy={size.state === 'counting'}>
      {size.state === 'invalid' && <span className="muted">{size.message}</span>}
      {size.state === 'error' && <span className="error">{size.message}</span>}
      {shown && (
        <>
          <strong>Selects {formatQuantity(shown.total, 'contact')}</strong>
          <span className="muted">, of whom {formatCount(shown.sendable)} can be messaged</span>
          {size.state === 'counting' && <span className="muted"> · counting…</span>}
          <ExclusionList excluded={shown.excluded} label="Cannot be messaged" />
        </>
      )}
      {!shown && size.state === 'counting' && <span className="muted">Counting…</span>}
    </div>
  );
}

/** Builds a segment from AND / OR groups of conditions, counting it live, and saves it with a name. */
export function SegmentBuilder({ segment, canEdit, choices }: SegmentBuilderProps) {
  const router = useRouter();
  const [name, setName] = useState(segment?.name ?? '');
  const [definition, setDefinition] = useState<SegmentDefinition>(segment?.definition ?? EMPTY_SEGMENT_DEFINITION);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const key = JSON.stringify(definition);
  const body = useMemo(() => {
    const parsed = SegmentDefinitionSchema.safeParse(JSON.parse(key));
    return parsed.success
      ? ({ ok: true, value: { definition: parsed.data } } as const)
      : ({ ok: false, message: parsed.error.issues[0]?.message ?? 'Finish the conditions to see the count.' } as const);
  }, [key]);
  const size = useLiveCount({ url: '/api/segments/count', body });

  function change(root: SegmentGroup) {
    setDefinition({ ...definition, root });
    setSaved(false);
  }

  async function save() {
    setError(null);
    const input = SegmentInputSchema.safeParse({ name, definition });
    if (!input.success) return setError(input.error.issues[0]?.message ?? 'Check the segment.');
    setBusy(true);
    const result = await apiRequest<{ segment: { id: string } }>(
      segment ? `/api/segments/${segment.id}` : '/api/segments',
      { method: segment ? 'PATCH' : 'POST', body: input.data },
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setSaved(true);
    if (!segment) router.push(`/contacts/segments/${result.data.segment.id}`);
    else router.refresh();
  }

  async function remove() {
    if (
      !segment ||
      !window.confirm(`Delete the segment “${segment.name}”? Campaigns already launched keep what they targeted.`)
    )
      return;
    setBusy(true);
    const result = await apiRequest(`/api/segments/${segment.id}`, { method: 'DELETE' });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.push('/contacts/segments');
    router.refresh();
  }

  return (
    <form
      aria-label={segment ? `Segment ${segment.name}` : 'New segment'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset disabled={!canEdit} className="plain">
        <div className="panel">
          <div className="field">
            <label htmlFor="segment-name">Name</label>
            <input
              id="segment-name"
              value={name}
              maxLength={80}
              placeholder="e.g. Eastern VIPs who clicked lately"
              onChange={(e) => {
                setName(e.target.value);
                setSaved(false);
              }}
            />
          </div>
          <GroupEditor group={definition.root} onChange={change} depth={1} path="segment" choices={choices} />
        </div>
      </fieldset>
      <div className="panel segment-size">
        <SegmentSize size={size} />
      </div>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      {canEdit && (
        <p className="row">
          <button type="submit" disabled={busy}>
            {segment ? 'Save changes' : 'Save segment'}
          </button>
          {saved && <span role="status">Saved.</span>}
          {segment && (
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              Delete
            </button>
          )}
        </p>
      )}
    </form>
  );
}
