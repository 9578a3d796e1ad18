import type { Miniflare } from 'miniflare';
import { launchChromium } from '../lib/browser';
import { type LatencySummary, summarize } from '../lib/stats';
import { startThirdPartySite } from '../lib/third-party-site';

/**
 * Time from the start of navigation of a customer's page to the widget's form being
 * interactive (rendered, `data-avenir-state="idle"`), in headless Chromium, with the
 * script loaded `async` from the Worker's origin as customers embed it.
 */
export async function benchWidgetLoad(worker: Miniflare, widgetKey: string, runs: number): Promise<LatencySummary> {
  const workerOrigin = (await worker.ready).origin;
  const site = await startThirdPartySite();
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
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext(); // a cold cache every time
      const page = await context.newPage();
      await page.goto(`${site.origin}/contact`);
      await page.waitForFunction(
        () => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined,
      );
      samples.push(await page.evaluate(() => (window as unknown as { __interactiveAt: number }).__interactiveAt));
      await context.close();
    }
    return summarize(samples);
  } finally {
    await browser.close();
    await site.close();
  }
}
