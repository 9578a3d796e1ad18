/**
 * The widget's only stylesheet, inlined once per shadow root. Pages theme it with CSS
 * variables on the host element: --avenir-accent, --avenir-radius, --avenir-font.
 * One rule a line, joined at build time (the minifier folds the join).
 */
export const STYLES = [
  ':host{display:block;font:inherit;font-family:var(--avenir-font,inherit);color:inherit;--a:var(--avenir-accent,#1f5fbf);--r:var(--avenir-radius,8px)}',
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
  '.status{min-height:1.2em;margin:0}',
  '.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}',
  '.launcher{position:fixed;right:1.25em;bottom:1.25em;z-index:2147483000;border-radius:999px;box-shadow:0 4px 14px #0004}',
  'dialog{border:0;border-radius:var(--r);padding:1.25em;max-width:min(34em,calc(100vw - 2em));box-shadow:0 10px 40px #0005}',
  'dialog::backdrop{background:#0006}',
  '.close{float:right;background:none;color:inherit;padding:.2em .5em;font-size:1.2em}',
].join('');
