import type { ApiErrorsResource } from './resource.js';

// The base texts are for a visitor who scanned a QR code (no API vocabulary); `_staff` texts for
// the people at the verification desk or running the page; `_write` ones for a failed submission.
const FORM_UNAVAILABLE = {
  title: 'This form can’t be used right now',
  description:
    'Something is wrong with this page, not with anything you did. Try again later, or contact the organizer.',
  title_write: 'This form can’t be submitted right now',
  description_write:
    'Something is wrong with this page, not with anything you did. Your answers are still here. Please contact the organizer.',
};

// A submission that failed after it may have arrived (502, connection lost, timeout, an unreadable answer).
const MAY_BE_STORED =
  'We can’t tell whether your answers were saved. They’re all still here. If you submit again and the first one did arrive, there will be a duplicate.';
const MAY_BE_DONE_STAFF =
  'It may or may not have gone through. Check the certificate’s current status before you try again.';
const ANSWERS_KEPT = 'Your answers are still here.';
// The same, but the resend carries the same idempotency key, which the proxy remembers: it is saved once at most.
const RESEND_IS_SAFE =
  'We can’t tell whether your answers were saved. They’re all still here, and submitting again won’t save them twice.';

/** English texts (`caoliao-api-errors` namespace). */
export const en: ApiErrorsResource = {
  errors: {
    0: { title: 'Done', description: 'The request succeeded.' },
    400: {
      ...FORM_UNAVAILABLE,
      title_staff: 'The API didn’t accept this request',
      description_staff:
        'The request had invalid parameters (400). This is a problem with the page itself. Send the reference to the page’s developers.',
    },
    401: {
      ...FORM_UNAVAILABLE,
      title_staff: 'The API key no longer works',
      description_staff: 'The page’s API key is invalid or was replaced. Reconnect it in the admin console.',
    },
    403: {
      title: 'This form can’t take submissions right now',
      description: 'The form can be viewed but not submitted at the moment. Please contact the organizer.',
      title_staff: 'No write permission',
      description_staff:
        'The page’s API key can read but not write. Give this API key write permission in the admin console, or ask an administrator to.',
    },
    404: {
      title: 'We couldn’t find this page',
      description:
        'The link may have expired, or what it pointed to was deleted. Check that you scanned the right QR code or opened the right link.',
      title_staff: 'Not found, or not allowed',
      description_staff:
        'Check the form or record number in the link, and that the API key belongs to the organization that owns the form.',
    },
    429: {
      title: 'Lots of people are using this form right now',
      description: 'Many people are opening this at the same time. Please wait a moment.',
      title_write: 'Lots of people are submitting right now',
      description_write: `Many people are submitting at the same time. ${ANSWERS_KEPT}`,
      title_staff: 'Too many requests right now',
      description_staff: 'Requests came too fast, so the service is holding them back for a moment.',
    },
    502: {
      title: 'The service isn’t responding',
      description: 'The form service isn’t answering properly at the moment. It usually recovers quickly.',
      title_write: 'We couldn’t confirm your submission',
      description_write: `The service didn’t answer in time. ${MAY_BE_STORED}`,
      description_idempotent: `The service didn’t answer in time. ${RESEND_IS_SAFE}`,
      title_write_staff: 'We couldn’t confirm whether it worked',
      description_write_staff: `The service didn’t answer in time. ${MAY_BE_DONE_STAFF}`,
    },
    100300: {
      title: 'Something went wrong on our side',
      description:
        'The system ran into a problem, not caused by anything you did. Try again later; if it keeps happening, give the organizer the reference below.',
      description_write: `The system ran into a problem, not caused by anything you did. ${ANSWERS_KEPT} Try again later; if it keeps happening, give the organizer the reference below.`,
      title_staff: 'Internal service error',
      description_staff:
        'The service reported a system error (100300). Try again later; if it keeps happening, give support the reference.',
    },
    100301: {
      ...FORM_UNAVAILABLE,
      title_staff: 'Invalid request parameters',
      description_staff:
        'A required parameter is missing, or one has the wrong type or value (100301). Send the reference to the page’s developers.',
    },
    100302: {
      ...FORM_UNAVAILABLE,
      title_staff: 'API version not supported',
      description_staff:
        'The page uses an API version that is no longer supported (100302). The page’s developers must update it.',
    },
    100303: {
      title: 'We couldn’t find this record',
      description: 'It may have been deleted. Check that the link is right.',
      title_staff: 'Record not found',
      description_staff: 'There is no such record. Check the record number or link.',
    },
    100304: {
      title: 'We couldn’t find this form',
      description: 'It may have been deleted. Check that you scanned the right QR code.',
      title_staff: 'Form not found',
      description_staff:
        'There is no such form. Check the form number, or whether the form still exists in the admin console.',
    },
    100305: {
      ...FORM_UNAVAILABLE,
      title_staff: 'Output format not supported',
      description_staff:
        'The page asked for a data format the API doesn’t know (100305). The page’s developers must fix it.',
    },
    100306: {
      title: 'This QR code isn’t for this form',
      description:
        'The code you scanned isn’t linked to this form. Scan the QR code the organizer provided for this form.',
      title_staff: 'QR code not linked to the form',
      description_staff:
        'This QR code isn’t linked to this form. Check the code’s links in the admin console.',
    },
    100307: {
      title: 'Some answers have already been used',
      description: 'The marked answers were submitted before (perhaps by you). Change them and submit again.',
    },
    100308: {
      title: 'Some required answers are missing',
      description: 'Fill in the marked answers and submit again. Nothing you entered is lost.',
    },
    100309: {
      title: 'Some answers need checking',
      description: 'Check the marked answers, then submit again. Nothing you entered is lost.',
    },
    100310: {
      title: 'This form has expired',
      description: 'Part of this form has expired. Reload it before you submit.',
    },
    100311: {
      title: 'You’ve reached the submission limit',
      description:
        'Each person can submit this form only a limited number of times, and you have used them all. To change an answer, contact the organizer.',
    },
    100312: {
      title: 'This form is full',
      description: 'This form has reached its limit and isn’t accepting more submissions.',
    },
    100313: {
      title: 'This form isn’t open right now',
      description: 'It only accepts submissions at certain times. Please come back while it’s open.',
    },
    100314: {
      title: 'This QR code isn’t collecting answers',
      description:
        'The code has been paused or turned off, so it can’t take submissions. Please contact the organizer.',
      title_staff: 'The QR code is paused or disabled',
      description_staff: 'The code’s state doesn’t allow submissions. Turn it back on in the admin console.',
    },
    100315: {
      ...FORM_UNAVAILABLE,
      title_staff: 'API key invalid or disabled',
      description_staff: 'The page’s API key is invalid or was disabled. Reconnect it in the admin console.',
    },
    100316: {
      ...FORM_UNAVAILABLE,
      title_staff: 'API key belongs to another organization',
      description_staff:
        'The API key belongs to a different organization than the request. Reconnect with your organization’s key.',
    },
    100317: {
      title: 'No QR codes in this category',
      description: 'The category you chose has no usable QR codes. Choose another category.',
    },
    100318: {
      title: 'Too many QR codes in this category',
      description: 'The category holds more codes than can be handled at once. Choose a narrower category.',
    },
    100319: {
      title: 'Verification failed',
      description:
        'The certificate couldn’t be verified. Try again; if it keeps failing, contact the administrator.',
    },
    100320: {
      title: 'Certificate code not recognized',
      description: 'No certificate has this code. Scan it again, or check the code you typed.',
    },
    100321: {
      title: 'This certificate can’t be verified',
      description: 'Verification isn’t turned on for its form. An administrator has to turn it on.',
    },
    100322: {
      title: 'Not approved yet',
      description:
        'The record behind this certificate hasn’t been approved yet. It can be verified once it is.',
    },
    100323: {
      title: 'Not valid here',
      description: 'This certificate is for a different form or QR code from the one you’re verifying.',
    },
    100324: {
      title: 'This certificate was already verified',
      description:
        'This verification didn’t count: the certificate was verified before, or its status can’t be verified again.',
    },
    100325: {
      title: 'This verification method isn’t available',
      description: 'This form doesn’t use that verification method. Choose another method.',
    },
    100326: {
      title: 'That status isn’t available',
      description:
        'The target status doesn’t exist, or there is no next status. Choose another target status.',
    },
    100327: {
      title: 'Authorization code invalid or expired',
      description: 'Enter a new verification authorization code and try again.',
    },
    100328: {
      title: 'You can’t verify this certificate',
      description:
        'This verification didn’t count. Ask the administrator for permission to verify; until then, another verifier can verify it.',
    },
    100329: {
      title: 'Complete your identity details first',
      description:
        'Once your identity details are complete, verification of this certificate continues by itself.',
    },
    network: {
      title: 'Can’t connect',
      description: 'We couldn’t reach the service. Check your connection and try again.',
      title_write: 'Connection lost: we couldn’t confirm your submission',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
      title_write_staff: 'Connection lost: we couldn’t confirm whether it worked',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    timeout: {
      title: 'The service is taking too long',
      description: 'No answer came in time. Try again.',
      title_staff: 'The service timed out',
      title_write: 'No answer in time: we couldn’t confirm your submission',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
      title_write_staff: 'No answer in time: we couldn’t confirm whether it worked',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    aborted: {
      title: 'Canceled',
      description: 'It was stopped before it finished.',
      description_write: `It was stopped before it finished. ${ANSWERS_KEPT}`,
    },
    'invalid-response': {
      title: 'We couldn’t read the service’s answer',
      description:
        'The connection may be unstable. Try again, and contact the organizer if it keeps happening.',
      title_staff: 'Unexpected answer from the service',
      description_staff:
        'The answer couldn’t be read; a network proxy may have gotten in the way. Try again, and contact support if it persists.',
      title_write: 'Unreadable answer: we couldn’t confirm your submission',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
      title_write_staff: 'Unreadable answer: we couldn’t confirm whether it worked',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    http: {
      title: 'Something is wrong with this page',
      description: 'It’s not caused by anything you did. Try again later.',
      title_staff: 'The service returned an error',
      description_staff: 'The service answered with an HTTP error we don’t recognize. Try again later.',
      title_write: 'Service error: we couldn’t confirm your submission',
      description_write: MAY_BE_STORED,
      description_idempotent: RESEND_IS_SAFE,
      title_write_staff: 'Service error: we couldn’t confirm whether it worked',
      description_write_staff: MAY_BE_DONE_STAFF,
    },
    unknown: {
      title: 'Something went wrong',
      description:
        'Something unexpected happened, not caused by anything you did. Try again; if it keeps happening, give the organizer the reference below.',
      description_write: `Something unexpected happened, not caused by anything you did. ${ANSWERS_KEPT} Try again; if it keeps happening, give the organizer the reference below.`,
      description_staff:
        'An unexpected error occurred. Try again; if it keeps happening, give support the reference below.',
    },
  },
  actions: {
    retry: 'Try again now',
    retry_write: 'Submit again',
    retry_staff: 'Try again now',
    retry_ambiguous: 'Submit again anyway',
    retry_ambiguous_staff: 'Try again anyway',
    retry_idempotent: 'Submit again',
    retry_100319: 'Verify again',
    reauthenticate: 'Reconnect',
    'contact-support': 'Contact the organizer',
    'contact-support_staff': 'Contact support',
    'contact-admin': 'Contact the organizer',
    'contact-admin_staff': 'Contact the administrator',
    'request-permission': 'Ask for permission',
    'request-permission_100328': 'Ask for permission to verify',
    'go-back': 'Go back',
    rescan: 'Scan again',
    'fix-fields': 'Go to the first marked answer',
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
    'reload-page_100310': 'Reload (you’ll need to fill it in again)',
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
    invalid: '{{label}} isn’t valid—check what you entered',
    duplicate: '{{label}} has already been used—use a different one',
    duplicateValue: '{{label}} “{{value}}” has already been used—use a different one',
  },
  ui: {
    details: 'Technical details',
    code: 'Code',
    errorCode: 'Error code',
    status: 'HTTP status',
    serverMessage: 'Server message',
    detail: 'Detail',
    endpoint: 'Endpoint',
    reference: 'Reference',
    labelled: '{{label}}: {{value}}',
    copy: 'Copy details',
    copied: 'Copied',
    copyByHand: 'The reference is selected: copy it by hand',
    errorNumber: 'Error {{number}}',
    waitAuto: 'Trying again in {{seconds}} s',
    waitAuto_write: 'We’ll submit your answers in {{seconds}} s',
    waitAuto_write_staff: 'Trying again in {{seconds}} s',
    sending: 'Trying again…',
    sending_write: 'Submitting your answers…',
    sending_write_staff: 'Trying again…',
    waitManual: 'You can try again in {{seconds}} s',
    waitManual_write: 'You can submit again in {{seconds}} s',
    waitManual_staff: 'You can try again in {{seconds}} s',
    waitOver: 'You can try again now',
    waitOver_write: 'You can submit again now',
    waitOver_staff: 'You can try again now',
    canClose: 'You can close this page now.',
    showValues: 'Show your answers',
    hideValues: 'Hide your answers',
    confirmingResend: 'Checking whether your last submission was saved…',
    draftQuestion: 'You have a form that didn’t finish submitting. Submit it now?',
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
  },
};
