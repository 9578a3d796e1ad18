/**
 * `npm run build`: the static assets the Worker serves from dist/public (wrangler.toml
 * `[assets]`). Wrangler runs it before `dev` and `deploy`. The widget has a size budget,
 * Preact included; the build fails past it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'terser';

export const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/public');
export const WIDGET_BUDGET_GZIP_BYTES = 10 * 1024;

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export async function buildWidget(): Promise<BuiltFile> {
  const file = path.join(PUBLIC_DIR, 'widget.js');
  const bundle = await build({
    entryPoints: [path.resolve(PUBLIC_DIR, '../../widget/index.tsx')],
    write: false,
    bundle: true,
    minify: true,
    format: 'iife',
    // Browsers from 2020 on: they all speak ?. and ??, which older targets spell out at length.
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // Terser's extra passes find a few hundred bytes esbuild leaves, as Preact's own build does.
  const minified = await minify(bundle.outputFiles[0]!.text, {
    ecma: 2020,
    toplevel: true,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
    // Preact's internal fields (vnode.__k, component.__H…) are private to this bundle.
    mangle: { properties: { regex: /^__\w$/ } },
  });
  await writeFile(file, minified.code!);
  const bytes = await readFile(file);
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/**
 * Caching and embedding rules for the assets: customers embed a fixed /widget.js URL, so it
 * is cached briefly and may be loaded by any site.
 */
const HEADERS = `/widget.js
  Cache-Control: public, max-age=300, stale-while-revalidate=86400
  Cross-Origin-Resource-Policy: cross-origin
  X-Content-Type-Options: nosniff
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await mkdir(PUBLIC_DIR, { recursive: true });
  await writeFile(path.join(PUBLIC_DIR, '_headers'), HEADERS);
  const widget = await buildWidget();
  const verdict = widget.gzipBytes <= WIDGET_BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  console.log(
    `widget.js: ${widget.bytes} bytes, ${widget.gzipBytes} gzipped — ${verdict} the ${WIDGET_BUDGET_GZIP_BYTES}-byte budget`,
  );
  if (verdict === 'OVER') process.exit(1);
}
