import { useCallback, useEffect, useState } from 'react';
import type { AddRecordRequest, TemplateResult } from '../../client/index.js';
import { useApiClient } from '../query/api-client-provider.js';
import { rememberIdempotencyKey, takeIdempotencyKey } from '../query/idempotency-keys.js';
import { keptFields, type SensitiveFields } from './draft-fields.js';
import { type DraftStorageKind, safeStorage } from './draft-storage.js';
import { decodeDraft, encodeDraft, type SubmissionDraft } from './submission-draft.js';

export interface SubmissionDraftOptions {
  /**
   * Names this form's draft among others in the same storage, e.g. the form and the code.
   * @example useSubmissionDraft({ id: `record-${tplId}-${codeId}` })
   */
  id: string;
  /**
   * `session` (default): this tab, until it is closed. `local`: this browser, until it succeeds or
   * is discarded — on a shared device, think about who sees the form next.
   * @example useSubmissionDraft({ id, storage: 'local' })
   */
  storage?: DraftStorageKind;
  /**
   * The form's template (`useFormTemplate`'s data): fields it marks `is_masked` are never kept.
   * Pass it whenever the form has one; without it, masked fields cannot be recognised.
   * @example useSubmissionDraft({ id, template: useFormTemplate({ tpl_id }).data })
   */
  template?: TemplateResult;
  /**
   * Fields never kept besides uploads, signatures and masked ones: `field_id`s, or a test.
   * @example useSubmissionDraft({ id, sensitive: [71234567890103] })
   */
  sensitive?: SensitiveFields;
  /**
   * The largest draft kept, in bytes of its stored UTF-8 text (default 64 KiB). A larger one is
   * not kept at all — never cut — and an older draft under this `id` is removed.
   * @example useSubmissionDraft({ id, maxBytes: 16_384 })
   */
  maxBytes?: number;
}

export interface SubmissionDraftControls {
  /**
   * The draft a previous visit left, to offer to resume; `undefined` until mounted (so server
   * and first client render agree), when there is none, and once resumed or cleared.
   */
  draft: SubmissionDraft | undefined;
  /**
   * Keeps `request` with its `Idempotency-Key` (making it now, so the request carries the one
   * kept). Call it as the write starts (`onMutate`). Returns whether it was kept: a blocked or
   * full storage, or a draft over `maxBytes`, keeps nothing and costs nothing else.
   */
  save: (request: AddRecordRequest) => boolean;
  /**
   * Answers the offer with "resume": the draft's key becomes the one the next write of its
   * payload sends, and its request is returned, to `mutate` as it is when `draft.complete`,
   * else to fill the form with. The draft stays kept until `clear()`.
   */
  resume: () => AddRecordRequest | undefined;
  /** Removes the draft: on success (`onSuccess`), or when the person discards it. */
  clear: () => void;
  /**
   * The draft kept now, read at the call: this page's latest `save`, or another tab's with
   * `storage: 'local'`. `undefined` when there is none.
   */
  stored: () => SubmissionDraft | undefined;
  /**
   * Its attempt got an answer that was not a success (a refusal, a 502): the draft stays, to
   * offer, but is no longer `unanswered`, so `useSendWhenOnline` does not send it by itself.
   */
  answered: () => void;
}

const DEFAULT_MAX_BYTES = 64 * 1024;
const STORAGE_KINDS: readonly unknown[] = ['session', 'local'];

function checkOptions({ id, storage, maxBytes }: SubmissionDraftOptions): void {
  const fail = (message: string) => {
    throw new TypeError(`useSubmissionDraft: ${message}`);
  };
  if (typeof id !== 'string' || id === '') fail('id must be a non-empty string');
  if (storage !== undefined && !STORAGE_KINDS.includes(storage)) fail("storage must be 'session' or 'local'");
  if (maxBytes !== undefined && !(typeof maxBytes === 'number' && maxBytes > 0)) {
    fail('maxBytes must be a positive number');
  }
}

