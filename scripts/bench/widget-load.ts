import type { Miniflare } from 'miniflare';
import { launchChromium } from '../lib/browser';
import { type LatencySummary, summarize } from '../lib/stats';
import type { ThirdPartySite } from '../lib/third-party-site';

export interface WidgetLoadFigures {
  /** Navigation start → the form interactive. */
  fromNavigation: LatencySummary;
  /** widget.js request start → the form interactive (its download, run, settings fetch, render). */
  fromScriptRequest: LatencySummary;
}

/**
 * Time to the widget's form being interactive (rendered with its settings,
 * `data-avenir-state="idle"`) on a customer's page, in headless Chromium, with the script
 * loaded `async` from the Worker's origin as customers embed it; a cold cache every load.
 * `site` must be among the key's allowed origins: elsewhere the form rightly never shows.
 */
export async function benchWidgetLoad(
  worker: Miniflare,
  widgetKey: string,
  runs: number,
  site: ThirdPartySite,
): Promise<WidgetLoadFigures> {
  const workerOrigin = (await worker.ready).origin;
  site.page(
    '/contact',
    `<!doctype html><html lang="fr-CA"><head><meta charset="utf-8"><title>Contact</title></head><body>
      <h1>Nous joindre</h1><div data-avenir-form></div>
      <script>
        new MutationObserver((_, observer) => {
          const host = document.querySelector('[data-avenir-state="idle"]');
          if (host) { window.__interactiveAt = performance.now(); observer.disconnect(); }
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-avenir-state'] });
      </script>
      <script src="${workerOrigin}/widget.js" data-key="${widgetKey}" async></script>
    </body></html>`,
  );
  const browser = await launchChromium();
  try {
    const fromNavigation: number[] = [];
    const fromScriptRequest: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext(); // a cold cache every time
      const page = await context.newPage();
      await page.goto(`${site.origin}/contact`);
      await page.waitForFunction(
        () => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined,
      );
      const [interactiveAt, scriptStart] = await page.evaluate(() => [
        (window as unknown as { __interactiveAt: number }).__interactiveAt,
        performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/widget.js'))?.startTime ?? 0,
      ]);
      fromNavigation.push(interactiveAt!);
      fromScriptRequest.push(interactiveAt! - scriptStart!);
      await context.close();
    }
    return { fromNavigation: summarize(fromNavigation), fromScriptRequest: summarize(fromScriptRequest) };
  } finally {
    await browser.close();
  }
}
