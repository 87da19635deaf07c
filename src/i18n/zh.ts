import type { ApiErrorsResource } from './resource.js';

/** 中文文案(`caoliao-api-errors` 命名空间)。 */
export const zh: ApiErrorsResource = {
  errors: {
    0: { title: '操作成功', description: '请求已完成。' },
    400: {
      title: '请求无法处理',
      description: '页面发送的内容未被接受。这是页面本身的问题，与您的操作无关。',
    },
    401: {
      title: '表单服务连接已失效',
      description: '页面与表单服务的连接已失效，请重新连接，或联系管理员处理。',
    },
    403: {
      title: '当前页面无权保存',
      description: '这个页面只能查看，不能保存内容。请联系管理员开通写入权限。',
    },
    404: {
      title: '没有找到相关内容',
      description: '内容可能已被删除，或者您没有访问权限。请检查链接或返回上一页。',
    },
    429: { title: '操作过于频繁', description: '请稍等片刻，倒计时结束后即可继续。' },
    502: { title: '服务暂时不可用', description: '表单服务暂时没有正常响应，通常很快就会恢复。' },
    100300: {
      title: '服务出了点问题',
      description: '服务内部出现异常。请稍后再试；如果一直出现，请把下方的问题编号提供给客服。',
    },
    100301: {
      title: '页面发送的信息不完整',
      description: '服务需要的信息缺失或格式不对。这是页面本身的问题，与您填写的内容无关。',
    },
    100302: {
      title: '页面使用的版本不受支持',
      description: '页面使用的接口版本已不受支持，需要管理员更新页面。',
    },
    100303: { title: '记录不存在', description: '这条记录不存在或已无法查看，请检查链接。' },
    100304: { title: '表单不存在', description: '这份表单不存在或已被删除，请确认扫描的是正确的二维码。' },
    100305: { title: '数据格式不受支持', description: '页面请求的数据格式不受支持，需要管理员修复页面。' },
    100306: {
      title: '二维码与表单不匹配',
      description: '您扫描的二维码没有关联这份表单，请扫描表单对应的二维码。',
    },
    100307: {
      title: '有内容与已提交的记录重复',
      description: '标出的项目不能重复，请修改后再提交。',
    },
    100308: { title: '还有必填项没有填写', description: '请补充标出的项目后再提交，已填写的内容不会丢失。' },
    100309: {
      title: '部分内容不符合要求',
      description: '请检查标出的项目，格式或内容不正确。已填写的内容不会丢失。',
    },
    100310: {
      title: '表单已过期',
      description: '页面停留时间过长，相关内容已过期。请刷新表单，已填写的内容会尽量保留。',
    },
    100311: { title: '您的提交次数已达上限', description: '您提交这份表单的次数已经达到允许的上限。' },
    100312: { title: '表单提交名额已满', description: '这份表单的总提交次数已达上限。' },
    100313: {
      title: '当前不在提交时间内',
      description: '这份表单只在规定时间内接受提交，请在开放时间内再来。',
    },
    100314: { title: '该二维码暂不接受提交', description: '二维码已暂停或停用，请联系二维码的管理者。' },
    100315: {
      title: '访问密钥无效或已停用',
      description: '页面使用的访问密钥已经失效。请重新连接，或请管理员检查密钥。',
    },
    100316: {
      title: '访问密钥不属于本企业',
      description: '页面连接的是其他企业的访问密钥，请用本企业的密钥重新连接，或请管理员修正配置。',
    },
    100317: { title: '该分类下没有二维码', description: '所选分类中没有可用的二维码，请换一个分类。' },
    100318: {
      title: '该分类下的二维码数量超出上限',
      description: '所选分类中的二维码数量超出了系统限制，请选择范围更小的分类。',
    },
    100319: { title: '核销失败', description: '这张凭证未能核销。请重试；如果仍然失败，请联系管理员。' },
    100320: { title: '凭证码无效', description: '没有找到对应的凭证，请重新扫码或检查输入的凭证码。' },
    100321: { title: '未开启核销', description: '这份表单或凭证没有开启核销功能，需要管理员开启。' },
    100322: { title: '凭证尚未审核通过', description: '凭证对应的记录还没有通过审核，暂时不能核销。' },
    100323: {
      title: '凭证不属于本次核销范围',
      description: '这张凭证属于其他表单或二维码，不在本次核销的范围内。',
    },
    100324: { title: '凭证已核销或流程已结束', description: '凭证当前的状态不允许核销，可能已经核销过了。' },
    100325: { title: '不支持该核销操作', description: '这份表单不支持这种核销方式，请选择其他操作。' },
    100326: {
      title: '目标状态无效',
      description: '目标状态不存在，或者已经没有下一个状态了，请选择其他状态。',
    },
    100327: { title: '核销授权码无效或已过期', description: '请输入新的核销授权码后再试。' },
    100328: { title: '您没有核销这张凭证的权限', description: '您不是这张凭证的核销员，请联系管理员添加。' },
    100329: {
      title: '请先完善身份信息',
      description: '核销前需要先完善您的身份信息，完成后会自动继续核销。',
    },
    network: { title: '网络连接失败', description: '无法连接到服务，请检查网络后重试。' },
    timeout: { title: '服务响应超时', description: '服务长时间没有响应，请重试。' },
    aborted: { title: '请求已取消', description: '请求在完成之前被取消了。' },
    'invalid-response': {
      title: '服务返回了无法识别的内容',
      description: '返回的内容无法读取，可能被网络代理拦截了。请重试，如果仍然出现请联系客服。',
    },
    http: { title: '服务返回了错误', description: '服务返回了一个无法识别的错误，请稍后再试。' },
    unknown: {
      title: '出了点问题',
      description: '发生了意外错误。请重试；如果一直出现，请把下方的问题编号提供给客服。',
    },
  },
  actions: {
    retry: '立即重试',
    reauthenticate: '重新连接',
    'contact-support': '联系客服',
    'contact-admin': '联系管理员',
    'request-permission': '申请权限',
    'go-back': '返回上一页',
    rescan: '重新扫码',
    'fix-fields': '去修改',
    reload: '重新加载表单',
    'choose-another': '重新选择',
    'enter-certificate-code': '重新输入凭证码',
    'enter-auth-code': '输入新的授权码',
    'complete-identity': '去完善身份信息',
  },
  ui: {
    details: '技术详情',
    code: '状态码',
    errorCode: '错误码',
    status: 'HTTP 状态',
    serverMessage: '服务端消息',
    detail: '详细信息',
    endpoint: '接口',
    reference: '问题编号',
    copy: '复制详情',
    copied: '已复制',
    errorNumber: '错误码 {{number}}',
    retryingIn: '{{seconds}} 秒后自动重试',
    retryIn: '{{seconds}} 秒后可以重试',
    waitStarted: '请求太频繁，请等待 {{seconds}} 秒。',
    waitEnded: '现在可以重试了。',
    retrying: '正在重试…',
    writeMayHaveArrived: '您的提交可能已经成功，请先确认，避免重复提交。',
  },
};
