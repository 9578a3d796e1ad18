/**
 * The widget's only stylesheet, inlined once per shadow root. Pages theme it with CSS
 * variables on the host element: --avenir-accent, --avenir-radius, --avenir-font. Without an
 * accent, the buttons take the page's link colour where white text on it is readable, else
 * the brand's (widget/accent.ts sets --avenir-link). One rule a line, joined at build time
 * (the minifier folds the join). No double quote in it: tests find it in the bundle.
 */
export const STYLES = [
  ':host{display:block;font:inherit;font-family:var(--avenir-font,inherit);color:inherit;--a:var(--avenir-accent,var(--avenir-link,#0f5c5c));--r:var(--avenir-radius,8px)}',
  '*{box-sizing:border-box}',
  'form,.done{display:grid;gap:.75em;max-width:32em}',
  'label{display:grid;gap:.25em;font-weight:600}',
  '.opt{font-weight:400;opacity:.7}',
  'input,textarea{font:inherit;padding:.6em .7em;border:1px solid #8a8f98;border-radius:var(--r);background:#fff;color:#111;width:100%}',
  'textarea{min-height:7em;resize:vertical}',
  ':focus-visible{outline:3px solid var(--a);outline-offset:2px}',
  '[aria-invalid=true]{border-color:#b3261e}',
  '.err{color:#b3261e;font-weight:400;font-size:.9em}',
  '.check{display:flex;gap:.5em;align-items:flex-start;font-weight:400}',
  '.check input{width:auto;margin-top:.25em}',
  'button,.book{font:inherit;font-weight:600;padding:.7em 1.2em;border:0;border-radius:var(--r);background:var(--a);color:#fff;cursor:pointer;justify-self:start;text-decoration:none}',
  'button[disabled]{opacity:.6;cursor:progress}',
  '.status,p{min-height:1.2em;margin:0}',
  '.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}',
  '.launcher{position:fixed;right:1.25em;bottom:1.25em;z-index:2147483000;border-radius:999px;box-shadow:0 4px 14px #0004}',
  'dialog{border:0;border-radius:var(--r);padding:1.25em;max-width:min(34em,calc(100vw - 2em));box-shadow:0 10px 40px #0005}',
  'dialog::backdrop{background:#0006}',
  // The dialog's heading row: its title, and the close button beside it, clear of the first label.
  '.head{display:flex;align-items:center;gap:1em;margin-bottom:1em}',
  'h2{flex:1;margin:0;font-size:1.25em;display:flex;align-items:center;gap:.5em;position:relative;justify-self:start}',
  '.close{background:none;color:inherit;padding:.1em .4em;font-size:1.5em;line-height:1}',
  // The thank-you heading's check mark: a disc in the accent colour, a tick drawn by two borders.
  ".done h2:before{content:'';flex:none;width:1.6em;height:1.6em;border-radius:50%;background:var(--a)}",
  ".done h2:after{content:'';position:absolute;left:.6em;top:50%;width:.4em;height:.75em;margin-top:-.5em;border:solid #fff;border-width:0 .16em .16em 0;transform:rotate(45deg)}",
].join('');
