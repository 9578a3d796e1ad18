import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  name: string;
  what: string;
  bytes: number;
  gzipBytes: number;
}

const require = createRequire(import.meta.url);
const sizeOf = (file: string) => {
  const bytes = readFileSync(file);
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
};
const packageFile = (specifier: string) => require.resolve(specifier);

/**
 * Everything a page downloads for our widget, next to two widely used embeddable form
 * scripts from npm (devDependencies, so the comparison is reproducible offline).
 */
export function widgetSizes(widgetFile: string): ScriptSize[] {
  const typeform = path.join(path.dirname(packageFile('@typeform/embed/package.json')), 'build');
  const typeformScript = sizeOf(path.join(typeform, 'embed.js'));
  const typeformCss = sizeOf(path.join(typeform, 'css', 'widget.css'));
  return [
    {
      name: 'Avenir widget',
      what: 'dist/public/widget.js: the whole form, Preact and styles included',
      ...sizeOf(widgetFile),
    },
    {
      name: '@typeform/embed',
      what: 'embed.js + widget.css; the form itself then loads in an iframe',
      bytes: typeformScript.bytes + typeformCss.bytes,
      gzipBytes: typeformScript.gzipBytes + typeformCss.gzipBytes,
    },
    {
      name: '@formspree/ajax',
      what: 'dist/global.js; submission only, the page writes and styles the form',
      ...sizeOf(packageFile('@formspree/ajax/dist/global.js')),
    },
  ];
}
