/**
 * The embed snippet a client pastes on their site (README, the dashboard's settings, /demo).
 * Not part of widget.js: it describes how a page loads it.
 */

/**
 * Height the snippet reserves for the form, in the page's own font size, so nothing on the
 * page moves when the form appears: the tallest form (French, 360 px wide) is 32.2em.
 */
export const WIDGET_RESERVED_HEIGHT = '34em';

export interface SnippetOptions {
  /** Where widget.js is served: the Worker's origin. */
  origin: string;
  widgetKey: string;
  /** Forces the form's language; else the page's, else the browser's. */
  lang?: 'en' | 'fr';
  /** A floating button that opens the form, instead of a form in the page. */
  launcher?: boolean;
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSnippet({ origin, widgetKey, lang, launcher }: SnippetOptions): string {
  const attributes = [
    `src="${attribute(`${origin}/widget.js`)}"`,
    `data-key="${attribute(widgetKey)}"`,
    ...(lang ? [`data-lang="${lang}"`] : []),
    ...(launcher ? ['data-mode="launcher"'] : []),
    'async',
  ].join(' ');
  const script = `<script ${attributes}></script>`;
  return launcher ? script : `<div data-avenir-form style="min-height:${WIDGET_RESERVED_HEIGHT}"></div>\n${script}`;
}
