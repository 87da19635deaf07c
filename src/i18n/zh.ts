import type { ApiErrorsResource } from './resource.js';
import { type StaffTexts, withStaffTexts } from './staff-texts.js';

// `zh` 写给扫码填表的访客：不出现接口术语，找人时找“表单发布方”（表单可能是活动报名，也可能是巡检、
// 报修、签到）。`_write` 用于提交或核销失败时。工作人员的文案在下面的 STAFF 里，组成 `zhStaff`。
// 标题在 390 px 宽的手机上不超过两行，较长的标题在逗号处断开。
// 页面的设置出了问题（参数、版本、连接）：重试没有用，要找表单发布方。
const FORM_UNAVAILABLE = {
  title: '这份表单现在无法使用',
  description: '页面的设置出了问题，不是您的操作造成的。请联系表单发布方处理。',
  title_write: '这份表单现在无法提交',
  description_write: '页面的设置出了问题，不是您的操作造成的。您填写的内容都还在，请联系表单发布方处理。',
};

// 提交失败、但可能已经保存时（502、网络中断、超时、无法读取的结果）：标题已经说了“无法确认”，这里只说
// 内容还在、再提交一次会怎样。
const MAY_BE_STORED = '您填写的内容都还在。如果再提交一次，可能会多出一条重复的记录。';
const ANSWERS_KEPT = '您填写的内容都还在。';
// 同样的情况，但再提交时带着同一个幂等键、由代理记住：再提交一次也只会保存一条。
const RESEND_IS_SAFE = '您填写的内容都还在，重新提交不会重复记录。';

// 只有工作人员会遇到的错误（二维码分类、凭证核销）：访客的文案只说这一步不归他处理，准确的原因在 STAFF 里。
const STAFF_ONLY = {
  title: '现在无法完成这项操作',
  description: '这一步需要工作人员处理。如有疑问，请联系表单发布方。',
};

/**
 * 简体中文文案（`caoliao-api-errors` 命名空间），写给访客；工作人员用 `zhStaff`。
 * @example <ApiErrorsProvider languages={{ zh }}>…</ApiErrorsProvider>
 */
