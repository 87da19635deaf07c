/** The story page's theme: what a host does to opt in to dark (its own attribute and `color-scheme`). */
export type StoryTheme = 'light' | 'dark';

export function applyTheme(theme: StoryTheme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  document.body.style.background = theme === 'dark' ? '#0d1117' : '#ffffff';
  document.body.style.color = theme === 'dark' ? '#e6edf3' : '#1f2328';
}

/** The story's language: the toolbar's choice, as a page language tag. */
export type StoryLocale = 'zh' | 'zh-Hant' | 'en';

export const toStoryLocale = (value: unknown): StoryLocale =>
  value === 'en' || value === 'zh-Hant' ? value : 'zh';

export const PAGE_LANGUAGE: Record<StoryLocale, string> = { zh: 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en' };
