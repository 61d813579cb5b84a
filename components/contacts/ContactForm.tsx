'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { AUSTRALIAN_ZONE_LABELS, STATE_ZONES } from '@/lib/contacts/contact-time-zone';
import { apiRequest } from '../api-request';

export interface ContactFormValues {
  firstName: string;
  lastName: string;
  email: string;
  state: string;
  postcode: string;
  timeZone: string;
  tags: string;
  customFields: { name: string; value: string }[];
}

interface ContactFormProps {
  /** The contact being edited, or none for a new one (which also asks for the number and consent). */
  contact?: { id: string; phoneE164: string; values: ContactFormValues };
}

interface NewOnly {
  phone: string;
  consentStatus: 'EXPLICIT' | 'IMPLIED' | 'UNKNOWN';
  consentSource: string;
  consentProof: string;
}

const EMPTY: ContactFormValues & NewOnly = {
  firstName: '',
  lastName: '',
  email: '',
  state: '',
  postcode: '',
  timeZone: '',
  tags: '',
  customFields: [],
  phone: '',
  consentStatus: 'EXPLICIT',
  consentSource: '',
  consentProof: '',
};

/** Adds a contact by hand, or edits one; the server checks every field as an import would. */
export function ContactForm({ contact }: ContactFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState, control } = useForm<ContactFormValues & NewOnly>({
    defaultValues: contact
      ? { ...EMPTY, ...contact.values, customFields: [...contact.values.customFields, { name: '', value: '' }] }
      : { ...EMPTY, customFields: [{ name: '', value: '' }] },
  });
  const customFields = useWatch({ control, name: 'customFields' });

  async function onSubmit(values: ContactFormValues & NewOnly) {
    const details = {
      firstName: values.firstName,
      lastName: values.lastName,
      email: values.email,
      state: values.state,
      postcode: values.postcode,
      timeZone: values.timeZone,
      tags: values.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      customFields: Object.fromEntries(
        values.customFields.filter((f) => f.name.trim() && f.value.trim()).map((f) => [f.name.trim(), f.value]),
      ),
    };
    const result = contact
      ? await apiRequest(`/api/contacts/${contact.id}`, { method: 'PATCH', body: details })
      : await apiRequest<{ contact: { id: string } }>('/api/contacts', {
          method: 'POST',
          body: {
            ...details,
            phone: values.phone,
            consentStatus: values.consentStatus,
            consentSource: values.consentSource,
            consentProof: values.consentProof,
          },
        });
    if (!result.ok) return setError(result.message);
    const id = contact?.id ?? (result.data as { contact: { id: string } }).contact.id;
    router.push(`/contacts/${id}`);
    router.refresh();
  }

  return (
    <form
      className="panel"
      onSubmit={handleSubmit(onSubmit)}
      aria-label={contact ? 'Edit contact' : 'New contact'}
      noValidate
    >
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      {!contact && (
        <div className="field">
          <label htmlFor="contact-phone">Mobile number</label>
          <input id="contact-phone" inputMode="tel" placeholder="e.g. 0412 345 678" {...register('phone')} />
        </div>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="contact-first">First name</label>
          <input id="contact-first" {...register('firstName')} />
        </div>
        <div className="field">
          <label htmlFor="contact-last">Last name</label>
          <input id="contact-last" {...register('lastName')} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="contact-email">E-mail</label>
        <input id="contact-email" type="email" {...register('email')} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="contact-state">State</label>
          <select id="contact-state" {...register('state')}>
            <option value="">Not known</option>
            {Object.keys(STATE_ZONES).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="contact-postcode">Postcode</label>
          <input id="contact-postcode" inputMode="numeric" maxLength={4} {...register('postcode')} />
        </div>
        <div className="field">
          <label htmlFor="contact-zone">Time zone</label>
          <select id="contact-zone" {...register('timeZone')}>
            <option value="">From the state or postcode</option>
            {Object.entries(AUSTRALIAN_ZONE_LABELS).map(([zone, label]) => (
              <option key={zone} value={zone}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="contact-tags">Tags</label>
        <input id="contact-tags" placeholder="e.g. vip, fitzroy" {...register('tags')} />
        <div className="hint">Separate tags with commas.</div>
      </div>
      <fieldset className="field">
        <legend>Custom fields</legend>
        {customFields.map((_, i) => (
          <div className="row" key={i}>
            <div className="field">
              <label htmlFor={`custom-name-${i}`}>Name</label>
              <input id={`custom-name-${i}`} placeholder="e.g. store" {...register(`customFields.${i}.name`)} />
            </div>
            <div className="field">
              <label htmlFor={`custom-value-${i}`}>Value</label>
              <input id={`custom-value-${i}`} {...register(`customFields.${i}.value`)} />
            </div>
          </div>
        ))}
        <div className="hint">A field with no value is removed. Custom fields work in messages, e.g. {'{store}'}.</div>
      </fieldset>
      {!contact && (
        <fieldset className="field">
          <legend>Consent</legend>
          <div className="row">
            <div className="field">
              <label htmlFor="contact-consent">Consent given</label>
              <select id="contact-consent" {...register('consentStatus')}>
                <option value="EXPLICIT">Explicit: they asked to receive messages</option>
                <option value="IMPLIED">Implied: an existing customer relationship</option>
                <option value="UNKNOWN">Not known: cannot be messaged yet</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="contact-consent-source">How they consented</label>
              <input
                id="contact-consent-source"
                placeholder="e.g. signed up at the Fitzroy counter"
                {...register('consentSource')}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor="contact-consent-proof">Proof (optional)</label>
            <input
              id="contact-consent-proof"
              placeholder="e.g. paper form #1042, kept in store"
              {...register('consentProof')}
            />
            <div className="hint">Kept with the consent record, with your name and the time, as the Spam Act asks.</div>
          </div>
        </fieldset>
      )}
      <button type="submit" disabled={formState.isSubmitting}>
        {contact ? 'Save changes' : 'Add contact'}
      </button>
    </form>
  );
}
