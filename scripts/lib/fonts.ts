/**
 * The dashboard's typeface, self-hosted: Inter's variable font (from @fontsource-variable),
 * one file for every weight from regular to semibold, cut at build time to what the
 * dashboard sets: the characters French and English text needs (Latin-1 with its accented
 * capitals, œ and Œ, typographic quotes and dashes, the ellipsis, €), the weights 400–600,
 * and the OpenType features it uses (kerning, accents, tabular figures).
 * The cut takes the file from 48 KB to about 21 KB, which is what keeps the first screen
 * within its budget; nothing visible is lost.
 *
 * An esbuild plugin: a stylesheet's `@import "avenir:fonts";` becomes the @font-face rules,
 * and their url()s the subset files, content-hashed like every asset. Characters outside
 * the cut fall through `unicode-range` to the fallback face, never to a missing glyph.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Plugin } from 'esbuild';
import subsetFont from 'subset-font';

/**
 * The code points kept, as [first, last] ranges: those of @fontsource's Latin file that
 * French and English need. Ÿ, arrows and the narrow no-break space are not in that file,
 * so they are not claimed: they fall through to the fallback face.
 */
export const FONT_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x152, 0x153],
  [0x2009, 0x2009],
  [0x2013, 0x2014],
  [0x2018, 0x201e],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
  [0x2039, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];

/** The weights the stylesheets use: body text (400) to emphasis (600: headings, buttons, labels). */
export const FONT_WEIGHTS = { min: 400, max: 600 } as const;

/**
 * The OpenType features kept: kerning, the composition and placement of accents, local
 * forms, capital-height punctuation and tabular figures (the numbers of the home and the
 * tables). Inter's contextual alternates and stylistic sets are a fifth of the file and unused.
 */
const FONT_FEATURES = ['kern', 'ccmp', 'locl', 'mark', 'mkmk', 'case', 'tnum'];

const IMPORT = 'avenir:fonts';
const NAMESPACE = 'avenir-fonts';
const require = createRequire(import.meta.url);

const hex = (code: number) => code.toString(16).toUpperCase();
const unicodeRange = FONT_RANGES.map(([first, last]) =>
  first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`,
).join(', ');

function keptText(): string {
  let text = '';
  for (const [first, last] of FONT_RANGES)
    for (let code = first; code <= last; code++) text += String.fromCodePoint(code);
  return text;
}

/**
 * "Inter fallback": the local sans-serif stretched to Inter's metrics, so text laid out
 * before the web font arrives keeps its lines when it does (no layout shift on swap).
 * Figures as measured for Inter against Arial (and its metric twins Arimo, on Android and
 * ChromeOS, and Liberation Sans, on Linux).
 */
const FALLBACK_FACE = `@font-face {
  font-family: "Inter fallback";
  src: local("Arial"), local("Arimo"), local("Liberation Sans"), local("Helvetica");
  size-adjust: 107.1%;
  ascent-override: 90.4%;
  descent-override: 22.5%;
  line-gap-override: 0%;
}`;

const FONT_FACE = `@font-face {
  font-family: Inter;
  font-style: normal;
  font-weight: ${FONT_WEIGHTS.min} ${FONT_WEIGHTS.max};
  font-display: swap;
  src: url("./inter.woff2") format("woff2");
  unicode-range: ${unicodeRange};
}`;

export function interFonts(): Plugin {
  return {
    name: 'avenir-fonts',
    setup(build) {
      build.onResolve({ filter: /^avenir:fonts$/ }, () => ({ path: IMPORT, namespace: NAMESPACE }));
      build.onResolve({ filter: /^\.\/inter\.woff2$/, namespace: NAMESPACE }, () => ({
        path: 'inter.woff2',
        namespace: NAMESPACE,
      }));
      build.onLoad({ filter: /^avenir:fonts$/, namespace: NAMESPACE }, () => ({
        contents: `${FONT_FACE}\n${FALLBACK_FACE}`,
        loader: 'css',
        resolveDir: '.',
      }));
      build.onLoad({ filter: /^inter\.woff2$/, namespace: NAMESPACE }, async () => {
        const source = await readFile(
          require.resolve('@fontsource-variable/inter/files/inter-latin-wght-normal.woff2'),
        );
        const font = await subsetFont(source, keptText(), {
          targetFormat: 'woff2',
          variationAxes: { wght: FONT_WEIGHTS },
          keepFeatures: FONT_FEATURES,
        });
        return { contents: font, loader: 'file' };
      });
    },
  };
}
