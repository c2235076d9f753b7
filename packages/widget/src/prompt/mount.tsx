// Renders the prompt into one reused shadow root: a <throughline-prompt> at the end of <body>, or inside an inline host.
// In steps, each a task of its own, so that none is long on a slow phone: the page's colour scheme is read and the
// shadow root with its parsed stylesheet is attached (empty, so nothing moves); the card is rendered in the next task.
import { h, render } from 'preact';
import { pageIsDark } from './page-scheme';
import { Prompt } from './Prompt';
import { CSS } from './styles';
import type { MountPrompt } from './types';

let host: HTMLElement | undefined;
let root: ShadowRoot | undefined;
let sheet: CSSStyleSheet | undefined;

function shadow(parent: Element, nonce?: string): ShadowRoot {
  if (host && root && host.parentNode === parent) return root;
  host?.remove();
  host = document.createElement('throughline-prompt');
  root = host.attachShadow({ mode: 'open' });
  try {
    // Constructable stylesheets need no 'unsafe-inline' under a strict CSP.
    sheet ??= new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = CSS;
    root.appendChild(style);
  }
  parent.appendChild(host);
  return root;
}

export const mount: MountPrompt = (props) => {
  // Read before our host joins the page: a page whose style is clean then needs no style recalculation for it.
  const dark = pageIsDark();
  const r = shadow(props.inline ?? document.body, props.nonce);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    clearTimeout(later);
    render(null, r);
    host?.remove();
    host = root = undefined;
  };
  const later = setTimeout(() => open && render(<Prompt {...props} dark={dark} close={close} />, r));
  return close;
};
