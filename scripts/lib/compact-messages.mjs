// A Vite plugin that writes each of Paraglide's compiled message modules (one per message,
// both languages) in a compact form: Paraglide 2.23 gives every message its own wrapper that
// reads the locale and picks a language (~50 bytes minified, ×80 on the guest screens);
// here a message is one call of a shared helper ($lib/i18n-compact.ts) with its two texts.
// Same texts, same choice of language — tests/unit/messages.spec.ts checks every message in
// both languages against messages/*.json. A module of another shape (e.g. after a Paraglide
// update) is left as Paraglide wrote it, and the same spec then fails.
import path from 'node:path';
import { root } from './paths.mjs';

const HELPER = path.join(root, 'src/lib/i18n-compact.ts');
const TEXT = '(`(?:[^`\\\\]|\\\\.)*`)';
/** @param {'sv' | 'en'} locale */
const variant = (locale) =>
  new RegExp(
    `const ${locale}_(\\w+) = /\\*\\* @type \\{[^\\n]*\\} \\*/ \\((i?)\\) => \\{\\n\\treturn /\\*\\* @type \\{LocalizedString\\} \\*/ \\(${TEXT}\\)\\n\\};`,
  );
const EXPORT =
  /export const (\w+) = \/\*\* @type \{[^\n]*\} \*\/ \(\((?:inputs|inputs = \{\}), options = \{\}\) => \{\n\tconst locale = experimentalStaticLocale \?\? options\.locale \?\? getLocale\(\)\n\tif \(locale === "en"\) return en_\1\(inputs\)\n\treturn sv_\1\(inputs\)\n\}\);/;

/**
 * The compact form of one message module, or null when it is not of the known shape.
 * @param {string} code
 * @returns {string | null}
 */
export function compactMessage(code) {
  const sv = variant('sv').exec(code);
  const en = variant('en').exec(code);
  const exported = EXPORT.exec(code);
  if (!sv || !en || !exported || sv[1] !== exported[1] || en[1] !== exported[1]) return null;
  const name = exported[1];
  const helper = JSON.stringify(HELPER);
  if (!sv[2] && !en[2]) return `import { text } from ${helper};\nexport const ${name} = /* @__PURE__ */ text(${sv[3]}, ${en[3]});\n`;
  return `import { localized } from ${helper};\nexport const ${name} = /* @__PURE__ */ localized((i) => ${sv[3]}, (i) => ${en[3]});\n`;
}

/** @returns {import('vite').Plugin} */
export function compactMessages() {
  return {
    name: 'coffice-compact-messages',
    transform(code, id) {
      if (!/\/src\/lib\/paraglide\/messages\/(?!_index)\w+\.js$/.test(id)) return null;
      const compact = compactMessage(code);
      return compact ? { code: compact, map: null } : null;
    },
  };
}
