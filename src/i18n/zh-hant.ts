import type { ApiErrorsResource } from './resource.js';
import { type StaffTexts, withStaffTexts } from './staff-texts.js';

// `zhHant` 寫給掃描 QR Code 填寫表單的訪客：不出現 API 術語，找人時找「表單發布者」（表單可能是活動報名，
// 也可能是巡檢、報修、簽到）。`_write` 用於送出或核銷失敗時。工作人員的文案在下面的 STAFF 裡，組成
// `zhHantStaff`。標題在 390 px 寬的手機上不超過兩行，較長的標題在逗號處斷開。
// 頁面的設定出了問題（參數、版本、連線）：重試沒有用，要找表單發布者。
const FORM_UNAVAILABLE = {
  title: '這份表單現在無法使用',
  description: '頁面的設定出了問題，不是您的操作造成的。請聯絡表單發布者處理。',
  title_write: '這份表單現在無法送出',
  description_write: '頁面的設定出了問題，不是您的操作造成的。您填寫的內容都還在，請聯絡表單發布者處理。',
};

// 送出失敗、但可能已經儲存時（502、網路中斷、逾時、無法讀取的結果）：標題已經說了「無法確認」，這裡只說
// 內容還在、再送出一次會怎樣。
const MAY_BE_STORED = '您填寫的內容都還在。如果再送出一次，可能會多出一筆重複的紀錄。';
const ANSWERS_KEPT = '您填寫的內容都還在。';
// 同樣的情況，但再送出時帶著同一個冪等鍵、由代理記住：再送出一次也只會儲存一筆。
const RESEND_IS_SAFE = '您填寫的內容都還在，重新送出不會產生重複的紀錄。';

// 只有工作人員會遇到的錯誤（QR Code 分類、憑證核銷）：訪客的文案只說這一步不歸他處理，準確的原因在 STAFF 裡。
const STAFF_ONLY = {
  title: '現在無法完成這項操作',
  description: '這一步需要工作人員處理。如有疑問，請聯絡表單發布者。',
};

/**
 * 繁體中文文案（`caoliao-api-errors` 命名空間），寫給訪客；工作人員用 `zhHantStaff`。
 * @example <ApiErrorsProvider languages={{ 'zh-Hant': zhHant }}>…</ApiErrorsProvider>
 */
