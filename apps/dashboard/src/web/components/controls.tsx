import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ChorusError, describeError } from '../api.js';

/** A change sent to the API: which one is running, and its problem if it failed (`run` answers undefined then). */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async <T,>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(name);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}

/** What is wrong with a form before it is sent, announced at once. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** Field names of the API's bodies in the words of the forms. */
const FIELDS: Record<string, string> = {
  name: 'Name',
  kind: 'Kind',
  website_url: 'Website',
  client_type: 'Client type',
  grant_types: 'Grant types',
  redirect_uris: 'Redirect URIs',
  scopes: 'Scopes',
  device_class: 'Device class',
  description: 'Description',
  logo_url: 'Logo URL',
  handle: 'Handle',
  role: 'Role',
  note: 'Note',
  url: 'URL',
  event_types: 'Event types',
};

function fieldName(pointer: string): string {
  const [field, index] = pointer.replace(/^\//, '').split('/');
  const name = FIELDS[field ?? ''] ?? field ?? '';
  return index !== undefined && /^\d+$/.test(index) ? `${name} (line ${Number(index) + 1})` : name;
}

/** A failed change in words: the API's detail and, for a refused body, what is wrong with each field. */
export function ProblemBox({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = error instanceof ChorusError ? (error.problem?.errors ?? []) : [];
  return (
    <div class="form-error" role="alert">
      <p class="problem-detail">{describeError(error)}</p>
      {fields.length ? (
        <ul class="problem-fields">
          {fields.map((f) => (
            <li key={`${f.pointer}:${f.detail}`}>
              {f.pointer ? <strong>{fieldName(f.pointer)}: </strong> : null}
              {f.detail}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** How a change went, in a line: announced at once when it failed, politely when it worked. */
export function Outcome({ outcome }: { outcome: { text: string; bad: boolean } | null }) {
  if (!outcome) return null;
  return (
    <p class={outcome.bad ? 'form-error' : 'ok-text'} role={outcome.bad ? 'alert' : 'status'}>
      {outcome.text}
    </p>
  );
}

/** A polite live region that is always there, so what appears in it is announced. */
export function Status({ message }: { message: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {message ? <p class="notice">{message}</p> : null}
    </div>
  );
}

/**
 * A button that asks once more in place (no browser dialog): the question, then confirm or cancel; focus follows.
 * `danger` (the default) is for what cannot be undone; a calm one only asks.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  danger = true,
}: {
  label: string;
  question: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const answer = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // The question replaces the button that had focus, and back: keep focus where the person is, not at the page's top.
  useEffect(() => {
    if (asking) {
      asked.current = true;
      answer.current?.focus();
    } else if (asked.current) trigger.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        ref={trigger}
        class={danger ? 'button secondary small danger-outline' : 'button secondary small'}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset class={danger ? 'inline-confirm' : 'inline-confirm calm'}>
      <legend>{question}</legend>
      <button
        type="button"
        class={danger ? 'button danger small' : 'button small'}
        ref={answer}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" class="button secondary small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard and says whether it worked: a browser may refuse (no clipboard outside a secure context). */
function useCopy(text: string): { state: CopyState; setState: (state: CopyState) => void; copy: () => Promise<boolean> } {
  const [state, setState] = useState<CopyState>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
      return true;
    } catch {
      setState('failed');
      return false;
    }
  };
  return { state, setState, copy };
}

/** A Copy button for a value shown beside it; `what` names the value for screen readers ("Copy the secret"). */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const { state, setState, copy } = useCopy(text);
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button type="button" class="button secondary small" aria-label={`Copy ${what}`} onClick={copy}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span class="visually-hidden" aria-live="polite">
        {state === 'copied' ? `${what} copied` : ''}
      </span>
      {state === 'failed' ? <span class="small muted">The browser did not allow copying: select the text and copy it yourself.</span> : null}
    </>
  );
}

/** A value to copy (a link, a token): read-only, selected on focus, with a Copy button; when copying fails, it is selected for Ctrl+C. */
export function CopyField({ label, value, secret = false }: { label: string; value: string; secret?: boolean }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { state, copy } = useCopy(value);
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      <div class="copy-row">
        <input
          id={id}
          ref={input}
          class={secret ? 'secret-input' : undefined}
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          class="button secondary"
          onClick={async () => {
            if (!(await copy())) input.current?.select();
          }}
        >
          Copy
        </button>
      </div>
      <p class="muted small" role="status">
        {state === 'copied' ? 'Copied.' : state === 'failed' ? 'Selected: press Ctrl+C (⌘C on a Mac) to copy.' : ''}
      </p>
    </div>
  );
}

/**
 * A secret shown this once (Chorus keeps only a digest): the value, a copy button, the warning, and a button that
 * hides it for good once the person has saved it. It takes focus when it appears, often after a click far down the page.
 */
export function SecretOnce({
  title,
  secret,
  testId,
  children,
  onDone,
}: {
  title: string;
  secret: string;
  testId: string;
  children?: ComponentChildren;
  onDone: () => void;
}) {
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <section class="secret-once" ref={box} tabIndex={-1} aria-label={title}>
      <p class="secret-once-title">{title}</p>
      <div class="copy-row">
        <code class="secret" data-testid={testId}>
          {secret}
        </code>
        <CopyButton text={secret} what="the secret" />
      </div>
      <p class="secret-warning">
        <strong>Copy it now: it will not be shown again.</strong> Chorus keeps only a digest of it. If it is lost, rotate it for a new one.
      </p>
      {children}
      <button type="button" class="button small" onClick={onDone}>
        I have saved it, hide the secret
      </button>
    </section>
  );
}

/** The `<option>`s of a select, one per choice of a list. */
export function Options({ list }: { list: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <>
      {list.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

export type Granularity = 'day' | 'week' | 'month';

/** How finely a time series is cut: per day, week or month. */
export function GranularityPicker({ value, onChange }: { value: Granularity; onChange: (next: Granularity) => void }) {
  return (
    <label>
      Per{' '}
      <select value={value} onChange={(event) => onChange(event.currentTarget.value as Granularity)}>
        <option value="day">day</option>
        <option value="week">week</option>
        <option value="month">month</option>
      </select>
    </label>
  );
}
