// One question: a five-point radio group with labelled ends; the affective dimension shows five faces.
import type { Answers } from '@throughline/schema';
import { h } from 'preact';
import { endsOf, type Messages } from './i18n';

/** A face whose mouth bends from a frown (1) to a smile (5). */
function Face({ level }: { level: number }) {
  const k = (level - 3) * 1.6;
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
    >
      <circle cx="12" cy="12" r="9.5" />
      <circle cx="8.8" cy="10" r=".6" fill="currentColor" />
      <circle cx="15.2" cy="10" r=".6" fill="currentColor" />
      <path d={`M8 ${15.2 - k / 3}Q12 ${15.2 + k} 16 ${15.2 - k / 3}`} />
    </svg>
  );
}

interface ScaleProps {
  dim: keyof Answers;
  id: string;
  legend: string;
  m: Messages;
  value: number | undefined;
  onPick(value: number): void;
}

export function Scale({ dim, id, legend, m, value, onPick }: ScaleProps) {
  const [low, high] = endsOf(dim);
  const faces = dim === 'affective';
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="row">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input
              type="radio"
              name={id}
              value={n}
              checked={value === n}
              onChange={() => onPick(n)}
              aria-label={
                faces
                  ? m.t(`face${n}` as 'face1')
                  : n === 1
                    ? `1: ${m.t(low)}`
                    : n === 5
                      ? `5: ${m.t(high)}`
                      : String(n)
              }
            />
            <span class="opt" aria-hidden="true">
              {faces ? <Face level={n} /> : n}
            </span>
          </label>
        ))}
      </div>
      <div class="ends" aria-hidden="true">
        <span>{m.t(low)}</span>
        <span>{m.t(high)}</span>
      </div>
    </fieldset>
  );
}
