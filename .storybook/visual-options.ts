/**
 * How screenshots are compared: the one place for it, used as `browser.expect.toMatchScreenshot` by every
 * project that takes screenshots (the two storybook projects and `visual-control`, whose test proves these
 * numbers still catch a one-pixel border and let anti-aliasing noise through).
 *
 * Measured on Debian's Chromium 156 with fonts-noto-cjk and DejaVu, on the control box of
 * test/visual/screenshot-control.browser.test.ts (300×120, 1px #d1d9e0 border, Latin + Chinese text);
 * counts are the pixels pixelmatch reports with `includeAA: true | false`:
 *
 * | change                                                        | pixels changed | t=0.02  | t=0.025 | t=0.1  |
 * | border → #e5534b                                              | 836            | 836|836 | 836|836 | 836|836|
 * | border → #d8dee4 (the next grey: the host page's line colour) | 836            | 836|836 | 0|0     | 0|0    |
 * | border → #e5534b, box filled dark (border between light/dark) | 836            | 836|8   | 836|8   | 836|8  |
 * | text colour one level off (#1f2328 → #202429)                 | 2465           | 0|0     | 0|0     | 0|0    |
 * | every edge pixel (glyphs, border) ±1–2 levels                 | 7767           | 0|0     | 0|0     | 0|0    |
 * | an invisible text-shadow                                      | 358            | 0|0     | 0|0     | 0|0    |
 * | text rasterised rotated by 0.01° (another raster path)        | 60             | 57|8    | 57|8    | 39|5   |
 * | text moved by 0.1px (glyphs re-rasterised, a real shift)      | 1631           | 1496|541| 1471|532| 1002|341|
 *
 * - `threshold: 0.02`: a pixel counts when its YIQ difference exceeds 35215 × 0.02² ≈ 14, about six levels of
 *   grey. The next grey of a border (#d1d9e0 → #d8dee4, ≈ 16) counts; pixelmatch's default 0.1 ignores any
 *   grey change under ~26 levels. Anti-aliasing noise of a few levels (the text one level off moves edge
 *   pixels by up to ≈ 12.6 through blending) stays under it. The window is narrow and measured: the text
 *   noise starts to count below 0.019, the grey border stops counting above 0.021.
 * - `includeAA: true`: pixelmatch's anti-aliasing detector takes a one-pixel line between a lighter and a darker
 *   area for anti-aliasing — the red border of a dark box counted 8 of 836 pixels with `includeAA: false`.
 *   Counting those pixels is what keeps every border colour change visible; the threshold does the forgiving.
 * - `allowedMismatchedPixels: 16`: an absolute budget, not a ratio (a ratio grows with the page; a border
 *   doesn't). Under any border worth catching (a 5×5 outline has 16 pixels); above a stray pixel or two.
 *   Not enough for another raster path (57 on two lines of text) or a sub-pixel shift: those need a new
 *   baseline, and the pinned Chromium and fonts (.ci/run) are what keep them away.
 */
export const SCREENSHOT_MATCHING = {
  /**
   * `<test file's folder>/__screenshots__/<test file's name without its extensions>/…`: Vitest's default keeps
   * the `.stories.tsx` ending on the folder, which Storybook's story glob then takes for a story file.
   */
  resolveScreenshotPath: ({
    root,
    testFileDirectory,
    screenshotDirectory,
    testFileName,
    arg,
    browserName,
    platform,
    ext,
  }: {
    root: string;
    testFileDirectory: string;
    screenshotDirectory: string;
    testFileName: string;
    arg: string;
    browserName: string;
    platform: string;
    ext: string;
  }) =>
    `${root}/${testFileDirectory}/${screenshotDirectory}/${testFileName.replace(/\..*$/, '')}/${arg}-${browserName}-${platform}${ext}`,
  comparatorName: 'pixelmatch' as const,
  comparatorOptions: { threshold: 0.02, includeAA: true, allowedMismatchedPixels: 16 },
  screenshotOptions: { animations: 'disabled' as const, caret: 'hide' as const, scale: 'css' as const },
  // `timeout` stays Vitest's 5 s to find two screenshots in a row that agree: Vitest 4.1 never clears that
  // timer, so a longer one holds the process open after the last test ("close timed out after 10000ms").
};

/**
 * The Playwright page around Vitest's test iframe. Vitest scales the iframe down (a CSS transform) when
 * it is larger than this page, which would resample every screenshot; it must hold the widest viewport
 * and the tallest whole page a screenshot grows the viewport to (.storybook/visual.ts).
 */
export const PAGE_SIZE = { width: 1280, height: 3000 };