const storageName = (id: string) => `caoliao-api-errors:draft:${id}`;

/**
 * Keeps the values and the `Idempotency-Key` of a submission that has not succeeded, so that
 * after a reload the page can offer to resume it and resend it with the same key — a proxy that
 * honours keys then stores it once, even when the first attempt was stored before its answer
 * was lost. Opt-in; `sessionStorage` unless asked otherwise. Never keeps uploads (file, image,
 * video, audio), signatures, masked fields or fields the host marks sensitive; a draft missing
 * any of them is `complete: false` and carries no key. Never throws on storage that is full,
 * blocked or missing, and ignores (and removes) an entry that is not one of its drafts.
 * Needs an `ApiClientProvider`.
 *
 * @example
 * const saved = useSubmissionDraft({ id: `record-${tplId}-${codeId}`, template });
 * const submit = useAddRecord({ onMutate: (request) => void saved.save(request), onSuccess: saved.clear });
 * {saved.draft?.complete && (
 *   <DraftResumePrompt savedAt={saved.draft.savedAt} onResume={() => submit.mutate(saved.resume()!)} onDiscard={saved.clear} />
 * )}
 */
export function useSubmissionDraft(options: SubmissionDraftOptions): SubmissionDraftControls {
  checkOptions(options);
  const client = useApiClient();
  const { id, storage = 'session', template, sensitive, maxBytes = DEFAULT_MAX_BYTES } = options;
  const name = storageName(id);
  const [draft, setDraft] = useState<SubmissionDraft | undefined>(undefined);

  // After mount only: storage does not exist on the server, and reading it during render would
  // make the first client render differ from the server's.
  const stored = useCallback(() => readDraft(storage, name), [storage, name]);
  useEffect(() => setDraft(stored()), [stored]);

  const save = useCallback(
    (request: AddRecordRequest): boolean => {
      const store = safeStorage(storage);
      let text: string;
      try {
        const { fields, complete } = keptFields(request, { template, sensitive });
        const idempotencyKey =
          complete && client.idempotencyKeys ? takeIdempotencyKey(client, 'addRecord', request) : undefined;
        const kept = { ...request, fields };
        text = encodeDraft({
          request: kept,
          savedAt: Date.now(),
          complete,
          unanswered: true,
          idempotencyKey,
        });
      } catch {
        return false; // Not a request we can read or write as JSON: nothing to keep.
      }
      // An older draft under this id is of other values: removed rather than left to resume.
      if (new TextEncoder().encode(text).byteLength > maxBytes || !store.set(name, text)) {
        store.remove(name);
        return false;
      }
      return true;
    },
    [client, storage, name, template, sensitive, maxBytes],
  );

  const resume = useCallback((): AddRecordRequest | undefined => {
    if (!draft) return undefined;
    if (draft.complete && draft.idempotencyKey !== undefined && client.idempotencyKeys) {
      rememberIdempotencyKey(client, 'addRecord', draft.request, draft.idempotencyKey);
    }
    setDraft(undefined);
    return draft.request;
  }, [client, draft]);

  const clear = useCallback(() => {
    safeStorage(storage).remove(name);
    setDraft(undefined);
  }, [storage, name]);

  const answered = useCallback(() => {
    const kept = readDraft(storage, name);
    if (kept?.unanswered) safeStorage(storage).set(name, encodeDraft({ ...kept, unanswered: false }));
  }, [storage, name]);

  return { draft, save, resume, clear, stored, answered };
}

/** The draft stored under `name`; an entry that is not one of ours is removed. */
function readDraft(storage: DraftStorageKind, name: string): SubmissionDraft | undefined {
  const store = safeStorage(storage);
  const text = store.get(name);
  const found = text === undefined ? undefined : decodeDraft(text);
  if (text !== undefined && !found) store.remove(name);
  return found;
}
