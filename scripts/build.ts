/**
 * `npm run build`: the static assets the Worker serves from dist/public (wrangler.toml
 * `[assets]`). Wrangler runs it before `dev` and `deploy`. The widget has a size budget,
 * Preact included; the build fails past it.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'terser';
import { DASHBOARD_SECURITY_HEADERS } from '../worker/features/dashboard';
import { faviconIco } from './lib/favicon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PUBLIC_DIR = path.join(ROOT, 'dist/public');
/**
 * The widget's gzipped size budget. It was 10 KB until the form learned, at load, that a
 * dead key or a site not allowed can never send (and shows no form), and the shared rules
 * refused what mail and Postgres cannot carry: 10.5 KB, and every byte still counted.
 */
export const WIDGET_BUDGET_GZIP_BYTES = 10.5 * 1024;
/** The dashboard's first screen: its JS and CSS together, gzipped. */
export const DASHBOARD_BUDGET_GZIP_BYTES = 60 * 1024;
/** Where the dashboard's content-hashed files go, under dist/public/app. */
export const DASHBOARD_ASSETS = 'assets';

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

export interface BuiltDashboard {
  js: string;
  css: string;
  gzipBytes: number;
}

/**
 * The dashboard SPA into dist/public/app: content-hashed JS and CSS under app/assets (cached
 * for a year) and app/index.html naming them (never cached).
 */
export async function buildDashboard(): Promise<BuiltDashboard> {
  const appDir = path.join(PUBLIC_DIR, 'app');
  await rm(appDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [path.resolve(PUBLIC_DIR, '../../dashboard/index.tsx')],
    outdir: path.join(appDir, DASHBOARD_ASSETS),
    entryNames: '[name]-[hash]',
    write: true,
    bundle: true,
    minify: true,
    metafile: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs);
  const js = outputs.find((file) => file.endsWith('.js'));
  const css = outputs.find((file) => file.endsWith('.css'));
  if (!js || !css) throw new Error('the dashboard build wrote no JS or no CSS');
  const url = (file: string) => `/app/${DASHBOARD_ASSETS}/${path.basename(file)}`;
  await writeFile(
    path.join(appDir, 'index.html'),
    `<!doctype html>
<html lang="en-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Avenir</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${url(css)}">
<script type="module" src="${url(js)}"></script>
</head>
<body><div id="app"></div></body>
</html>
`,
  );
  let gzipBytes = 0;
  for (const file of [js, css]) gzipBytes += gzipSync(await readFile(file), { level: 9 }).length;
  return { js: url(js), css: url(css), gzipBytes };
}

const headerLines = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}\n`)
    .join('');

/**
 * Caching and embedding rules for the assets: customers embed a fixed /widget.js URL, so it
 * is cached briefly and may be loaded by any site.
 */
const HEADERS = `/widget.js
  Cache-Control: public, max-age=300, stale-while-revalidate=86400
  Cross-Origin-Resource-Policy: cross-origin
  X-Content-Type-Options: nosniff
/favicon.*
  Cache-Control: public, max-age=86400
/app/*
  Cache-Control: no-cache
${headerLines(DASHBOARD_SECURITY_HEADERS)}/app/${DASHBOARD_ASSETS}/*
  ! Cache-Control
  Cache-Control: public, max-age=31536000, immutable
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await mkdir(PUBLIC_DIR, { recursive: true });
  await writeFile(path.join(PUBLIC_DIR, '_headers'), HEADERS);
  await writeFile(
    path.join(PUBLIC_DIR, 'favicon.svg'),
    await readFile(path.join(ROOT, 'dashboard/public/favicon.svg')),
  );
  await writeFile(path.join(PUBLIC_DIR, 'favicon.ico'), faviconIco());
  const widget = await buildWidget();
  const verdict = widget.gzipBytes <= WIDGET_BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  console.log(
    `widget.js: ${widget.bytes} bytes, ${widget.gzipBytes} gzipped — ${verdict} the ${WIDGET_BUDGET_GZIP_BYTES}-byte budget`,
  );
  const dashboard = await buildDashboard();
  const dashboardVerdict = dashboard.gzipBytes <= DASHBOARD_BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  console.log(
    `dashboard first screen (${dashboard.js} + ${dashboard.css}): ${dashboard.gzipBytes} bytes gzipped — ${dashboardVerdict} the ${DASHBOARD_BUDGET_GZIP_BYTES}-byte budget`,
  );
  if (verdict === 'OVER' || dashboardVerdict === 'OVER') process.exit(1);
}
