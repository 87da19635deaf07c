import postcss, { type AtRule, type Declaration, type Rule } from 'postcss';

/** What an older browser engine cannot parse, of what `styles.css` uses. */
export interface OldKernel {
  /** Who ships it, for test names. */
  name: string;
  /** Selectors it does not know: a rule whose selector list names one is dropped whole. */
  selectors: readonly string[];
  /** Functions it does not know (with their parenthesis), in declaration values and `@supports` conditions. */
  functions: readonly string[];
}

/**
 * WeChat's Android kernel as seen in the field (`Chrome/78 … XWEB/2853`); iOS 13 Safari lacks the same
 * here (`:where()`/`:is()` came in Chrome 88 and Safari 14, `:focus-visible` in 86 and 15.4, `max()` in
 * 79 and 13.4, `color-mix()` in 111 and 16.2, `:has()` in 105 and 15.4, `light-dark()` in 123 and 17.5).
 * @example asKernelReadsIt(css, CHROME_78)
 */
export const CHROME_78: OldKernel = {
  name: 'Chrome 78 (WeChat XWEB/2853), iOS 13',
  selectors: [':where(', ':is(', ':has(', ':focus-visible'],
  functions: ['light-dark(', 'color-mix(', 'max(', 'min(', 'clamp('],
};

/**
 * A later kernel (Chrome 88–104, Safari 14–15.3): it knows `:where()` but not `:has()`, `color-mix()`
 * nor `light-dark()`.
 * @example asKernelReadsIt(css, CHROME_88)
 */
export const CHROME_88: OldKernel = {
  name: 'Chrome 88 (a later WeChat kernel)',
  selectors: [':has('],
  functions: ['light-dark(', 'color-mix('],
};

// `max(` must not match inside `minmax(`: a function name starts after a character that is not part of a name.
const usesFunction = (text: string, kernel: OldKernel) =>
  kernel.functions.some((name) => new RegExp(`(^|[^\\w-])${name.replace('(', '\\(')}`).test(text));

const usesSelector = (selector: string, kernel: OldKernel) =>
  kernel.selectors.some((name) => selector.includes(name));

/** A condition names an unknown function or selector, so the kernel reads it as false. */
function dropSupports(atRule: AtRule, kernel: OldKernel) {
  if (/\bnot\b|\bor\b/.test(atRule.params)) throw new Error(`@supports ${atRule.params}: not modelled`);
  if (usesFunction(atRule.params, kernel) || atRule.params.includes('selector(')) atRule.remove();
}

/**
 * A property with an unknown function is dropped when parsed. A custom property keeps its tokens (any
 * are valid) and fails only where `var()` puts them: the function is renamed to one no browser knows,
 * so that this browser fails there too, as the old one does (the property falls back to `unset`).
 */
function readDeclaration(declaration: Declaration, kernel: OldKernel) {
  if (!usesFunction(declaration.value, kernel)) return;
  if (!declaration.prop.startsWith('--')) {
    declaration.remove();
    return;
  }
  for (const name of kernel.functions) {
    declaration.value = declaration.value.replace(
      new RegExp(`(^|[^\\w-])${name.replace('(', '\\(')}`, 'g'),
      `$1-unknown-${name}`,
    );
  }
}

/**
 * `css` as an engine that lacks `kernel`'s features reads it: what it cannot parse is gone, as if the
 * lines were not there. (Modern Chromium then draws what the old one would, for colours and borders.)
 * @example
 * const style = document.createElement('style');
 * style.textContent = asKernelReadsIt(stylesheetText, CHROME_78);
 */
export function asKernelReadsIt(css: string, kernel: OldKernel): string {
  const root = postcss.parse(css);
  root.walkAtRules('supports', (atRule) => dropSupports(atRule, kernel));
  root.walkRules((rule: Rule) => {
    if (usesSelector(rule.selector, kernel)) rule.remove();
  });
  root.walkDecls((declaration) => readDeclaration(declaration, kernel));
  return root.toString();
}
