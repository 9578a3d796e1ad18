/**
 * Moves focus to a heading that is not focusable by itself, once the render that shows it is
 * done (a form just opened, a section just changed, the element that had focus just removed).
 */
export function focusHeading(id: string) {
  setTimeout(() => {
    const heading = document.getElementById(id);
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  });
}
