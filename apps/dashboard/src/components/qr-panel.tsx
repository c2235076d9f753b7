// An offline touchpoint's QR code (SVG from the API) and short link: download as SVG for print shops,
// or as PNG (the SVG drawn onto a canvas) for slides and documents.
import { useState } from 'preact/hooks';
import { api } from '../api/client';

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
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'));
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
          Print it where the touchpoint happens (a counter, a parcel, a leaflet). It opens <a href={link}>{link}</a>, a one-question page for
          this touchpoint.
        </p>
        <div class="form-actions">
          <a class="btn btn-secondary btn-sm" href={svg} download={`${tpKey}-qr.svg`}>
            Download SVG
          </a>
          <button type="button" class="btn btn-secondary btn-sm" onClick={png}>
            Download PNG
          </button>
        </div>
        {error && <p class="field-error" role="alert">{error}</p>}
      </div>
    </div>
  );
}
