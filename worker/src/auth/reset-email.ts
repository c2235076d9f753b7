// The password reset email, sent through Cloudflare's email binding (`send_email`) where the deployment has one.
// Plain text and a short HTML part; the link is the only thing in it that matters.

export interface ResetEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The message for `to`, carrying `url`, valid for `minutes`. */
export function resetEmail(from: string, to: string, url: string, minutes: number): ResetEmail {
  const text = [
    'Someone (we hope you) asked to reset your Throughline password.',
    '',
    `Set a new password here, within ${minutes} minutes; the link works once:`,
    url,
    '',
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ].join('\n');
  const html =
    `<p>Someone (we hope you) asked to reset your Throughline password.</p>` +
    `<p><a href="${escapeHtml(url)}">Set a new password</a> within ${minutes} minutes; the link works once.</p>` +
    `<p>If you did not ask for this, ignore this email: your password stays as it is.</p>`;
  return { from, to, subject: 'Reset your Throughline password', text, html };
}

/** The sender: EMAIL_FROM, else no-reply at the host the request came to. */
export const senderFor = (configured: string | undefined, requestUrl: string) =>
  configured || `no-reply@${new URL(requestUrl).hostname}`;
