// The Throughline wordmark: a path through three touchpoints.
export function Logo({ label = true }: { label?: boolean }) {
  return (
    <span class="logo">
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--brand)" />
        <path d="M6 20c5 0 5-8 10-8s5 8 10 8" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" />
      </svg>
      {label && <span class="logo-text">Throughline</span>}
    </span>
  );
}
