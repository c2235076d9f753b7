// Renders the prompt into one reused shadow root: a <throughline-prompt> at the end of <body>, or inside an inline host.
import { render } from 'preact';
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
  const r = shadow(props.inline ?? document.body, props.nonce);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    render(null, r);
    host?.remove();
    host = root = undefined;
  };
  render(<Prompt {...props} close={close} />, r);
  return close;
};
