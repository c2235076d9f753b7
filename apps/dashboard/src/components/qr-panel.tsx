// An offline touchpoint's QR code (SVG from the API) and short link: download as SVG for print shops,
// or as PNG (the SVG drawn onto a canvas) for slides and documents; and one customer's link and code, which joins
// that customer's journey (docs/metrics.md › Journey link), for a packing slip or a receipt.
import type { JourneyLinkCreated } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useCan } from '../api/session';
import { CopyBox } from './snippet';
import { ErrorMessage } from './states';

const PNG_SIZE = 1024;

/** Draws the SVG at `svgUrl` on a square canvas with a white background and returns it as a PNG blob. */
async function svgToPng(svgUrl: string, size = PNG_SIZE): Promise<Blob> {
  const img = new Image();
  img.decoding = 'async';
  img.src = svgUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw images.');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(img, 0, 0, size, size);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'),
  );
}

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function QrPanel({ siteId, tpKey, name, code }: { siteId: string; tpKey: string; name: string; code: string }) {
  const svg = api.qrUrl(siteId, tpKey);
  const link = `${location.origin}/t/${code}`;
  const [error, setError] = useState<string>();
  async function png() {
    setError(undefined);
    try {
      save(await svgToPng(svg), `${tpKey}-qr.png`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <div class="qr-panel">
      <img src={svg} width={168} height={168} alt={`QR code for ${name}: opens ${link}`} class="qr-img" />
      <div class="qr-actions">
        <p class="hint">
          Print it where the touchpoint happens (a counter, a parcel, a leaflet). It opens <a href={link}>{link}</a>, a
          one-question page for this touchpoint.
        </p>
        <div class="form-actions">
          <a class="btn btn-secondary btn-sm" href={svg} download={`${tpKey}-qr.svg`}>
            Download SVG
          </a>
          <button type="button" class="btn btn-secondary btn-sm" onClick={png}>
            Download PNG
          </button>
        </div>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <CustomerLink siteId={siteId} tpKey={tpKey} name={name} />
      </div>
    </div>
  );
}

/** One customer's link and QR code to this touchpoint's page, joining the journey it names (editors). */
function CustomerLink({ siteId, tpKey, name }: { siteId: string; tpKey: string; name: string }) {
  const canMake = useCan('editor');
  const [journey, setJourney] = useState('');
  const [days, setDays] = useState('90');
  const [made, setMade] = useState<JourneyLinkCreated>();
  const [error, setError] = useState<ApiError>();
  if (!canMake) return null;
  const f = `cl-${tpKey}`;
  async function make(e: SubmitEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      setMade(
        await api.journeyLink(siteId, {
          touchpoint: tpKey,
          expiresInDays: Number(days) || 90,
          ...(journey.trim() ? { journey: journey.trim() } : {}),
        }),
      );
    } catch (err) {
      setError(err as ApiError);
    }
  }
  const svg = made && api.qrUrl(siteId, tpKey, made.link);
  return (
    <details class="customer-link" data-testid={`customer-link-${tpKey}`}>
      <summary>For one customer (packing slip, receipt, email)</summary>
      <p class="hint">
        A link and QR code that carry one customer's journey: the answer given through it joins that journey, on any
        phone, so the move from your website to {name} is counted. Use the journey id your system got from the widget or
        the API; leave it empty for a new journey.
      </p>
      <form class="form-row" onSubmit={make} aria-label={`Customer link for ${name}`}>
        <div class="field grow">
          <label for={`${f}-j`}>Journey id (optional)</label>
          <input
            id={`${f}-j`}
            value={journey}
            maxLength={64}
            pattern="[A-Za-z0-9_\-]{8,64}"
            onInput={(e) => setJourney((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for={`${f}-d`}>Works for (days)</label>
          <input
            id={`${f}-d`}
            type="number"
            min={1}
            max={365}
            value={days}
            onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="btn btn-secondary btn-sm">
            Make customer link
          </button>
        </div>
      </form>
      {error && <ErrorMessage error={error} title="No link was made" />}
      {made && svg && (
        <div class="qr-panel" data-testid="customer-link-made">
          <img
            src={svg}
            width={140}
            height={140}
            alt={`QR code for ${name}, joining journey ${made.journey}`}
            class="qr-img"
          />
          <div class="qr-actions">
            <CopyBox text={made.url ?? ''} label={`Customer link for journey ${made.journey}`} />
            <p class="hint">
              Journey {made.journey}; joins until {new Date(made.expiresAt).toLocaleDateString()}.
            </p>
            <a class="btn btn-secondary btn-sm" href={svg} download={`${tpKey}-${made.journey}-qr.svg`}>
              Download SVG
            </a>
          </div>
        </div>
      )}
    </details>
  );
}
