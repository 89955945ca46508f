// The app's styles, adopted as a constructed style sheet (a strict CSP with no inline style does not
// block it). Text keeps at least 7:1 contrast (WCAG AAA); focus is a thick yellow-and-black ring
// (GOV.UK's), visible on any background; targets are at least 44 px high.
export const CSS = `
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; background: #f4f4f2; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; }
[hidden] { display: none !important; }
button, input, textarea, select { font: inherit; color: inherit; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 12px; }
h1 { font-size: 24px; }
h2 { font-size: 20px; margin-top: 24px; }
p { margin: 0 0 12px; }
:focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; outline-offset: 0; }
.top { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 16px; background: #0b3d91; color: #fff; }
.top .name { flex: 1 1 auto; font-weight: 700; font-size: 18px; }
.top .hint { color: #fff; font-size: 14px; }
main { max-width: 760px; margin: 0 auto; padding: 16px; background: #fff; min-height: calc(100vh - 60px); }
.btn { display: inline-block; min-height: 44px; padding: 8px 16px; border: 2px solid #0b3d91; border-radius: 6px; background: #0b3d91; color: #fff; cursor: pointer; text-align: center; text-decoration: none; }
.btn.secondary { background: #fff; color: #0b3d91; }
.btn.link { border-color: transparent; background: transparent; color: #0b3d91; text-decoration: underline; padding: 8px 4px; }
.btn.danger { background: #a10d1b; border-color: #a10d1b; color: #fff; }
.btn:disabled { opacity: .6; cursor: default; }
.top .btn.secondary { border-color: #fff; }
.exit { background: #b10e1e; border-color: #fff; color: #fff; font-weight: 700; }
.field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 16px; }
.field input:not([type=checkbox]), .field textarea, .field select { border: 2px solid #505050; border-radius: 4px; padding: 8px; background: #fff; width: 100%; }
.field textarea { min-height: 96px; resize: vertical; }
.check { display: flex; align-items: center; gap: 8px; min-height: 44px; margin-bottom: 12px; }
.check input { width: 22px; height: 22px; margin: 0; accent-color: #0b3d91; }
.hint { color: #454545; font-size: 14.4px; }
.error { color: #a10d1b; font-weight: 700; }
.notice { padding: 12px; margin: 0 0 16px; background: #fff4d6; border-left: 4px solid #8a6d00; }
.notice:empty { display: none; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 16px; }
.code { font: 700 22px/1.5 ui-monospace, monospace; letter-spacing: .08em; padding: 8px 12px; background: #eef3fb; border-left: 4px solid #0b3d91; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin-bottom: 16px; }
th, td { text-align: left; padding: 8px 6px; border-bottom: 1px solid #c8c8c8; vertical-align: top; }
th { font-size: 14.4px; }
.list { list-style: none; padding: 0; margin: 0 0 16px; }
.list li { padding: 12px 0; border-bottom: 1px solid #c8c8c8; }
meter { width: 100%; height: 16px; }
.preview img, .preview video { max-width: 100%; height: auto; }
.preview pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f2; padding: 12px; }
.mono { font-family: ui-monospace, monospace; overflow-wrap: anywhere; font-size: 14px; }
.blank { background: #fff; }
.blank > * { display: none !important; }
`;
