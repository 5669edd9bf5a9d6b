import type { ComponentChildren } from 'preact';
import { describeError } from '../api.js';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label}…
    </div>
  );
}

/** What is empty, and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p class="empty-title">{title}</p>
      {children ? <div class="empty-hint">{children}</div> : null}
    </div>
  );
}

export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="error-box" role="alert">
      <p>{describeError(error)}</p>
      {retry ? (
        <button type="button" class="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/**
 * The usual shape of a panel fed by one API read: the data once there (kept on screen while it refreshes), a
 * spinner before, the problem if it failed and nothing is cached.
 */
export function Loaded<T>(props: {
  state: { data: T | undefined; error: unknown; loading: boolean; reload: () => void };
  label?: string;
  children: (data: T) => ComponentChildren;
}) {
  const { data, error, reload } = props.state;
  if (data !== undefined) return <>{props.children(data)}</>;
  if (error) return <ErrorBox error={error} retry={reload} />;
  return <Loading label={props.label} />;
}
