import type {
  FormListRequest,
  QrcodeContentRequest,
  QrcodeRequest,
  RecordRequest,
  RecordsRequest,
  TemplateRequest,
} from '../../client/index.js';

const ALL = ['caoliao-api'] as const;

// Without a request: the prefix of every key of that endpoint, for invalidation.
const keyOf =
  <Name extends string, Request>(name: Name) =>
  (request?: Request) =>
    request === undefined ? ([...ALL, name] as const) : ([...ALL, name, request] as const);

/**
 * The query keys of the hooks, to invalidate, prefetch or read their data.
 * @example queryClient.invalidateQueries({ queryKey: apiQueryKeys.recordPages() })
 */
export const apiQueryKeys = {
  all: ALL,
  formList: keyOf<'formList', FormListRequest>('formList'),
  template: keyOf<'template', TemplateRequest>('template'),
  record: keyOf<'record', RecordRequest>('record'),
  recordPages: keyOf<'recordPages', RecordsRequest>('recordPages'),
  qrcodeContent: keyOf<'qrcodeContent', QrcodeContentRequest>('qrcodeContent'),
  qrcodeOperations: keyOf<'qrcodeOperations', QrcodeRequest>('qrcodeOperations'),
};
