import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Tinos (metrically compatible with Times New Roman) from the @fontsource package, embedded as data
 * URLs so a letter looks the same on every machine, whatever fonts it has. Added when a letter is
 * printed or downloaded, not stored with each issued letter (four faces are about 100 KB).
 */
let css: string | null = null;

function fontFaces(): string {
  if (css !== null) return css;
  const req = createRequire(__filename);
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const style of ['normal', 'italic']) {
      const file = req.resolve(`@fontsource/tinos/files/tinos-latin-${weight}-${style}.woff2`);
      const data = readFileSync(file).toString('base64');
      faces.push(
        `@font-face{font-family:"Tinos";font-style:${style};font-weight:${weight};` +
          `src:url(data:font/woff2;base64,${data}) format("woff2");}`,
      );
    }
  }
  css = `<style>${faces.join('')}</style>`;
  return css;
}

/** The letter's HTML with its fonts embedded in the head. */
export function withLetterFonts(html: string): string {
  const at = html.indexOf('</head>');
  return at < 0 ? fontFaces() + html : html.slice(0, at) + fontFaces() + html.slice(at);
}
