// The prompt's stylesheet, scoped by its shadow root. Hosts may override the --throughline-* custom properties;
// nothing else of theirs reaches in (`all:initial!important` on the host beats even a page's `* {all:unset!important}`).
export const CSS = `
:host{all:initial!important;display:contents!important}
.card{--c:var(--throughline-color,var(--tl-c));--on:var(--throughline-on-color,var(--tl-on));--bg:var(--throughline-bg,#fff);--fg:var(--throughline-fg,#111827);--mut:var(--throughline-muted,#4b5563);--line:var(--throughline-border,#6b7280);--soft:#e5e7eb;--r:calc(var(--throughline-radius,var(--tl-r)) * .6);
width:360px;max-width:100%;padding:14px 16px 16px;font:14px/1.45 var(--throughline-font,var(--tl-f));color:var(--fg);background:var(--bg);border:1px solid var(--soft);border-radius:var(--throughline-radius,var(--tl-r));box-shadow:0 12px 32px rgba(17,24,39,.16),0 2px 6px rgba(17,24,39,.08);text-align:start}
.fixed{position:fixed;z-index:2147483000;bottom:16px;inset-inline-end:16px;max-width:calc(100vw - 32px);max-height:calc(100vh - 32px);zoom:var(--tl-z);display:flex;flex-direction:column}
.fixed .b{overflow:auto;min-height:0;margin:0 -4px;padding:4px}
.s{inset-inline:16px auto}
.fixed.t{top:16px;bottom:auto}
@media (max-width:480px){.fixed{bottom:8px;inset-inline:8px;width:auto;max-width:none}}
@media (max-width:480px),(max-height:480px) and (pointer:coarse){.fixed{max-height:40vh}}
.dark{--bg:var(--throughline-bg,#1f2937);--fg:var(--throughline-fg,#f9fafb);--mut:var(--throughline-muted,#d1d5db);--line:var(--throughline-border,#9ca3af);--soft:#374151;box-shadow:0 12px 32px rgba(0,0,0,.5)}
@media (prefers-reduced-motion:no-preference){.fixed.in{animation:tl-in .3s cubic-bezier(.2,.8,.2,1)}}
.wait{visibility:hidden}
@keyframes tl-in{from{opacity:0;transform:translateY(12px)}}
*{box-sizing:border-box}
.head{display:flex;align-items:center;gap:8px;margin:-6px -8px 4px 0}
h2{flex:1;margin:0;font-size:13px;font-weight:600;letter-spacing:.02em;text-transform:uppercase;color:var(--mut)}
h2:before{content:"";display:inline-block;width:8px;height:8px;border-radius:50%;background:var(--c);margin-inline-end:8px;vertical-align:1px}
button{font:inherit;cursor:pointer}
.x{width:44px;height:44px;display:grid;place-items:center;border:0;border-radius:50%;background:none;color:var(--mut)}
.x:hover{background:var(--soft);color:var(--fg)}
fieldset{border:0;margin:0 0 14px;padding:0;min-width:0}
legend{padding:0;margin-bottom:8px;font-size:15px;font-weight:600;line-height:1.35}
.row{display:flex;gap:6px}
.row label{flex:1;position:relative}
.row input{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.opt{display:grid;place-items:center;min-height:44px;min-width:44px;border:1px solid var(--line);border-radius:var(--r);font-weight:600;cursor:pointer;transition:background .15s,border-color .15s,transform .1s}
.opt svg{width:28px;height:28px}
.opt:hover{border-color:var(--c);background:color-mix(in srgb,var(--c) 8%,transparent)}
input:checked+.opt{background:var(--c);border-color:var(--c);color:var(--on)}
input:focus-visible+.opt,.x:focus-visible,.send:focus-visible,textarea:focus-visible{outline:2px solid var(--fg);outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:12px;margin-top:6px;font-size:12px;color:var(--mut)}
.ends span:last-child{text-align:end}
textarea{display:block;width:100%;min-height:44px;margin-top:6px;padding:10px 12px;resize:vertical;font:inherit;color:inherit;background:transparent;border:1px solid var(--line);border-radius:var(--r)}
.lbl{font-size:13px;color:var(--mut)}
.send{width:100%;min-height:44px;margin-top:14px;border:0;border-radius:var(--r);background:var(--c);color:var(--on);font-weight:600;font-size:15px}
.send:disabled{opacity:.55;cursor:default}
.thanks{text-align:center;padding:8px 0 4px}
.thanks b{display:block;font-size:17px;margin-bottom:4px}
.thanks p{margin:0;color:var(--mut)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`;