export const zhHant: ApiErrorsResource = {
  errors: {
    0: { title: '操作成功', description: '請求已完成。' },
    400: FORM_UNAVAILABLE,
    401: FORM_UNAVAILABLE,
    403: {
      title: '這份表單目前不能送出',
      description: '這份表單現在只能檢視，不是您的操作造成的。如需送出，請聯絡表單發布者。',
    },
    404: {
      title: '找不到這個頁面',
      description: '連結可能已經失效，或內容已被刪除。請確認掃描的 QR Code 或開啟的連結是否正確。',
    },
    429: {
      title: '現在使用的人有點多',
      description: '請稍等幾秒，馬上就能繼續。',
      title_write: '現在送出的人有點多',
      description_write: '您填寫的內容都還在，稍等幾秒就能送出。',
    },
    502: {
      title: '服務暫時沒有回應',
      description: '通常很快就會恢復，請稍後再試。',
      title_write: '服務沒有回應，無法確認是否已送出',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    100300: {
      title: '服務出了點問題',
      description: '不是您的操作造成的。請稍後再試；如果一直這樣，請將下方的問題編號提供給表單發布者。',
      description_write: `不是您的操作造成的，${ANSWERS_KEPT}請稍後再試；如果一直這樣，請將下方的問題編號提供給表單發布者。`,
    },
    100301: FORM_UNAVAILABLE,
    100302: FORM_UNAVAILABLE,
    100303: {
      title: '找不到這筆紀錄',
      description: '紀錄可能已被刪除，請確認連結是否正確。',
    },
    100304: {
      title: '找不到這份表單',
      description: '表單可能已被刪除，請確認掃描的是正確的 QR Code。',
    },
    100305: FORM_UNAVAILABLE,
    100306: {
      title: 'QR Code 與表單不符',
      description: '這個 QR Code 沒有關聯到這份表單，請掃描表單發布者提供的 QR Code。',
    },
    100307: {
      title: '有內容已經送出過',
      description: '如果是您本人之前送出的，不必再送出；如果不是，請檢查標示的內容是否填錯。',
    },
    100308: {
      title: '還有必填項目沒有填寫',
      description: '請補上標示的內容再送出，已填寫的內容都還在。',
    },
    100309: {
      title: '有些內容填寫不正確',
      description: '請依照標示的提示修改後再送出，已填寫的內容都還在。',
    },
    100310: {
      title: '表單已過期，需要重新載入',
      description: '重新載入後才能送出，已填寫的內容可能需要重新填寫。',
    },
    100311: {
      title: '您的送出次數已用完',
      description: '這份表單每人只能送出有限的次數。如需修改已送出的內容，請聯絡表單發布者。',
    },
    100312: { title: '表單名額已滿', description: '這份表單不再接受新的送出。' },
    100313: {
      title: '目前不在開放時間內',
      description: '這份表單只在指定的時間內接受送出，請到時再來。',
    },
    100314: {
      title: '這個 QR Code 已暫停收集',
      description: '現在無法透過它送出。如有疑問，請聯絡表單發布者。',
    },
    100315: FORM_UNAVAILABLE,
    100316: FORM_UNAVAILABLE,
    100317: STAFF_ONLY,
    100318: STAFF_ONLY,
    100319: STAFF_ONLY,
    100320: STAFF_ONLY,
    100321: STAFF_ONLY,
    100322: STAFF_ONLY,
    100323: STAFF_ONLY,
    100324: STAFF_ONLY,
    100325: STAFF_ONLY,
    100326: STAFF_ONLY,
    100327: STAFF_ONLY,
    100328: STAFF_ONLY,
    100329: { title: '核銷前請先補齊身分資料', description: '補齊後，系統會自動繼續核銷這張憑證。' },
    network: {
      title: '網路連線失敗',
      description: '暫時無法連上服務，請檢查網路後重試。',
      title_write: '網路中斷，無法確認是否已送出',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    timeout: {
      title: '等候時間太長',
      description: '服務長時間沒有回應，請重試。',
      title_write: '等候逾時，無法確認是否已送出',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    aborted: {
      title: '已取消',
      description: '操作在完成前被取消了。',
      description_write: `操作在完成前被取消了。${ANSWERS_KEPT}`,
    },
    'invalid-response': {
      title: '沒能讀取服務傳回的結果',
      description: '可能是網路不穩定。請重試；如果一直這樣，請聯絡表單發布者。',
      title_write: '沒有收到有效結果，無法確認是否已送出',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    http: {
      title: '頁面暫時出了點問題',
      description: '不是您的操作造成的，請稍後再試。',
      title_write: '服務出錯，無法確認是否已送出',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    unknown: {
      title: '出了點問題',
      description: '不是您的操作造成的。請重試；如果一直這樣，請將下方的問題編號提供給表單發布者。',
      description_write: `不是您的操作造成的，${ANSWERS_KEPT}請重試；如果一直這樣，請將下方的問題編號提供給表單發布者。`,
    },
  },
  actions: {
    retry: '立即重試',
    retry_write: '重新送出',
    retry_ambiguous: '再送出一次',
    retry_idempotent: '重新送出',
    retry_100319: '重新核銷',
    reauthenticate: '重新連線',
    'contact-support': '聯絡表單發布者',
    'contact-admin': '聯絡表單發布者',
    'request-permission': '申請權限',
    'request-permission_100328': '申請核銷權限',
    'go-back': '返回上一頁',
    rescan: '重新掃描',
    'fix-fields': '前往第一項',
    reload: '重新載入表單',
    'choose-another': '重新選擇',
    'choose-another_100317': '換一個分類',
    'choose-another_100318': '選擇範圍較小的分類',
    'choose-another_100325': '選擇其他核銷方式',
    'choose-another_100326': '選擇其他目標狀態',
    'enter-certificate-code': '重新掃描或輸入',
    'enter-certificate-code_100321': '核銷下一張',
    'enter-certificate-code_100322': '核銷下一張',
    'enter-certificate-code_100323': '核銷下一張',
    'enter-certificate-code_100324': '核銷下一張',
    'enter-auth-code': '輸入新的授權碼',
    'complete-identity': '前往補齊身分資料',
    'reload-page': '重新載入頁面',
    'reload-page_100310': '重新載入',
    'go-home': '返回首頁',
    'close-page': '關閉頁面',
    'copy-reference': '複製問題編號',
  },
  fields: {
    // 一次送出標示的各項，可能是沒填，也可能是填錯了或已送出過：這句對每一種都成立。
    summaryTitle_other: '還有 {{count}} 項需要填寫或修改',
    prefix: '錯誤：',
    required: '請填寫{{label}}',
    invalid: '請填寫正確的{{label}}',
    // 可能是本人之前送出的：說清楚已經送出過，以及是本人時怎麼辦。
    duplicate: '{{label}}已經送出過，如果是您本人送出的，不必再次送出',
    duplicateValue: '{{label}}「{{value}}」已經送出過，如果是您本人送出的，不必再次送出',
  },
  ui: {
    details: '技術細節',
    code: '狀態碼',
    errorCode: '錯誤代碼',
    status: 'HTTP 狀態',
    serverMessage: '伺服器訊息',
    detail: '詳細資訊',
    endpoint: '請求網址',
    reference: '問題編號',
    labelled: '{{label}}：{{value}}',
    copy: '複製技術細節',
    copied: '已複製',
    copyByHand: '已選取編號，請長按複製',
    errorNumber: '錯誤代碼 {{number}}',
    waitAuto: '{{seconds}} 秒後自動重試',
    waitAuto_write: '{{seconds}} 秒後自動為您送出',
    sending: '正在重試…',
    sending_write: '正在為您送出…',
    waitManual: '{{seconds}} 秒後可以重試',
    waitManual_write: '{{seconds}} 秒後可以重新送出',
    waitOver: '現在可以重試了',
    waitOver_write: '現在可以重新送出了',
    canClose: '您可以關閉這個頁面了。',
    showValues: '查看已填寫的內容',
    hideValues: '隱藏已填寫的內容',
    confirmingResend: '正在確認上次送出的內容是否已儲存…',
    draftQuestion: '上次填寫的表單還沒有成功送出，要繼續送出嗎？',
    draftSavedJustNow: '剛剛儲存',
    draftSavedMinutesAgo_other: '{{count}} 分鐘前儲存',
    draftSavedHoursAgo_other: '{{count}} 小時前儲存',
    draftSavedDaysAgo_other: '{{count}} 天前儲存',
    resumeDraft: '繼續送出',
    discardDraft: '放棄',
    offlineWaiting: '沒有網路，連線恢復後會自動送出',
    offlineSending: '正在送出…',
    sendNow: '立即送出',
    submitted: '送出成功',
    submittedBody: '您填寫的內容已經收到，無需再次送出。',
    fillAnother: '再填一份',
    loading: '正在載入…',
  },
};

// 工作人員（核銷櫃檯、營運頁面的人）讀的文案：說清楚壞在哪裡、怎麼修，用他們的話（草料、管理後台、連線），
// 不用 API Key、API、請求參數這類詞。
// 核銷可能已經生效時：草料查不到一次核銷是否成功，只能先看憑證的狀態。
const MAY_BE_DONE_STAFF = '請先查看這張憑證現在的狀態，確認還沒有核銷再重試。';
// 頁面本身的問題：重試沒有用，要找負責頁面的人。
const PAGE_FAULT_STAFF = '這是頁面本身的問題，重試也不會成功。請將問題編號提供給負責這個頁面的技術人員。';

const STAFF: StaffTexts = {
  errors: {
    400: {
      title_staff: '草料沒有接受這次操作',
      description_staff: `頁面傳給草料的內容有誤。${PAGE_FAULT_STAFF}`,
    },
    401: {
      title_staff: '頁面與草料的連線已失效',
      description_staff: '連線可能在草料管理後台被更換或刪除了，需要重新連線。如果您沒有權限，請聯絡管理員。',
    },
    403: {
      title_staff: '頁面與草料的連線只能檢視',
      description_staff: '這個連線沒有送出和核銷的權限。請管理員到草料管理後台開啟權限，再重新連線。',
    },
    404: {
      title_staff: '內容不存在或無權存取',
      description_staff: '請檢查連結中的表單或紀錄編號，並確認頁面連線的是這份表單所屬企業的草料帳號。',
    },
    429: {
      title_staff: '現在操作的人太多',
      description_staff: '短時間內的操作太多，草料暫時限制了存取，稍等片刻就會恢復。',
    },
    502: {
      title_write_staff: '草料沒有回應，無法確認是否核銷成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    100300: {
      title_staff: '草料系統出錯',
      description_staff: '不是您的操作造成的。請稍後重試；如果一直這樣，請將問題編號提供給草料客服。',
    },
    100301: {
      title_staff: '頁面傳出的內容不完整',
      description_staff: `頁面傳給草料的內容缺少必填項目，或格式不對。${PAGE_FAULT_STAFF}`,
    },
    100302: {
      title_staff: '頁面版本過舊',
      description_staff: '草料已經不再支援這個頁面使用的版本，需要技術人員更新頁面。',
    },
    100303: { title_staff: '紀錄不存在', description_staff: '找不到這筆紀錄，請檢查紀錄編號或連結。' },
    100304: {
      title_staff: '表單不存在',
      description_staff: '找不到這份表單。請檢查表單編號，或到草料管理後台確認表單是否還在。',
    },
    100305: {
      title_staff: '不支援此資料格式',
      description_staff: '草料無法依頁面要求的格式傳回資料，需要技術人員修正頁面。',
    },
    100306: {
      title_staff: 'QR Code 未關聯此表單',
      description_staff: '這個 QR Code 沒有關聯到這份表單，請到草料管理後台檢查 QR Code 的關聯設定。',
    },
    100314: {
      title_staff: 'QR Code 已暫停或停用',
      description_staff: 'QR Code 目前的狀態不允許送出，請到草料管理後台啟用它。',
    },
    100315: {
      title_staff: '頁面與草料的連線已停用',
      description_staff: '連線在草料管理後台被停用或刪除了，需要重新連線，或請管理員到管理後台啟用它。',
    },
    100316: {
      title_staff: '連線的不是本企業的草料帳號',
      description_staff: '頁面連線的草料帳號與這份表單所屬的企業不一致，請使用本企業的帳號重新連線。',
    },
    100317: {
      title_staff: '這個分類下沒有 QR Code',
      description_staff: '所選分類中沒有可用的 QR Code，請換一個分類。',
    },
    100318: {
      title_staff: '這個分類下的 QR Code 太多',
      description_staff: '所選分類中的 QR Code 數量超過系統上限，請選擇範圍較小的分類。',
    },
    100319: {
      title_staff: '核銷失敗',
      description_staff: '這張憑證未能核銷，請重試。如果仍然失敗，請聯絡管理員。',
    },
    100320: {
      title_staff: '憑證碼無效',
      description_staff: '找不到這張憑證，請重新掃描，或檢查輸入的憑證碼。',
    },
    100321: {
      title_staff: '這張憑證無法核銷',
      description_staff: '憑證所屬的表單沒有開啟核銷功能，需要管理員到管理後台開啟。',
    },
    100322: {
      title_staff: '憑證尚未通過審核',
      description_staff: '憑證對應的紀錄通過審核後才能核銷，請稍後再試。',
    },
    100323: {
      title_staff: '不在本次核銷範圍內',
      description_staff: '這張憑證屬於其他表單或 QR Code，不能在這裡核銷。',
    },
    100324: {
      title_staff: '這張憑證已經核銷過',
      description_staff: '這次核銷沒有生效：憑證目前的狀態不能再核銷。',
    },
    100325: {
      title_staff: '不支援這種核銷方式',
      description_staff: '這份表單沒有啟用它，請選擇其他核銷方式。',
    },
    100326: {
      title_staff: '目標狀態無效',
      description_staff: '所選的目標狀態不存在，或已經沒有下一個狀態，請選擇其他目標狀態。',
    },
    100327: { title_staff: '授權碼無效或已過期', description_staff: '請輸入新的核銷授權碼後再試。' },
    100328: {
      title_staff: '您沒有核銷這張憑證的權限',
      description_staff: '這次核銷沒有生效。請向管理員申請核銷權限，在此之前請由其他核銷人員核銷。',
    },
    network: {
      title_write_staff: '網路中斷，無法確認是否核銷成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    timeout: {
      title_staff: '草料長時間沒有回應',
      title_write_staff: '等候逾時，無法確認是否核銷成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    'invalid-response': {
      title_staff: '收到的內容無法讀取',
      description_staff: '可能是被所在的網路攔截了。請重試；如果一直這樣，請將問題編號提供給技術人員。',
      title_write_staff: '沒有收到有效結果，無法確認是否核銷成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    http: {
      title_staff: '草料傳回了不明錯誤',
      description_staff: '這個錯誤沒有說明原因。請稍後再試；如果一直這樣，請將問題編號提供給技術人員。',
      title_write_staff: '出錯了，無法確認是否核銷成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    unknown: {
      description_staff: '發生了意外錯誤，請重試；如果一直這樣，請將問題編號提供給技術人員。',
    },
  },
  actions: {
    retry_staff: '立即重試',
    retry_ambiguous_staff: '再試一次',
    'contact-support_staff': '聯絡客服',
    'contact-admin_staff': '聯絡管理員',
  },
  ui: {
    waitAuto_write_staff: '{{seconds}} 秒後自動重試',
    sending_write_staff: '正在重試…',
    waitManual_staff: '{{seconds}} 秒後可以重試',
    waitOver_staff: '現在可以重試了',
    verified_staff: '核銷成功',
    verifiedCode_staff: '憑證碼',
    verifiedStatus_staff: '憑證狀態',
    verifiedRecord_staff: '紀錄編號',
    verifyNext_staff: '核銷下一張',
  },
};

/**
 * 繁體中文文案，寫給工作人員（核銷櫃檯、營運頁面）：訪客的文案，加上工作人員自己的。
 * @example <ApiErrorsProvider languages={{ 'zh-Hant': zhHantStaff }} audience="staff">…</ApiErrorsProvider>
 */
export const zhHantStaff = /* @__PURE__ */ withStaffTexts(zhHant, STAFF);
