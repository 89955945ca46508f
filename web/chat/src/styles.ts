// The widget's styles, applied inside its Shadow DOM as a constructed style sheet: the host page's
// CSS cannot reach in, ours cannot leak out, and a strict CSP (no inline <style>) does not block it.
// Colours keep at least 7:1 contrast for text (WCAG AAA); focus is a thick yellow-and-black ring
// (GOV.UK's), visible on any background. Sizes are in px, never rem: rem follows the host page's root
// font size, which an organisation's CSS may set to anything.
export const CSS = `
:host { all: initial; }
/* Set on our own boxes too: the host element inherits the page's font and colour (even !important). */
.bar, .panel { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; }
:host([data-mode="page"]) { position: fixed; inset: 0; overflow: auto; background: #f4f4f2; }
:host([data-mode="embedded"]) { position: fixed; right: 0; bottom: 0; z-index: 2147483000; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
button, input, textarea { font: inherit; color: inherit; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 8px; }
h1 { font-size: 20px; }
h2 { font-size: 18.4px; }
h3 { font-size: 16px; }
p { margin: 0 0 12px; }
p:last-child { margin-bottom: 0; }
:focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; outline-offset: 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.btn { display: inline-block; min-height: 44px; padding: 8px 16px; border: 2px solid #0b3d91; border-radius: 6px; background: #0b3d91; color: #fff; cursor: pointer; text-align: center; }
.btn.secondary { background: #fff; color: #0b3d91; }
.btn.link { border-color: transparent; background: transparent; color: #0b3d91; text-decoration: underline; padding: 8px 4px; }
.btn:disabled { opacity: .6; cursor: default; }
.exit { background: #b10e1e; border-color: #b10e1e; color: #fff; font-weight: 700; }
.bar { display: flex; gap: 8px; justify-content: flex-end; padding: 0 16px 16px; }
.launcher { box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.panel { display: flex; flex-direction: column; background: #fff; }
:host([data-mode="page"]) .panel { max-width: 672px; height: 100%; margin: 0 auto; }
:host([data-mode="embedded"]) .panel { position: fixed; right: 16px; bottom: 16px; width: 384px; height: min(640px, calc(100vh - 32px)); border: 1px solid #6f6f6f; border-radius: 8px; box-shadow: 0 4px 24px rgba(0,0,0,.3); overflow: hidden; }
@media (max-width: 512px) {
  :host([data-mode="embedded"]) .panel { inset: 0; width: auto; height: auto; border-radius: 0; border: 0; }
}
.head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 12px 16px; background: #0b3d91; color: #fff; }
.head h1, .head h2 { flex: 1 1 auto; margin: 0; font-size: 20px; }
.head .btn.secondary { border-color: #fff; }
.safety { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 8px 16px; background: #fff4d6; border-bottom: 1px solid #d4c294; }
.danger { color: #1b1b1b; font-weight: 700; text-decoration: underline; }
.safety .hint { color: #1b1b1b; }
.body { flex: 1 1 auto; overflow: auto; padding: 16px; }
.notice { margin: 0; padding: 8px 16px; background: #fff4d6; border-bottom: 1px solid #d4c294; }
.notice:empty { display: none; }
.langs { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 24px; }
fieldset { border: 0; padding: 0; margin: 0 0 16px; }
legend { font-weight: 700; margin-bottom: 4px; padding: 0; }
.choice { display: flex; align-items: center; gap: 8px; min-height: 36px; }
.choice input { width: 20px; height: 20px; margin: 0; accent-color: #0b3d91; }
.field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 12px; }
.field input, .field textarea { border: 2px solid #505050; border-radius: 4px; padding: 8px; background: #fff; width: 100%; }
.hint { color: #454545; font-size: 14.4px; }
.error { color: #a10d1b; font-weight: 700; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.queue { padding: 12px; margin-bottom: 12px; background: #eef3fb; border-left: 4px solid #0b3d91; }
.log { list-style: none; margin: 0 0 12px; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 8px; background: #eceae6; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.visitor { align-self: flex-end; background: #0b3d91; color: #fff; }
.msg.system { align-self: center; background: transparent; font-style: italic; }
.who { display: block; font-size: 12.8px; font-weight: 700; }
.meta { display: block; font-size: 12.8px; text-align: right; }
.typing { min-height: 24px; font-style: italic; color: #454545; }
.composer { position: sticky; bottom: -16px; border-top: 1px solid #c8c8c8; padding: 12px 0 16px; background: #fff; }
.composer textarea { min-height: 56px; resize: vertical; }
.code { font: 700 20px/1.4 ui-monospace, monospace; letter-spacing: .1em; }
`;
