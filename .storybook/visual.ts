/**
 * What every story test does after its story has run (render, play function, addon-a11y's axe run in the
 * story's own theme): axe once more in the other theme, and — for stories tagged `visual` — screenshots
 * compared with committed baselines, at a phone and a desktop width, light and dark, in the project's language.
 */
import type axe from 'axe-core';
import { pauseAnimations } from 'storybook/preview-api';
import { afterEach, expect, type TestContext } from 'vitest';
import { page } from 'vitest/browser';
import { applyTheme, type StoryTheme, toStoryLocale } from './theme.js';
import { PAGE_SIZE } from './visual-options.js';

/** What addon-vitest puts on the test context (`context.story = composedStory`): the part used here. */
interface ComposedStoryLike {
  id: string;
  tags: string[];
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
}

interface A11yParameter {
  disable?: boolean;
  test?: 'off' | 'todo' | 'error';
  context?: axe.ElementContext;
  config?: axe.Spec;
  options?: axe.RunOptions;
}

const VISUAL_TAG = 'visual';
const VISUAL_VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
const THEMES: readonly StoryTheme[] = ['light', 'dark'];

const themeOf = (story: ComposedStoryLike): StoryTheme => (story.globals.theme === 'dark' ? 'dark' : 'light');

/** Fonts loaded and a frame painted after a change of viewport or theme. */
async function settled(): Promise<void> {
  await document.fonts.ready;
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * The story's page at `width`, whole: laid out in a `width`×`height` viewport, then — if it is taller —
 * in a viewport grown to its height (an element screenshot can't see past the test iframe's edge: what
 * lies below it would come out blank). Again if growing moved it (`vh` units), within the test page.
 */
async function showWholePage(width: number, height: number): Promise<void> {
  await page.viewport(width, height);
  await settled();
  let viewportHeight = height;
  for (let attempt = 0; attempt < 3 && viewportHeight < PAGE_SIZE.height; attempt += 1) {
    const pageHeight = document.documentElement.scrollHeight;
    if (pageHeight <= viewportHeight) return;
    viewportHeight = Math.min(pageHeight, PAGE_SIZE.height);
    await page.viewport(width, viewportHeight);
    await settled();
  }
}

/**
 * The whole viewport, as the page draws it: `layout: 'fullscreen'` stories draw a host page, and a
 * regression anywhere on it counts. A transparent fixed box the size of the viewport is what is shot.
 */
async function matchPage(name: string): Promise<void> {
  await document.fonts.ready;
  const viewport = document.createElement('div');
  viewport.setAttribute('aria-hidden', 'true');
  viewport.dataset.visualViewport = '';
  viewport.style.cssText = 'position:fixed;inset:0;pointer-events:none;background:transparent;';
  document.body.append(viewport);
  try {
    // A live countdown ticks once a second: its text can't be part of a baseline.
    const timers = [...document.querySelectorAll<HTMLElement>('[role="timer"]')];
    // A Locator, not the element itself: given an Element, Vitest 4.1 retries a failed comparison, and a
    // missing baseline it has just written passes on the retry.
    const compare = () =>
      expect.element(page.elementLocator(viewport)).toMatchScreenshot(name, {
        screenshotOptions: { mask: timers, animations: 'disabled', caret: 'hide' },
      });
    try {
      await compare();
    } catch (error) {
      // The first screenshot of a cold run on a busy machine can miss Vitest's 5 s to find two shots
      // that agree (a different one never matches: that fails here as before). Once more, settled.
      if (!String((error as Error).message).includes('Could not capture a stable screenshot')) throw error;
      await settled();
      await compare();
    }
  } finally {
    viewport.remove();
  }
}

/** Screenshots of a `visual` story: 2 widths × 2 themes, named `<story id>-<language>-<theme>-<width>`. */
async function compareScreenshots(story: ComposedStoryLike, errors: unknown[]): Promise<void> {
  const language = toStoryLocale(story.globals.locale);
  for (const { width, height } of VISUAL_VIEWPORTS) {
    for (const theme of THEMES) {
      applyTheme(theme);
      try {
        await showWholePage(width, height);
        await matchPage(`${story.id}-${language}-${theme}-${width}`);
      } catch (error) {
        // Every screenshot is compared, so one run shows every page that changed.
        errors.push(error);
      }
    }
  }
}

const selector = (target: axe.UnlabelledFrameSelector | string): string =>
  Array.isArray(target) ? target.join(' >>> ') : String(target);

/** addon-a11y's run (its a11yRunner), in the theme the story wasn't drawn in. */
async function checkA11y(story: ComposedStoryLike, theme: StoryTheme): Promise<void> {
  const a11y = (story.parameters.a11y ?? {}) as A11yParameter;
  if (a11y.disable === true || a11y.test === 'off') return;
  applyTheme(theme);
  // The same context as the addon: the page minus Storybook's own elements, narrowed by the story's.
  const context: axe.ContextObject = {
    include: document.body,
    exclude: ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'],
  };
  if (
    a11y.context &&
    typeof a11y.context === 'object' &&
    ('include' in a11y.context || 'exclude' in a11y.context)
  ) {
    const { include, exclude } = a11y.context as axe.ContextObject;
    if (include !== undefined) context.include = include as never;
    if (exclude !== undefined) context.exclude = [...(context.exclude as string[]), ...(exclude as never[])];
  } else if (a11y.context) {
    context.include = a11y.context as never;
  }
  // Loaded when first needed, as addon-a11y does: loaded up front, it would change when the addon's own
  // run happens in the first story of a file.
  const { default: axe } = await import('axe-core');
  axe.reset();
  // The addon turns `region` off (a story is not a whole page) before the story's own rules.
  const rules = [{ id: 'region', enabled: false }, ...(a11y.config?.rules ?? [])];
  axe.configure({ ...a11y.config, rules });
  const options: axe.RunOptions = { ...a11y.options };
  if (options.runOnly) {
    const disabled = Object.fromEntries(
      rules.filter((rule) => rule.enabled === false).map((rule) => [rule.id, { enabled: false }]),
    );
    options.rules = { ...disabled, ...options.rules };
  }
  const { violations } = await axe.run(context, options);
  if (violations.length === 0) return;
  const lines = violations.flatMap((violation) => [
    `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
    ...violation.nodes.map(
      (node) =>
        `    ${node.target.map(selector).join(', ')}${node.failureSummary ? `\n      ${node.failureSummary.replaceAll('\n', '\n      ')}` : ''}`,
    ),
  ]);
  const message = `axe found ${violations.length} violation${violations.length === 1 ? '' : 's'} in the ${theme} theme of ${story.id}:\n${lines.join('\n')}`;
  if (a11y.test === 'todo') console.warn(message);
  else throw new Error(message);
}

export function registerStoryChecks(): void {
  afterEach(async (context: TestContext) => {
    const story = (context as TestContext & { story?: ComposedStoryLike }).story;
    // Skipped, or not a story test.
    if (!story) return;
    // Accessibility tests turned off for this run (addon-vitest's a11y switch), as the addon itself does.
    const a11yRun = story.globals.a11y as { manual?: boolean } | undefined;
    // A story that already failed (play function, light-theme axe) is not in the state its checks assume.
    if ((context.task.result?.errors?.length ?? 0) > 0 || context.task.result?.state === 'fail') return;

    const ownTheme = themeOf(story);
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    // As for addon-a11y's run: animations at their end, transitions off, so colours are final.
    const resumeAnimations = pauseAnimations();
    const errors: unknown[] = [];
    try {
      // One axe run: the addon has covered the story's own theme.
      if (a11yRun?.manual !== true) {
        try {
          await checkA11y(story, ownTheme === 'dark' ? 'light' : 'dark');
        } catch (error) {
          errors.push(error);
        }
      }
      // Baselines are kept for zh and en; zh-Hant is checked by axe only.
      const screenshots =
        story.tags.includes(VISUAL_TAG) && toStoryLocale(story.globals.locale) !== 'zh-Hant';
      if (screenshots) await compareScreenshots(story, errors);
    } finally {
      // The story's own theme (light but for the 'Dark theme' stories) and the viewport it was tested in.
      applyTheme(ownTheme);
      await page.viewport(viewport.width, viewport.height);
      resumeAnimations();
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) {
      throw new Error(
        errors.map((error) => (error instanceof Error ? error.message : String(error))).join('\n\n'),
      );
    }
  });
}
