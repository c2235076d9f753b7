// Loading, error and empty states shared by every view: an empty state always names the next step.
import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/client';

export function Loading({ label = 'Loading…', rows = 3 }: { label?: string; rows?: number }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div class="skeleton" key={i} style={{ width: `${90 - i * 17}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}

export function ErrorMessage({
  error,
  retry,
  title,
  children,
}: {
  error: ApiError | Error | string;
  retry?: () => void;
  title?: string;
  children?: ComponentChildren;
}) {
  const message = typeof error === 'string' ? error : error.message;
  const notYet = typeof error !== 'string' && 'status' in error && error.status === 404;
  return (
    <div class={`callout ${notYet ? 'callout-info' : 'callout-error'}`} role="alert">
      <div>
        <strong>{title ?? (notYet ? 'Not available yet' : 'Something went wrong')}</strong>
        <p>{message}</p>
        {children}
      </div>
      {retry && (
        <button type="button" class="btn btn-secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({
  title,
  children,
  action,
}: {
  title: string;
  children?: ComponentChildren;
  action?: ComponentChildren;
}) {
  return (
    <div class="empty">
      <svg class="empty-art" viewBox="0 0 120 48" aria-hidden="true">
        <path
          d="M8 36c18 0 18-24 36-24s18 24 36 24 18-24 32-24"
          fill="none"
          stroke="currentColor"
          stroke-width="3"
          stroke-linecap="round"
          stroke-dasharray="2 7"
        />
        <circle cx="8" cy="36" r="5" fill="currentColor" />
        <circle cx="62" cy="24" r="5" fill="currentColor" opacity=".6" />
        <circle cx="112" cy="12" r="5" fill="currentColor" opacity=".3" />
      </svg>
      <h2>{title}</h2>
      {children && <div class="empty-body">{children}</div>}
      {action && <div class="empty-action">{action}</div>}
    </div>
  );
}
