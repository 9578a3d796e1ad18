/**
 * The staff screens' stylesheet (staff.css), added to the page when a staff screen first
 * opens: the build names its hashed URL in index.html's `avenir-staff-css` meta. The
 * screen waits for it, so it never shows unstyled; a failed load is the screen's failure
 * (Lazy asks to reload), and the next try loads it afresh.
 */
let loading: Promise<void> | null = null;

export function loadStaffStyles(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const href = document.querySelector<HTMLMetaElement>('meta[name="avenir-staff-css"]')?.content;
    if (!href) return reject(new Error('index.html names no staff stylesheet'));
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => {
      link.remove();
      loading = null;
      reject(new Error(`the staff stylesheet ${href} did not load`));
    };
    document.head.appendChild(link);
  });
  return loading;
}

/** A staff screen's loader: its code and the staff stylesheet, both before it shows. */
export const withStaffStyles =
  <Module>(load: () => Promise<Module>) =>
  (): Promise<Module> =>
    Promise.all([load(), loadStaffStyles()]).then(([module]) => module);
