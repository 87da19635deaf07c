/**
 * sRGB channels 0–1 and alpha of a computed colour: `rgb()`, `rgba()` or `color(srgb …)`.
 * @example channels('rgb(255, 0, 0)') // [1, 0, 0, 1]
 */
export function channels(color: string): [number, number, number, number] {
  const numbers = color.match(/[\d.]+/g)?.map(Number) ?? [];
  const [r = 0, g = 0, b = 0] = color.startsWith('color(') ? numbers : numbers.map((value) => value / 255);
  return [r, g, b, numbers[3] ?? 1];
}

/**
 * The relative luminance (WCAG 2) of a computed colour.
 * @example luminance('rgb(255, 255, 255)') // 1
 */
export function luminance(color: string): number {
  const [r, g, b] = channels(color)
    .slice(0, 3)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The contrast ratio (WCAG 2) of two computed colours, 1–21.
 * @example contrast('rgb(0, 0, 0)', 'rgb(255, 255, 255)') // 21
 */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The colour drawn behind `element`: the first painted background of it or an ancestor, semi-transparent
 * ones laid over what is under them, the canvas (white) where none paints.
 * @example contrast(getComputedStyle(label).color, backgroundBehind(label))
 */
export function backgroundBehind(element: Element): string {
  const layers: [number, number, number, number][] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    const layer = channels(getComputedStyle(node).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] === 1) break;
  }
  let [r, g, b] = [1, 1, 1];
  for (const [lr, lg, lb, alpha] of layers.reverse()) {
    [r, g, b] = [lr * alpha + r * (1 - alpha), lg * alpha + g * (1 - alpha), lb * alpha + b * (1 - alpha)];
  }
  return `rgb(${r * 255}, ${g * 255}, ${b * 255})`;
}
