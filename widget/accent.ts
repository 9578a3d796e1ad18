/**
 * The colour of the form's buttons when the site sets none (`--avenir-accent`, or
 * `data-accent`): the page's own link colour, where white text on it is readable, else the
 * brand's. Pure but for `pageLinkColor`.
 */

/** Avenir's brand colour (dashboard/public/favicon.svg): white on it is 7.6:1. */
export const BRAND = '#0f5c5c';

/** What browsers paint links no site styled; not the site's colour. */
const UNSTYLED_LINK = 'rgb(0, 0, 238)';

/** WCAG 2 contrast ratio of white text on an sRGB colour (channels 0–255). */
export function contrastWithWhite(rgb: number[]): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

/**
 * The accent for a computed link colour (`rgb(r, g, b)` as getComputedStyle gives it): the
 * colour itself when white text on it reaches WCAG AA (4.5:1), else the brand's. A colour
 * with transparency, or in a syntax other than rgb(), is not trusted.
 */
export function accentFor(linkColor: string): string {
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(linkColor);
  return rgb && linkColor !== UNSTYLED_LINK && contrastWithWhite(rgb.slice(1).map(Number)) >= 4.5 ? linkColor : BRAND;
}

/**
 * The colour of a link where the form sits: a probe `<a href>` beside `host`, styled by the
 * page's rules for that spot, read and removed in the same task (never painted). Empty when
 * `host` is not in the page (an element outside a document has no computed style).
 */
export function pageLinkColor(host: HTMLElement): string {
  const probe = document.createElement('a');
  probe.href = '#';
  // insertBefore, not before(): the Worker's types (which the tests see) give Element another before().
  host.parentNode?.insertBefore(probe, host);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}
