import { enStaff } from './en.js';
import { API_ERRORS_NS, type ApiErrorsLanguage } from './instance.js';
import type { ApiErrorsResource } from './resource.js';
import { zhStaff } from './zh.js';
import { zhHantStaff } from './zh-hant.js';

/**
 * Every language, keyed as i18next expects them: `resources[lng][API_ERRORS_NS]`, each complete
 * (a visitor's texts and the staff's variants: `zhStaff`, `zhHantStaff`, `enStaff`).
 * @example i18next.init({ resources: { ...resources, ...myResources } });
 */
export const resources: Record<ApiErrorsLanguage, Record<typeof API_ERRORS_NS, ApiErrorsResource>> = {
  zh: { [API_ERRORS_NS]: zhStaff },
  'zh-Hant': { [API_ERRORS_NS]: zhHantStaff },
  en: { [API_ERRORS_NS]: enStaff },
};
