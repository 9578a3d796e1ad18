/**
 * widget.js: `<script src="…/widget.js" data-key="pk_…" async>` renders the contact form
 * into every `[data-avenir-form]`, or a floating button with `data-mode="launcher"`.
 * Single-page apps use `window.Avenir.mount(element, options)` / `unmount(element)`.
 */
import { render } from 'preact';
import type { Language } from '../schema/vocabulary';
import { LeadForm } from './form';
import { resolveLanguage } from './i18n';
import { STYLES } from './styles';

export interface MountOptions {
  key: string;
  lang?: Language | undefined;
  api?: string;
  test?: boolean;
  /** Show a floating button that opens the form in a dialog. */
  launcher?: boolean;
}

// Captured now: document.currentScript is only set while the script first runs.
const script = document.currentScript as HTMLScriptElement | null;
const scriptApi = script?.dataset.api ?? (script?.src ? new URL(script.src).origin : location.origin);

const roots = new WeakMap<Element, ShadowRoot>();

function mount(element: HTMLElement, options: MountOptions): void {
  let root = roots.get(element);
  if (!root) {
    root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLES}</style><div></div>`;
    roots.set(element, root);
  }
  // data-accent / data-radius on the element or the script tag; CSS variables on the element work too.
  for (const name of ['accent', 'radius']) {
    const value = element.dataset[name] ?? script?.dataset[name];
    if (value) element.style.setProperty(`--avenir-${name}`, value);
  }
  const props = {
    widgetKey: options.key,
    api: options.api ?? scriptApi,
    language: resolveLanguage(options.lang, document.documentElement.lang, navigator.language),
    test: options.test ?? false,
    host: element,
    launcher: options.launcher,
  };
  render(<LeadForm {...props} />, root.lastElementChild!);
}

function unmount(element: HTMLElement): void {
  const root = roots.get(element);
  if (root) render(null, root.lastElementChild!);
  delete element.dataset.avenirState;
}

function autoMount(): void {
  if (!script) return;
  const key = script.dataset.key;
  const lang = script.dataset.lang as Language | undefined;
  if (script.dataset.mode === 'launcher') {
    const host = document.createElement('div');
    document.body.append(host);
    if (key) mount(host, { key, lang, launcher: true });
    return;
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-avenir-form]')) {
    const elementKey = element.dataset.key ?? key;
    const elementLang = (element.dataset.lang as Language | undefined) ?? lang;
    if (elementKey) mount(element, { key: elementKey, lang: elementLang });
  }
}

(window as unknown as { Avenir: unknown }).Avenir = { mount, unmount };
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoMount);
else autoMount();
