/**
 * The control of the visual regression tests: proof that the comparison the stories' screenshots go through
 * (`browser.expect.toMatchScreenshot` = SCREENSHOT_MATCHING of .storybook/visual-options.ts, the same in this
 * project) fails on a one-pixel border that changed colour and passes anti-aliasing-level noise. Loosen those
 * options and a test here goes red: a threshold above ~0.021 lets the grey border through, `includeAA: false`
 * the border of the dark box, `allowedMismatchedPixels` ≥ 836 every border.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { type Locator, page, server } from 'vitest/browser';

const BORDER = '#d1d9e0';
// The box is 300×120 with a 1px border: 2 × (300 + 120) − 4 border pixels.
const BORDER_PIXELS = 836;
// `vitest --update` would write a failing comparison over the baseline instead of failing it.
const updating = server.config.snapshotOptions.updateSnapshot === 'all';

interface Box {
  border?: string;
  fill?: string;
  text?: string;
}

/** The control: a 300×120 box, 1px border, Latin and Chinese text in Noto Sans CJK SC, on a white stage. */
async function renderBox({
  border = BORDER,
  fill = '#ffffff',
  text = '#1f2328',
}: Box = {}): Promise<Locator> {
  document.body.innerHTML = `
    <div data-testid="stage" style="box-sizing:border-box;width:340px;height:160px;padding:20px;background:#ffffff">
      <div style="box-sizing:border-box;width:300px;height:120px;padding:12px 16px;border:1px solid ${border};background:${fill};color:${text};font:16px/1.5 'Noto Sans CJK SC'">
        <p style="margin:0">Retry in 30 s · 请稍后再试</p>
        <p style="margin:0">Rate limited: 429 请求过于频繁</p>
      </div>
    </div>`;
  await document.fonts.ready;
  return page.getByTestId('stage');
}

const mismatchOf = (pixels: number) =>
  new RegExp(`does not match the stored reference\\.\\n${pixels} pixels `);

/** Deterministic ±1–2 on every colour channel of every pixel that differs from a neighbour (glyph and border edges). */
function jitterEdges(image: ImageData): number {
  const { data, width, height } = image;
  const source = new Uint32Array(data.slice().buffer);
  let seed = 20_240_601;
  let changed = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const here = source[y * width + x];
      let edge = false;
      for (let dy = -1; dy <= 1 && !edge; dy += 1) {
        for (let dx = -1; dx <= 1 && !edge; dx += 1) {
          const nx = x + dx;
          const ny = y + dy;
          edge = nx >= 0 && ny >= 0 && nx < width && ny < height && source[ny * width + nx] !== here;
        }
      }
      if (!edge) continue;
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      const step = (seed % 2) + 1;
      const delta = seed & 0x10000 ? step : -step;
      const at = (y * width + x) * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        data[at + channel] = Math.min(255, Math.max(0, data[at + channel] + delta));
      }
      changed += 1;
    }
  }
  return changed;
}

beforeEach(async () => {
  await page.viewport(400, 240);
});

describe('screenshot comparison, with the options the stories use', () => {
  test('the control box matches its baseline', async () => {
    await expect.element(await renderBox()).toMatchScreenshot('control');
  });

  test('the box filled dark matches its baseline', async () => {
    await expect
      .element(await renderBox({ fill: '#1f2328', text: '#e6edf3' }))
      .toMatchScreenshot('control-dark');
  });

  describe.skipIf(updating)('a one-pixel border in another colour fails', () => {
    test('red', async () => {
      const stage = await renderBox({ border: '#e5534b' });
      await expect(expect.element(stage).toMatchScreenshot('control')).rejects.toThrow(
        mismatchOf(BORDER_PIXELS),
      );
    });

    test('the next grey: #d8dee4, the host page’s line colour, for the library’s #d1d9e0', async () => {
      const stage = await renderBox({ border: '#d8dee4' });
      await expect(expect.element(stage).toMatchScreenshot('control')).rejects.toThrow(
        mismatchOf(BORDER_PIXELS),
      );
    });

    // A line between a lighter and a darker area looks like anti-aliasing to pixelmatch: with
    // `includeAA: false` only the 8 corner pixels of this border would count.
    test('red, between the white page and a dark fill', async () => {
      const stage = await renderBox({ border: '#e5534b', fill: '#1f2328', text: '#e6edf3' });
      await expect(expect.element(stage).toMatchScreenshot('control-dark')).rejects.toThrow(
        mismatchOf(BORDER_PIXELS),
      );
    });
  });

  describe.skipIf(updating)('anti-aliasing-level noise passes', () => {
    // Chromium draws the text again: 2465 pixels come out different (glyph edges move by up to ~5 levels
    // through blending), none by more than the threshold.
    test('the text one colour level off', async () => {
      await expect.element(await renderBox({ text: '#202429' })).toMatchScreenshot('control');
    });

    // What another CPU's or Skia's blending does to edge pixels, made deterministic: the control's own
    // screenshot, every glyph and border edge pixel moved by 1 or 2 levels, drawn 1:1 into a canvas in
    // its place. (A sub-pixel shift of the text is not noise: translateX(0.1px) re-rasterises the glyphs
    // and changes 1631 pixels, 1496 of them beyond the threshold — more than the border itself.)
    test('every edge pixel of the control moved by ±1–2 levels', async () => {
      const stage = await renderBox();
      const png = await page.screenshot({ element: stage, save: false, scale: 'css' });
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      document.body.innerHTML = `<canvas data-testid="stage" width="${bitmap.width}" height="${bitmap.height}" style="display:block"></canvas>`;
      const canvas = document.querySelector('canvas') as HTMLCanvasElement;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
      // Thousands of pixels really differ from the baseline.
      expect(jitterEdges(image)).toBeGreaterThan(3000);
      context.putImageData(image, 0, 0);
      await expect.element(page.getByTestId('stage')).toMatchScreenshot('control');
    });
  });
});
