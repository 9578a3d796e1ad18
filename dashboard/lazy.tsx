import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const loaded = new Map<() => Promise<unknown>, unknown>();

/** Fetches a screen's code ahead of need (while the browser is idle), so opening it is instant. */
export function prefetch(load: () => Promise<unknown>): void {
  if (loaded.has(load)) return;
  load().then(
    (module) => loaded.set(load, module),
    () => undefined,
  );
}

/**
 * A screen whose code loads when it is first opened: each screen is its own file, so the
 * first screen downloads only what it shows. `fallback` while it loads; `failed` when it
 * cannot (offline, or a new version replaced the file): the person is told to reload.
 */
export function Lazy<Module>(props: {
  load: () => Promise<Module>;
  render: (module: Module) => ComponentChildren;
  fallback: ComponentChildren;
  failed: ComponentChildren;
}) {
  const { load } = props;
  const [, setVersion] = useState(0);
  /** The loader that failed: a failure belongs to its screen, not to the next one opened. */
  const [failed, setFailed] = useState<(() => Promise<Module>) | null>(null);
  const module = loaded.get(load) as Module | undefined;
  useEffect(() => {
    if (module) return;
    let current = true;
    load().then(
      (fresh) => {
        loaded.set(load, fresh);
        if (current) setVersion((n) => n + 1);
      },
      () => {
        if (current) setFailed(() => load);
      },
    );
    return () => {
      current = false;
    };
  }, [load]);
  if (module) return <>{props.render(module)}</>;
  return <>{failed === load ? props.failed : props.fallback}</>;
}
