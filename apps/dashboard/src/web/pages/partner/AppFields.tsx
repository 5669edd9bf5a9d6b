import type { ComponentChildren } from 'preact';
import { Options } from '../../components/controls.js';
import {
  type AppScope,
  type ClientType,
  DEVICE_CLASSES,
  DEVICE_CODE,
  type DeviceClass,
  GRANTS,
  type GrantType,
  lines,
  type PartnerApp,
  SCOPES,
} from './parts.js';

/** The parts of an app's registration that must agree with each other, as the form holds them. */
export interface AppConfig {
  grants: GrantType[];
  scopes: AppScope[];
  deviceClass: DeviceClass | '';
  redirectUris: string;
}

export function configOf(app: PartnerApp): AppConfig {
  return {
    grants: app.grant_types,
    scopes: app.scopes.filter((s): s is AppScope => SCOPES.some((known) => known.value === s)),
    deviceClass: app.device_class ?? '',
    redirectUris: app.redirect_uris.join('\n'),
  };
}

const hasPersonGrant = (grants: GrantType[]) => grants.includes('authorization_code') || grants.includes(DEVICE_CODE);

/**
 * The registration as the API takes it: only the fields the chosen grants use (scopes an app acting for itself
 * cannot hold are dropped), or the reason it cannot be sent yet.
 */
export function bodyOf(
  config: AppConfig,
  clientType: ClientType,
): { problem: string } | { grant_types: GrantType[]; scopes: AppScope[]; redirect_uris: string[]; device_class?: DeviceClass } {
  const grants = config.grants.filter((g) => clientType === 'confidential' || g !== 'client_credentials');
  if (grants.length === 0) return { problem: 'Choose at least one grant type.' };
  const person = hasPersonGrant(grants);
  const scopes = config.scopes.filter((s) => person || SCOPES.find((known) => known.value === s)?.forApp);
  if (scopes.length === 0) return { problem: 'Choose at least one scope.' };
  if (grants.includes(DEVICE_CODE) && !config.deviceClass) return { problem: 'Choose the device class of the device code app.' };
  const redirect_uris = grants.includes('authorization_code') ? lines(config.redirectUris) : [];
  if (grants.includes('authorization_code') && redirect_uris.length === 0)
    return { problem: 'Add at least one redirect URI for the authorization code grant.' };
  return { grant_types: grants, scopes, redirect_uris, ...(grants.includes(DEVICE_CODE) && config.deviceClass ? { device_class: config.deviceClass } : {}) };
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((item) => item !== value);
}

/** Grant types, device class, redirect URIs and scopes, each shown or offered only where the others allow it. */
export function AppConfigFields({
  id,
  clientType,
  value,
  onChange,
}: {
  id: string;
  clientType: ClientType;
  value: AppConfig;
  onChange: (next: AppConfig) => void;
}) {
  const person = hasPersonGrant(value.grants);
  return (
    <>
      <fieldset class="choices">
        <legend>Grant types</legend>
        {GRANTS.map((g) => {
          const blocked = g.value === 'client_credentials' && clientType === 'public';
          return (
            <Choice
              key={g.value}
              name="grant_types"
              value={g.value}
              on={value.grants.includes(g.value)}
              blocked={blocked}
              onToggle={(on) => onChange({ ...value, grants: toggle(value.grants, g.value, on) })}
            >
              {g.label} <span class="muted small">{blocked ? 'needs a confidential client' : g.hint}</span>
            </Choice>
          );
        })}
      </fieldset>
      {value.grants.includes(DEVICE_CODE) ? (
        <label>
          Device class
          <select required value={value.deviceClass} onChange={(event) => onChange({ ...value, deviceClass: event.currentTarget.value as DeviceClass })}>
            <option value="">Choose…</option>
            <Options list={DEVICE_CLASSES} />
          </select>
        </label>
      ) : null}
      {value.grants.includes('authorization_code') ? (
        <>
          <label>
            Redirect URIs
            <textarea
              rows={3}
              required
              value={value.redirectUris}
              aria-describedby={`${id}-redirect-hint`}
              placeholder="https://app.example.com/callback"
              onInput={(event) => onChange({ ...value, redirectUris: event.currentTarget.value })}
            />
          </label>
          <p id={`${id}-redirect-hint`} class="field-hint">
            One per line, at most 10, compared exactly: https, or http on a loopback address (http://127.0.0.1, http://localhost) for native apps. No wildcards
            or fragments.
          </p>
        </>
      ) : null}
      <fieldset class="choices">
        <legend>Scopes</legend>
        {!person ? (
          <p class="field-hint">Without a grant through which a person approves the app, it may hold only the scopes an app holds for itself.</p>
        ) : null}
        {SCOPES.map((s) => {
          const blocked = !person && !s.forApp;
          return (
            <Choice
              key={s.value}
              name="scopes"
              value={s.value}
              on={value.scopes.includes(s.value)}
              blocked={blocked}
              onToggle={(on) => onChange({ ...value, scopes: toggle(value.scopes, s.value, on) })}
            >
              <code>{s.value}</code> <span class="muted small">{s.label}</span>
            </Choice>
          );
        })}
      </fieldset>
    </>
  );
}

/** One checkbox of a fieldset; a blocked one shows disabled and unchecked (its words say why). */
function Choice({
  name,
  value,
  on,
  blocked,
  onToggle,
  children,
}: {
  name: string;
  value: string;
  on: boolean;
  blocked: boolean;
  onToggle: (on: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <label class={blocked ? 'choice disabled' : 'choice'}>
      <input
        type="checkbox"
        name={name}
        value={value}
        checked={!blocked && on}
        disabled={blocked}
        onChange={(event) => onToggle(event.currentTarget.checked)}
      />
      <span>{children}</span>
    </label>
  );
}
