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
import { faviconIco, markPng } from './lib/favicon';
import { interFonts } from './lib/fonts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PUBLIC_DIR = path.join(ROOT, 'dist/public');
/** The widget's gzipped size budget, Preact included: a site owner's page should not feel it. */
export const WIDGET_BUDGET_GZIP_BYTES = 10 * 1024;
/** The dashboard's first screen: its JS, CSS and fonts together, gzipped (buildDashboard). */
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
  /** The screens a visitor can land on first, and what each costs before it shows. */
  firstScreens: FirstScreen[];
  /** The heaviest of them: the figure held to the budget. */
  gzipBytes: number;
}

export interface FirstScreen {
  screen: string;
  /** Gzipped JS and CSS, plus the font files as served (WOFF2 does not gzip further). */
  gzipBytes: number;
  files: string[];
}

/**
 * The screens the dashboard opens on: sign-in for a visitor, home once signed in. Each
 * costs the shell, its own lazily loaded chunk (and what that imports), the stylesheet
 * and the fonts the stylesheet preloads.
 */
const FIRST_SCREENS = { 'sign-in': 'dashboard/sign-in.tsx', home: 'dashboard/home.tsx' } as const;
const STAFF_CSS = 'dashboard/staff.css';

/**
 * The dashboard SPA into dist/public/app: content-hashed JS chunks (one per screen, loaded
 * when the screen is opened), CSS and fonts under app/assets (cached for a year), and
 * app/index.html naming the shell and preloading what the first screen needs (never cached).
 */
export async function buildDashboard(): Promise<BuiltDashboard> {
  const appDir = path.join(PUBLIC_DIR, 'app');
  await rm(appDir, { recursive: true, force: true });
  const result = await build({
    // The staff screens' stylesheet is an entry of its own: loaded when a staff screen opens (dashboard/staff-styles.ts).
    entryPoints: [path.join(ROOT, 'dashboard/index.tsx'), path.join(ROOT, STAFF_CSS)],
    outdir: path.join(appDir, DASHBOARD_ASSETS),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    splitting: true,
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
    plugins: [interFonts()],
  });
  const outputs = result.metafile.outputs;
  const shellFile = Object.keys(outputs).find((file) => outputs[file]!.entryPoint === 'dashboard/index.tsx');
  const css = shellFile && outputs[shellFile]!.cssBundle;
  const staffCss = Object.keys(outputs).find((file) => outputs[file]!.entryPoint === STAFF_CSS);
  const fonts = Object.keys(outputs).filter((file) => file.endsWith('.woff2'));
  if (!shellFile || !css || !staffCss || fonts.length === 0) {
    throw new Error('the dashboard build wrote no shell, CSS, staff CSS or fonts');
  }
  const url = (file: string) => `/app/${DASHBOARD_ASSETS}/${path.basename(file)}`;

  /** A chunk and every chunk it imports statically: what must arrive before it runs. */
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imported of outputs[file]!.imports)
      if (imported.kind === 'import-statement') closure(imported.path, seen);
    return seen;
  };
  const gzipped = new Map<string, number>();
  for (const file of Object.keys(outputs)) {
    const bytes = await readFile(file);
    gzipped.set(file, file.endsWith('.woff2') ? bytes.length : gzipSync(bytes, { level: 9 }).length);
  }
  const screenChunk = (source: string) => {
    const chunk = Object.keys(outputs).find((file) => outputs[file]!.entryPoint === source);
    if (!chunk) throw new Error(`${source} is not loaded as a screen of its own`);
    return chunk;
  };
  // index.html preloads the home's chunks for every visitor (most arrive signed in), so
  // a visitor who signs in downloads them too: each first screen counts them.
  const preloaded = closure(screenChunk(FIRST_SCREENS.home));
  preloaded.delete(shellFile);
  const firstScreens: FirstScreen[] = Object.entries(FIRST_SCREENS).map(([screen, source]) => {
    const files = [...new Set([...closure(shellFile), ...preloaded, ...closure(screenChunk(source)), css, ...fonts])];
    const gzipBytes = files.reduce((sum, file) => sum + gzipped.get(file)!, 0);
    return { screen, gzipBytes, files: files.map(url) };
  });

  await writeFile(
    path.join(appDir, 'index.html'),
    `<!doctype html>
<html lang="en-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Avenir</title>
<meta name="description" content="${MANIFEST.description}">
<meta name="theme-color" content="${THEME_COLORS.light}" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="${THEME_COLORS.dark}" media="(prefers-color-scheme: dark)">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="manifest" href="/app/manifest.webmanifest">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
${fonts.map((file) => `<link rel="preload" href="${url(file)}" as="font" type="font/woff2" crossorigin>`).join('\n')}
<link rel="stylesheet" href="${url(css)}">
<meta name="avenir-staff-css" content="${url(staffCss)}">
<script type="module" src="${url(shellFile)}"></script>
${[...preloaded].map((file) => `<link rel="modulepreload" href="${url(file)}">`).join('\n')}
</head>
<body><div id="app"></div></body>
</html>
`,
  );
  await writeFile(path.join(appDir, 'manifest.webmanifest'), `${JSON.stringify(MANIFEST, null, 2)}\n`);
  for (const icon of APP_ICONS) await writeFile(path.join(PUBLIC_DIR, icon.src), icon.draw());
  const gzipBytes = Math.max(...firstScreens.map((screen) => screen.gzipBytes));
  return { js: url(shellFile), css: url(css), firstScreens, gzipBytes };
}

/** The browser's chrome around the dashboard: the canvas colour of each scheme (--canvas in dashboard/design/tokens.css). */
const THEME_COLORS = { light: '#f4f6f5', dark: '#0e1514' } as const;

/** The web app manifest: the dashboard installed to a phone's home screen opens on its home. */
const MANIFEST = {
  name: 'Avenir',
  short_name: 'Avenir',
  description: 'Every lead from your website, answered — Chaque demande de votre site, traitée',
  start_url: '/app/',
  scope: '/app/',
  display: 'standalone',
  background_color: THEME_COLORS.light,
  theme_color: THEME_COLORS.light,
  icons: [
    { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: '/app/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/app/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/app/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** The bitmaps of the mark the manifest and iOS's home screen name (scripts/lib/favicon.ts). */
const APP_ICONS = [
  { src: 'app/icon-192.png', draw: () => markPng(192) },
  { src: 'app/icon-512.png', draw: () => markPng(512) },
  { src: 'app/icon-maskable-512.png', draw: () => markPng(512, { maskable: true }) },
  // iOS rounds the corners itself and shows transparency as black: the colour to the edges.
  { src: 'apple-touch-icon.png', draw: () => markPng(180, { fullBleed: true }) },
];

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
/apple-touch-icon.png
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
  for (const screen of dashboard.firstScreens) {
    console.log(`dashboard first screen "${screen.screen}": ${screen.gzipBytes} bytes (${screen.files.length} files)`);
  }
  console.log(
    `dashboard first screen, heaviest: ${dashboard.gzipBytes} bytes gzipped, fonts included — ${dashboardVerdict} the ${DASHBOARD_BUDGET_GZIP_BYTES}-byte budget`,
  );
  if (verdict === 'OVER' || dashboardVerdict === 'OVER') process.exit(1);
}
