import type { ApiErrorsResource } from './resource.js';
import { type StaffTexts, withStaffTexts } from './staff-texts.js';

// `en` is for a visitor who scanned a QR code: no API vocabulary, and the person to ask is the
// form's owner (a form may be an event sign-up as often as an inspection, a repair or a sign-in).
// `_write` texts are for a failed submission. The staff's texts are in STAFF below, making `enStaff`.
// Every headline fits two lines on a 390 px phone.
// The form's set-up is at fault: waiting or trying again won't help, its owner has to fix it.
const FORM_UNAVAILABLE = {
  title: 'This form isn’t working',
  description:
    'The problem is with how the form is set up, not with anything you did. Let the form’s owner know so they can fix it.',
  title_write: 'We couldn’t submit your answers',
  description_write:
    'The problem is with how the form is set up, not with anything you did. Your answers are still here. Let the form’s owner know so they can fix it.',
};

// A submission that failed after it may have arrived (502, connection lost, timeout, an unreadable
// answer). The headline already says it is unconfirmed: the body gives the reason and the choice.
const MAY_BE_STORED =
  'Your answers are still here. If they did get through, submitting again will save them twice.';
const ANSWERS_KEPT = 'Your answers are still here.';
// The same, but the resend carries the same idempotency key, which the proxy remembers: it is saved once at most.
const RESEND_IS_SAFE = 'Your answers are still here, and submitting again won’t save them twice.';

// Errors only the staff meet (code categories, certificate verification): a visitor's text only says the step
// is not theirs; the precise reason is in STAFF.
const STAFF_ONLY = {
  title: 'This can’t be done here',
  description: 'This step is for the staff. If you have a question, contact the form’s owner.',
};

/**
 * English texts (`caoliao-api-errors` namespace), for a visitor; the staff's are `enStaff`.
 * @example <ApiErrorsProvider languages={{ en }}>…</ApiErrorsProvider>
 */