export const zh: ApiErrorsResource = {
  errors: {
    0: { title: '操作成功', description: '请求已完成。' },
    400: FORM_UNAVAILABLE,
    401: FORM_UNAVAILABLE,
    403: {
      title: '这份表单目前不能提交',
      description: '这份表单现在只能查看，不是您的操作造成的。如需提交，请联系表单发布方。',
    },
    404: {
      title: '没有找到这个页面',
      description: '链接可能已经失效，或者内容已被删除。请确认扫描的二维码或打开的链接是否正确。',
    },
    429: {
      title: '访问的人有点多',
      description: '请稍等几秒，马上就能继续。',
      title_write: '提交的人有点多',
      description_write: '您填写的内容都还在，稍等几秒就能提交。',
    },
    502: {
      title: '服务暂时没有响应',
      description: '通常很快就会恢复，请稍后再试。',
      title_write: '服务没有响应，无法确认是否已提交',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    100300: {
      title: '服务出了点问题',
      description: '不是您的操作造成的。请稍后再试；如果一直这样，请把下方的问题编号发给表单发布方。',
      description_write: `不是您的操作造成的，${ANSWERS_KEPT}请稍后再试；如果一直这样，请把下方的问题编号发给表单发布方。`,
    },
    100301: FORM_UNAVAILABLE,
    100302: FORM_UNAVAILABLE,
    100303: {
      title: '没有找到这条记录',
      description: '记录可能已被删除，请确认链接是否正确。',
    },
    100304: {
      title: '没有找到这份表单',
      description: '表单可能已被删除，请确认扫描的是正确的二维码。',
    },
    100305: FORM_UNAVAILABLE,
    100306: {
      title: '二维码和表单不匹配',
      description: '这个二维码没有关联这份表单，请扫描表单发布方提供的二维码。',
    },
    100307: {
      title: '有内容已经提交过',
      description: '如果是您本人之前提交的，无需再次提交；如果不是，请检查标出的内容是否填错。',
    },
    100308: { title: '还有必填项没有填写', description: '请补上标出的内容再提交，已填写的内容都还在。' },
    100309: {
      title: '有些内容填写不正确',
      description: '请按标出的提示修改后再提交，已填写的内容都还在。',
    },
    100310: {
      title: '表单已过期，需要重新加载',
      description: '重新加载后才能提交，已填写的内容可能需要重新填写。',
    },
    100311: {
      title: '您的提交次数已用完',
      description: '这份表单每人只能提交有限的次数。如需修改已提交的内容，请联系表单发布方。',
    },
    100312: { title: '表单名额已满', description: '这份表单不再接受新的提交。' },
    100313: {
      title: '现在不在开放时间内',
      description: '这份表单只在规定的时间内接受提交，请到时再来。',
    },
    100314: {
      title: '这个二维码已暂停收集',
      description: '现在不能通过它提交。如有疑问，请联系表单发布方。',
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
    100329: { title: '核销前请先完善身份信息', description: '完善后，会自动继续核销这张凭证。' },
    network: {
      title: '网络连接失败',
      description: '暂时连不上服务，请检查网络后重试。',
      title_write: '网络中断，无法确认是否已提交',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    timeout: {
      title: '等待时间太长',
      description: '服务长时间没有响应，请重试。',
      title_write: '等待超时，无法确认是否已提交',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    aborted: {
      title: '已取消',
      description: '操作在完成前被取消了。',
      description_write: `操作在完成前被取消了。${ANSWERS_KEPT}`,
    },
    'invalid-response': {
      title: '没能读取服务返回的结果',
      description: '可能是网络不稳定。请重试；如果一直这样，请联系表单发布方。',
      title_write: '没有收到有效结果，无法确认是否已提交',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    http: {
      title: '页面暂时出了点问题',
      description: '不是您的操作造成的，请稍后再试。',
      title_write: '服务出错，无法确认是否已提交',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
    },
    unknown: {
      title: '出了点问题',
      description: '不是您的操作造成的。请重试；如果一直这样，请把下方的问题编号发给表单发布方。',
      description_write: `不是您的操作造成的，${ANSWERS_KEPT}请重试；如果一直这样，请把下方的问题编号发给表单发布方。`,
    },
  },
  actions: {
    retry: '立即重试',
    retry_write: '重新提交',
    retry_ambiguous: '再提交一次',
    retry_idempotent: '重新提交',
    retry_100319: '重新核销',
    reauthenticate: '重新连接',
    'contact-support': '联系表单发布方',
    'contact-admin': '联系表单发布方',
    'request-permission': '申请权限',
    'request-permission_100328': '申请核销权限',
    'go-back': '返回上一页',
    rescan: '重新扫码',
    'fix-fields': '转到第一项',
    reload: '重新加载表单',
    'choose-another': '重新选择',
    'choose-another_100317': '换一个分类',
    'choose-another_100318': '选择范围更小的分类',
    'choose-another_100325': '选择其他核销方式',
    'choose-another_100326': '选择其他目标状态',
    'enter-certificate-code': '重新扫码或输入',
    'enter-certificate-code_100321': '核销下一张',
    'enter-certificate-code_100322': '核销下一张',
    'enter-certificate-code_100323': '核销下一张',
    'enter-certificate-code_100324': '核销下一张',
    'enter-auth-code': '输入新的授权码',
    'complete-identity': '去完善身份信息',
    'reload-page': '重新加载页面',
    'reload-page_100310': '重新加载',
    'go-home': '返回首页',
    'close-page': '关闭页面',
    'copy-reference': '复制问题编号',
  },
  fields: {
    // 一次提交标出的各项，可能是没填，也可能是填错了或已提交过：这句对每一种都成立。
    summaryTitle_other: '还有 {{count}} 项需要填写或修改',
    prefix: '错误：',
    required: '请填写{{label}}',
    invalid: '请填写正确的{{label}}',
    // 可能是本人之前提交的：说清楚已经提交过，以及是本人时怎么办。
    duplicate: '{{label}}已经提交过，如果是您本人提交的，无需再次提交',
    duplicateValue: '{{label}}“{{value}}”已经提交过，如果是您本人提交的，无需再次提交',
  },
  ui: {
    details: '技术详情',
    code: '状态码',
    errorCode: '错误码',
    status: 'HTTP 状态',
    serverMessage: '服务端消息',
    detail: '详细信息',
    endpoint: '请求地址',
    reference: '问题编号',
    labelled: '{{label}}：{{value}}',
    copy: '复制详情',
    copied: '已复制',
    copyByHand: '已选中编号，请长按复制',
    errorNumber: '错误码 {{number}}',
    waitAuto: '{{seconds}} 秒后自动重试',
    waitAuto_write: '{{seconds}} 秒后自动为您提交',
    sending: '正在重试…',
    sending_write: '正在为您提交…',
    waitManual: '{{seconds}} 秒后可以重试',
    waitManual_write: '{{seconds}} 秒后可以重新提交',
    waitOver: '现在可以重试了',
    waitOver_write: '现在可以重新提交了',
    canClose: '您可以关闭这个页面了。',
    showValues: '查看已填写的内容',
    hideValues: '收起已填写的内容',
    confirmingResend: '正在确认上次提交是否已保存…',
    draftQuestion: '上次填写的表单还没有提交成功，要继续提交吗？',
    draftSavedJustNow: '刚刚保存',
    draftSavedMinutesAgo_other: '{{count}} 分钟前保存',
    draftSavedHoursAgo_other: '{{count}} 小时前保存',
    draftSavedDaysAgo_other: '{{count}} 天前保存',
    resumeDraft: '继续提交',
    discardDraft: '放弃',
    offlineWaiting: '没有网络，连接恢复后会自动提交',
    offlineSending: '正在提交…',
    sendNow: '立即提交',
    submitted: '提交成功',
    submittedBody: '您填写的内容已经收到，无需再次提交。',
    fillAnother: '再填一份',
    loading: '正在加载…',
  },
};

// 工作人员（核销台、运营页面的人）读的文案：说清楚坏在哪里、怎么修，用他们的话（草料、后台、连接），
// 不用 API Key、接口、请求参数这类词。
// 核销可能已经生效时：草料查不到一次核销是否成功，只能先看凭证的状态。
const MAY_BE_DONE_STAFF = '请先查看这张凭证现在的状态，确认还没有核销再重试。';
// 页面本身的问题：重试没有用，要找负责页面的人。
const PAGE_FAULT_STAFF = '这是页面本身的问题，重试也不会成功。请把问题编号发给负责这个页面的技术人员。';

const STAFF: StaffTexts = {
  errors: {
    400: {
      title_staff: '草料没有接受这次操作',
      description_staff: `页面发给草料的内容有误。${PAGE_FAULT_STAFF}`,
    },
    401: {
      title_staff: '页面与草料的连接已失效',
      description_staff: '连接可能在草料后台被更换或删除了，需要重新连接。如果您没有权限，请联系管理员。',
    },
    403: {
      title_staff: '页面与草料的连接只能查看',
      description_staff: '这个连接没有提交和核销的权限。请管理员在草料后台开通权限，再重新连接。',
    },
    404: {
      title_staff: '内容不存在或无权访问',
      description_staff: '请检查链接中的表单或记录编号，并确认页面连接的是这份表单所在企业的草料账号。',
    },
    429: {
      title_staff: '现在操作的人太多',
      description_staff: '短时间内的操作太多，草料暂时限制了访问，稍等片刻就会恢复。',
    },
    502: {
      title_write_staff: '草料没有响应，无法确认是否核销成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    100300: {
      title_staff: '草料系统出错',
      description_staff: '不是您的操作造成的。请稍后重试；如果一直这样，请把问题编号发给草料客服。',
    },
    100301: {
      title_staff: '页面发出的内容不完整',
      description_staff: `页面发给草料的内容缺少必填项，或格式不对。${PAGE_FAULT_STAFF}`,
    },
    100302: {
      title_staff: '页面版本过旧',
      description_staff: '草料已经不再支持这个页面使用的版本，需要技术人员更新页面。',
    },
    100303: { title_staff: '记录不存在', description_staff: '找不到这条记录，请检查记录编号或链接。' },
    100304: {
      title_staff: '表单不存在',
      description_staff: '找不到这份表单。请检查表单编号，或在草料后台确认表单是否还在。',
    },
    100305: {
      title_staff: '数据格式不受支持',
      description_staff: '草料无法按页面要求的格式返回数据，需要技术人员修正页面。',
    },
    100306: {
      title_staff: '二维码未关联该表单',
      description_staff: '这个二维码没有关联这份表单，请在草料后台检查二维码的关联设置。',
    },
    100314: {
      title_staff: '二维码已暂停或停用',
      description_staff: '二维码现在的状态不允许提交，请在草料后台启用它。',
    },
    100315: {
      title_staff: '页面与草料的连接已停用',
      description_staff: '连接在草料后台被停用或删除了，需要重新连接，或请管理员在后台启用它。',
    },
    100316: {
      title_staff: '连接的不是本企业的草料账号',
      description_staff: '页面连接的草料账号与这份表单所属的企业不一致，请用本企业的账号重新连接。',
    },
    100317: {
      title_staff: '这个分类下没有二维码',
      description_staff: '所选分类中没有可用的二维码，请换一个分类。',
    },
    100318: {
      title_staff: '这个分类下的二维码太多',
      description_staff: '所选分类中的二维码数量超出了系统上限，请选择范围更小的分类。',
    },
    100319: {
      title_staff: '核销失败',
      description_staff: '这张凭证没能核销，请重试。如果仍然失败，请联系管理员。',
    },
    100320: {
      title_staff: '凭证码无效',
      description_staff: '没有找到这张凭证，请重新扫码，或检查输入的凭证码。',
    },
    100321: {
      title_staff: '这张凭证不能核销',
      description_staff: '凭证所在的表单没有开启核销功能，需要管理员在后台开启。',
    },
    100322: {
      title_staff: '凭证尚未审核通过',
      description_staff: '凭证对应的记录审核通过后才能核销，请稍后再试。',
    },
    100323: {
      title_staff: '不在本次核销范围内',
      description_staff: '这张凭证属于其他表单或二维码，不能在这里核销。',
    },
    100324: {
      title_staff: '这张凭证已经核销过',
      description_staff: '这次核销没有生效：凭证现在的状态不能再核销。',
    },
    100325: {
      title_staff: '不支持这种核销方式',
      description_staff: '这份表单没有启用它，请选择其他核销方式。',
    },
    100326: {
      title_staff: '目标状态无效',
      description_staff: '所选的目标状态不存在，或者已经没有下一个状态，请选择其他目标状态。',
    },
    100327: { title_staff: '授权码无效或已过期', description_staff: '请输入新的核销授权码后再试。' },
    100328: {
      title_staff: '您没有核销这张凭证的权限',
      description_staff: '这次核销没有生效。请向管理员申请核销权限，在此之前请由其他核销员核销。',
    },
    network: {
      title_write_staff: '网络中断，无法确认是否核销成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    timeout: {
      title_staff: '草料长时间没有响应',
      title_write_staff: '等待超时，无法确认是否核销成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    'invalid-response': {
      title_staff: '收到的内容无法读取',
      description_staff: '可能是被所在的网络拦截了。请重试；如果一直这样，请把问题编号发给技术人员。',
      title_write_staff: '没有收到有效结果，无法确认是否核销成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    http: {
      title_staff: '草料返回了未知错误',
      description_staff: '这个错误没有说明原因。请稍后再试；如果一直这样，请把问题编号发给技术人员。',
      title_write_staff: '出错了，无法确认是否核销成功',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    unknown: {
      description_staff: '发生了意外错误，请重试；如果一直这样，请把问题编号发给技术人员。',
    },
  },
  actions: {
    retry_staff: '立即重试',
    retry_ambiguous_staff: '再试一次',
    'contact-support_staff': '联系客服',
    'contact-admin_staff': '联系管理员',
  },
  ui: {
    waitAuto_write_staff: '{{seconds}} 秒后自动重试',
    sending_write_staff: '正在重试…',
    waitManual_staff: '{{seconds}} 秒后可以重试',
    waitOver_staff: '现在可以重试了',
    verified_staff: '核销成功',
    verifiedCode_staff: '凭证码',
    verifiedStatus_staff: '凭证状态',
    verifiedRecord_staff: '记录编号',
    verifyNext_staff: '核销下一张',
  },
};

/**
 * 简体中文文案，写给工作人员（核销台、运营页面）：访客的文案，加上工作人员自己的。
 * @example <ApiErrorsProvider languages={{ zh: zhStaff }} audience="staff">…</ApiErrorsProvider>
 */
export const zhStaff = /* @__PURE__ */ withStaffTexts(zh, STAFF);