export const en: ApiErrorsResource = {
  errors: {
    0: { title: 'Done', description: 'It went through.' },
    400: FORM_UNAVAILABLE,
    401: FORM_UNAVAILABLE,
    403: {
      title: 'This form can’t be submitted',
      description:
        'You can view it, but it doesn’t take submissions. If you need to submit it, contact the form’s owner.',
    },
    404: {
      title: 'Page not found',
      description:
        'The link may be out of date, or the page may have been removed. Check that you scanned the right QR code.',
    },
    429: {
      title: 'This form is busy right now',
      description: 'Lots of people are opening it at once. Please wait a moment.',
      title_write: 'This form is busy right now',
      description_write: `Lots of people are submitting at once. ${ANSWERS_KEPT}`,
    },
    502: {
      title: 'The service isn’t responding',
      description: 'This usually clears up quickly. Please try again in a moment.',
      title_write: 'We couldn’t confirm your submission',
      description_write: `The service didn’t reply. ${MAY_BE_STORED}`,
      description_idempotent: `The service didn’t reply. ${RESEND_IS_SAFE}`,
    },
    100300: {
      title: 'Something went wrong on our side',
      description:
        'It wasn’t caused by anything you did. Try again in a few minutes. If it keeps happening, send the form’s owner the reference below.',
      description_write: `It wasn’t caused by anything you did. ${ANSWERS_KEPT} Try again in a few minutes. If it keeps happening, send the form’s owner the reference below.`,
    },
    100301: FORM_UNAVAILABLE,
    100302: FORM_UNAVAILABLE,
    100303: {
      title: 'We couldn’t find this record',
      description: 'It may have been deleted. Check that the link is right.',
    },
    100304: {
      title: 'We couldn’t find this form',
      description: 'It may have been deleted. Check that you scanned the right QR code.',
    },
    100305: FORM_UNAVAILABLE,
    100306: {
      title: 'This QR code isn’t for this form',
      description: 'Find the QR code meant for this form and scan that one.',
    },
    100307: {
      title: 'Some answers were submitted before',
      description:
        'If you submitted this form earlier, there’s no need to do it again. If not, check the marked answers.',
    },
    100308: {
      title: 'Some required answers are missing',
      description: 'Fill in the marked answers, then submit again. Nothing you entered is lost.',
    },
    100309: {
      title: 'Some answers aren’t in the right format',
      description: 'Correct the marked answers, then submit again. Nothing you entered is lost.',
    },
    100310: {
      title: 'This page has expired',
      description: 'Reload it before you submit. You may need to enter your answers again.',
    },
    100311: {
      title: 'You can’t submit this form again',
      description:
        'You’ve used all the submissions it allows each person. To change an answer, contact the form’s owner.',
    },
    100312: {
      title: 'This form is full',
      description: 'It has all the submissions it can take.',
    },
    100313: {
      title: 'This form isn’t open right now',
      description: 'It only takes submissions at certain times. Please come back when it’s open.',
    },
    100314: {
      title: 'This QR code isn’t taking answers',
      description: 'It has been paused or turned off. If you need to submit, contact the form’s owner.',
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
    100329: {
      title: 'Complete your identity details first',
      description: 'Once they’re complete, verification carries on by itself.',
    },
    network: {
      title: 'Can’t connect',
      description: 'Check that you’re online, then try again.',
      title_write: 'We couldn’t confirm your submission',
      description_write: `The connection dropped. ${MAY_BE_STORED}`,
      description_idempotent: `The connection dropped. ${RESEND_IS_SAFE}`,
    },
    timeout: {
      title: 'The service is taking too long',
      description: 'Check your connection, then try again.',
      title_write: 'We couldn’t confirm your submission',
      description_write: `No reply came in time. ${MAY_BE_STORED}`,
      description_idempotent: `No reply came in time. ${RESEND_IS_SAFE}`,
    },
    aborted: {
      title: 'Canceled',
      description: 'It stopped before it finished.',
      description_write: `It stopped before it finished. ${ANSWERS_KEPT}`,
    },
    'invalid-response': {
      title: 'We couldn’t read the service’s reply',
      description:
        'Your connection may be unstable, or public Wi-Fi may want you to sign in first. Try again; if it keeps happening, contact the form’s owner.',
      title_write: 'We couldn’t confirm your submission',
      description_write: `The reply couldn’t be read. ${MAY_BE_STORED}`,
      description_idempotent: `The reply couldn’t be read. ${RESEND_IS_SAFE}`,
    },
    http: {
      title: 'Something is wrong with this page',
      description: 'It wasn’t caused by anything you did. Please try again in a few minutes.',
      title_write: 'We couldn’t confirm your submission',
      description_write: `The service ran into an error. ${MAY_BE_STORED}`,
      description_idempotent: `The service ran into an error. ${RESEND_IS_SAFE}`,
    },
    unknown: {
      title: 'Something went wrong',
      description:
        'It wasn’t caused by anything you did. Try again. If it keeps happening, send the form’s owner the reference below.',
      description_write: `It wasn’t caused by anything you did. ${ANSWERS_KEPT} Try again. If it keeps happening, send the form’s owner the reference below.`,
    },
  },
  actions: {
    retry: 'Try again',
    retry_write: 'Submit again',
    retry_ambiguous: 'Submit again anyway',
    retry_idempotent: 'Submit again',
    retry_100319: 'Verify again',
    reauthenticate: 'Reconnect',
    'contact-support': 'Contact the form’s owner',
    'contact-admin': 'Contact the form’s owner',
    'request-permission': 'Ask for permission',
    'request-permission_100328': 'Ask for permission to verify',
    'go-back': 'Go back',
    rescan: 'Scan again',
    'fix-fields': 'Go to the first problem',
    reload: 'Reload the form',
    'choose-another': 'Choose another',
    'choose-another_100317': 'Choose another category',
    'choose-another_100318': 'Choose a narrower category',
    'choose-another_100325': 'Choose another method',
    'choose-another_100326': 'Choose another target status',
    'enter-certificate-code': 'Scan or enter the code again',
    'enter-certificate-code_100321': 'Verify the next one',
    'enter-certificate-code_100322': 'Verify the next one',
    'enter-certificate-code_100323': 'Verify the next one',
    'enter-certificate-code_100324': 'Verify the next one',
    'enter-auth-code': 'Enter a new authorization code',
    'complete-identity': 'Complete your identity details',
    'reload-page': 'Reload the page',
    'reload-page_100310': 'Reload the page',
    'go-home': 'Go to the home page',
    'close-page': 'Close this page',
    'copy-reference': 'Copy the reference',
  },
  fields: {
    summaryTitle_one: 'There is a problem with {{count}} answer',
    summaryTitle_other: 'There are problems with {{count}} answers',
    prefix: 'Error: ',
    // The label comes first: it is the form's own words, capitalized as the form writes them.
    required: '{{label}} needs an answer',
    invalid: '{{label}} isn’t in the right format',
    duplicate: '{{label}} has already been submitted. If that was you, you don’t need to submit again.',
    duplicateValue:
      '{{label}} “{{value}}” has already been submitted. If that was you, you don’t need to submit again.',
  },
  ui: {
    details: 'Technical details',
    code: 'Code',
    errorCode: 'Error code',
    status: 'HTTP status',
    serverMessage: 'Server message',
    detail: 'Detail',
    endpoint: 'Address',
    reference: 'Reference',
    labelled: '{{label}}: {{value}}',
    copy: 'Copy details',
    copied: 'Copied',
    copyByHand: 'The reference is selected, ready for you to copy',
    errorNumber: 'Error {{number}}',
    waitAuto: 'Trying again in {{seconds}} s',
    waitAuto_write: 'We’ll submit your answers in {{seconds}} s',
    sending: 'Trying again…',
    sending_write: 'Submitting your answers…',
    waitManual: 'You can try again in {{seconds}} s',
    waitManual_write: 'You can submit again in {{seconds}} s',
    waitOver: 'You can try again now',
    waitOver_write: 'You can submit again now',
    canClose: 'You can close this page now.',
    showValues: 'Show your answers',
    hideValues: 'Hide your answers',
    confirmingResend: 'Checking whether your last submission was saved…',
    draftQuestion: 'Your answers from last time weren’t submitted. Submit them now?',
    draftSavedJustNow: 'Saved just now',
    draftSavedMinutesAgo_one: 'Saved {{count}} minute ago',
    draftSavedMinutesAgo_other: 'Saved {{count}} minutes ago',
    draftSavedHoursAgo_one: 'Saved {{count}} hour ago',
    draftSavedHoursAgo_other: 'Saved {{count}} hours ago',
    draftSavedDaysAgo_one: 'Saved {{count}} day ago',
    draftSavedDaysAgo_other: 'Saved {{count}} days ago',
    resumeDraft: 'Submit now',
    discardDraft: 'Discard',
    offlineWaiting: 'You’re offline. We’ll submit your answers when you’re back online.',
    offlineSending: 'Submitting your answers…',
    sendNow: 'Submit now',
    submitted: 'Submitted',
    submittedBody: 'We’ve received your answers. There’s no need to submit them again.',
    fillAnother: 'Fill in another',
    loading: 'Loading…',
  },
};

// What the staff read (at the verification desk, or running the page): what broke and how to fix
// it, in their words (the admin console, the page's connection), never API key, endpoint or parameters.
// A verification that may have gone through: the service can't look one up, only the certificate can tell.
const MAY_BE_DONE_STAFF = 'It may have gone through. Check the certificate’s status before you try again.';
// The page itself is at fault: trying again won't help.
const PAGE_FAULT_STAFF = 'The page needs fixing: give the administrator the reference.';

const STAFF: StaffTexts = {
  errors: {
    400: {
      title_staff: 'The service refused this page’s request',
      description_staff: `The page sent something the service can’t accept. ${PAGE_FAULT_STAFF}`,
    },
    401: {
      title_staff: 'This page is no longer connected',
      description_staff:
        'Its connection to the service was replaced or stopped working. Reconnect it, or ask the administrator to.',
    },
    403: {
      title_staff: 'This page can’t make changes',
      description_staff:
        'Its connection can look things up but can’t verify or submit. Give it permission in the admin console, or ask the administrator to.',
    },
    404: {
      title_staff: 'Not found, or not allowed',
      description_staff:
        'Check the form or record number in the link, and that this page is connected to the organization that owns the form.',
    },
    429: {
      title_staff: 'The service is busy',
      description_staff: 'A lot is arriving at once, so it’s holding new requests for a moment.',
    },
    502: {
      title_write_staff: 'We couldn’t confirm the verification',
      description_write_staff: `The service didn’t reply. ${MAY_BE_DONE_STAFF}`,
    },
    100300: {
      title_staff: 'The service had an internal problem',
      description_staff:
        'Try again in a few minutes. If it keeps happening, give support the reference below.',
    },
    100301: {
      title_staff: 'The page sent faulty details',
      description_staff: `Something the service needs was missing or in the wrong form. ${PAGE_FAULT_STAFF}`,
    },
    100302: {
      title_staff: 'This page is out of date',
      description_staff:
        'It talks to the service in a way that’s no longer supported. It needs updating: give the administrator the reference.',
    },
    100303: {
      title_staff: 'Record not found',
      description_staff: 'Check the record number in the link.',
    },
    100304: {
      title_staff: 'Form not found',
      description_staff:
        'Check the form number in the link, and that the form still exists in the admin console.',
    },
    100305: {
      title_staff: 'The page asked for an unknown format',
      description_staff: `The service can’t send its data that way. ${PAGE_FAULT_STAFF}`,
    },
    100306: {
      title_staff: 'This QR code isn’t linked to this form',
      description_staff: 'Link it to the form in the admin console, or use a code that is linked.',
    },
    100314: {
      title_staff: 'This QR code is paused or turned off',
      description_staff: 'It can’t take submissions until it’s turned back on in the admin console.',
    },
    100315: {
      title_staff: 'The connection was turned off',
      description_staff:
        'It’s no longer valid, or it was disabled in the admin console. Reconnect the page, or ask the administrator to.',
    },
    100316: {
      title_staff: 'Connected to the wrong organization',
      description_staff:
        'The form belongs to a different organization from the one this page uses. Reconnect the page to your organization.',
    },
    100317: {
      title_staff: 'No QR codes in this category',
      description_staff: 'Choose a category that has codes in it.',
    },
    100318: {
      title_staff: 'Too many QR codes in this category',
      description_staff: 'It holds more codes than can be handled at once. Choose a narrower category.',
    },
    100319: {
      title_staff: 'Verification failed',
      description_staff: 'Try again. If it keeps failing, contact the administrator.',
    },
    100320: {
      title_staff: 'Certificate code not recognized',
      description_staff: 'No certificate has this code. Scan it again, or check the code you entered.',
    },
    100321: {
      title_staff: 'This certificate can’t be verified',
      description_staff: 'Verification is turned off for its form. The administrator can turn it on.',
    },
    100322: {
      title_staff: 'This certificate isn’t approved yet',
      description_staff: 'Its submission is waiting for approval. You can verify it once it’s approved.',
    },
    100323: {
      title_staff: 'This certificate isn’t valid here',
      description_staff: 'It belongs to a different form or QR code from the one you’re verifying.',
    },
    100324: {
      title_staff: 'This certificate was already verified',
      description_staff: 'This scan didn’t count. Its current status can’t be verified again.',
    },
    100325: {
      title_staff: 'That method isn’t available',
      description_staff: 'This form doesn’t use that verification method. Choose another one.',
    },
    100326: {
      title_staff: 'That status isn’t available',
      description_staff:
        'It doesn’t exist, or the certificate has no next status. Choose another target status.',
    },
    100327: {
      title_staff: 'The authorization code isn’t valid',
      description_staff: 'It may be wrong or out of date. Enter a new one, then verify again.',
    },
    100328: {
      title_staff: 'You can’t verify this certificate',
      description_staff:
        'This verification didn’t count. Ask the administrator for permission, or have someone who has it verify the certificate.',
    },
    network: {
      title_write_staff: 'We couldn’t confirm the verification',
      description_write_staff: `The connection dropped. ${MAY_BE_DONE_STAFF}`,
    },
    timeout: {
      title_staff: 'The service took too long to reply',
      title_write_staff: 'We couldn’t confirm the verification',
      description_write_staff: `No reply came in time. ${MAY_BE_DONE_STAFF}`,
    },
    'invalid-response': {
      title_staff: 'Unreadable reply from the service',
      description_staff:
        'Something on the network may have changed it on the way, such as a Wi-Fi sign-in page. Try again; if it keeps happening, contact support.',
      title_write_staff: 'We couldn’t confirm the verification',
      description_write_staff: `The reply couldn’t be read. ${MAY_BE_DONE_STAFF}`,
    },
    http: {
      title_staff: 'The service returned an error',
      description_staff:
        'It’s an error this page doesn’t recognize. Try again in a few minutes; if it keeps happening, give support the reference below.',
      title_write_staff: 'We couldn’t confirm the verification',
      description_write_staff: `The service ran into an error. ${MAY_BE_DONE_STAFF}`,
    },
    unknown: {
      description_staff:
        'Something unexpected happened. Try again; if it keeps happening, give support the reference below.',
    },
  },
  actions: {
    retry_staff: 'Try again',
    retry_ambiguous_staff: 'Try again anyway',
    'contact-support_staff': 'Contact support',
    'contact-admin_staff': 'Contact the administrator',
  },
  ui: {
    waitAuto_write_staff: 'Trying again in {{seconds}} s',
    sending_write_staff: 'Trying again…',
    waitManual_staff: 'You can try again in {{seconds}} s',
    waitOver_staff: 'You can try again now',
    verified_staff: 'Certificate verified',
    verifiedCode_staff: 'Certificate code',
    verifiedStatus_staff: 'Status',
    verifiedRecord_staff: 'Record',
    verifyNext_staff: 'Verify the next one',
  },
};

/**
 * English texts for the staff (the verification desk, a page's operators): the visitor's, with the
 * staff's own over them.
 * @example <ApiErrorsProvider languages={{ en: enStaff }} audience="staff">…</ApiErrorsProvider>
 */
export const enStaff = /* @__PURE__ */ withStaffTexts(en, STAFF);
