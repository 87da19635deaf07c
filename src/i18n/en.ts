import type { ApiErrorsResource } from './resource.js';

/** English texts of the `caoliao-api-errors` namespace. */
export const en: ApiErrorsResource = {
  errors: {
    0: { title: 'Done', description: 'The request went through.' },
    400: {
      title: 'This request couldn’t be processed',
      description:
        'The page sent something the service didn’t accept. This is a problem with the page, not with anything you did.',
    },
    401: {
      title: 'The connection to the form service has expired',
      description: 'The page can’t sign in to the form service. Reconnect, or let the administrator know.',
    },
    403: {
      title: 'Saving isn’t allowed here',
      description: 'This page can view but not save. Ask the administrator for write permission.',
    },
    404: {
      title: 'We couldn’t find this',
      description: 'It may have been removed, or you may not have access to it. Check the link or go back.',
    },
    429: {
      title: 'Too many requests right now',
      description: 'The service asked us to slow down. Wait a moment; the countdown shows when it can go on.',
    },
    502: {
      title: 'The service is temporarily unavailable',
      description: 'The form service didn’t respond properly. This usually passes quickly.',
    },
    100300: {
      title: 'Something went wrong on the service’s side',
      description:
        'The service ran into an internal problem. Try again later; if it keeps happening, give support the reference below.',
    },
    100301: {
      title: 'The page sent incomplete information',
      description:
        'Some information the service needs was missing or malformed. This is a problem with the page, not with your input.',
    },
    100302: {
      title: 'This page uses an unsupported version',
      description: 'The page asked for an API version the service doesn’t know. The page needs an update.',
    },
    100303: {
      title: 'Record not found',
      description: 'This record doesn’t exist or is no longer available. Check the link.',
    },
    100304: {
      title: 'Form not found',
      description: 'This form doesn’t exist or has been removed. Check that you scanned the right code.',
    },
    100305: {
      title: 'Unsupported format',
      description: 'The page asked for the data in a format the service can’t produce. The page needs a fix.',
    },
    100306: {
      title: 'This code doesn’t belong to this form',
      description:
        'The QR code you scanned isn’t linked to this form. Scan the code that comes with the form.',
    },
    100307: {
      title: 'This has already been submitted',
      description: 'A field that must be unique has a value that was used before. Check the marked field.',
    },
    100308: {
      title: 'Some required fields are empty',
      description: 'Fill in the marked fields, then submit again. Everything you entered is still here.',
    },
    100309: {
      title: 'Some answers aren’t accepted',
      description:
        'Check the marked fields: their format or content isn’t valid. Everything you entered is still here.',
    },
    100310: {
      title: 'This form has expired',
      description:
        'Something the form relies on has expired. Reload the form; what you entered is kept where possible.',
    },
    100311: {
      title: 'You’ve reached your submission limit',
      description: 'You have submitted this form as many times as it allows.',
    },
    100312: {
      title: 'This form is full',
      description: 'The form has reached the total number of submissions it accepts.',
    },
    100313: {
      title: 'Submissions aren’t open right now',
      description:
        'This form only accepts submissions at certain times. Come back during the submission window.',
    },
    100314: {
      title: 'This code isn’t accepting submissions',
      description: 'The QR code is paused or disabled. Contact whoever manages it.',
    },
    100315: {
      title: 'The access key is invalid or disabled',
      description:
        'The page’s key for the form service no longer works. Reconnect, or ask the administrator to check it.',
    },
    100316: {
      title: 'The access key belongs to another organization',
      description:
        'The page is connected with a key of another organization. Reconnect with your organization’s key, or ask the administrator to fix the setup.',
    },
    100317: {
      title: 'No codes in this category',
      description: 'The category you chose has no usable codes. Choose another category.',
    },
    100318: {
      title: 'Too many codes in this category',
      description: 'The category matches more codes than can be handled at once. Choose a narrower category.',
    },
    100319: {
      title: 'Verification failed',
      description:
        'The certificate couldn’t be verified. Try again; if it keeps failing, contact the administrator.',
    },
    100320: {
      title: 'Certificate code not recognized',
      description: 'The code doesn’t match any certificate. Scan it again or check the code you typed.',
    },
    100321: {
      title: 'Verification isn’t enabled',
      description: 'This form or certificate doesn’t allow verification. An administrator has to turn it on.',
    },
    100322: {
      title: 'Not approved yet',
      description: 'The record behind this certificate hasn’t been approved, so it can’t be verified yet.',
    },
    100323: {
      title: 'Certificate from another form',
      description: 'This certificate belongs to a different form or code than the one you are verifying for.',
    },
    100324: {
      title: 'Already verified or finished',
      description:
        'The certificate’s current status doesn’t allow verification; it may have been verified already.',
    },
    100325: {
      title: 'This action isn’t available',
      description: 'This form doesn’t support that verification action. Choose another action.',
    },
    100326: {
      title: 'That status isn’t available',
      description:
        'The target status doesn’t exist, or there is no next status to move to. Choose another status.',
    },
    100327: {
      title: 'Authorization code invalid or expired',
      description: 'Enter a fresh verification authorization code and try again.',
    },
    100328: {
      title: 'You can’t verify this certificate',
      description: 'You aren’t a verifier for this certificate. Ask the administrator to add you.',
    },
    100329: {
      title: 'Complete your identity information first',
      description:
        'Verifying needs your identity information. Complete it, and verification continues right after.',
    },
    network: {
      title: 'Can’t connect',
      description: 'We couldn’t reach the service. Check your connection and try again.',
    },
    timeout: {
      title: 'The service is taking too long',
      description: 'No answer came in time. Try again.',
    },
    aborted: {
      title: 'Request cancelled',
      description: 'The request was stopped before it finished.',
    },
    'invalid-response': {
      title: 'Unexpected answer from the service',
      description:
        'The answer couldn’t be read; a network proxy may have got in the way. Try again, and contact support if it persists.',
    },
    http: {
      title: 'The service returned an error',
      description: 'The service answered with an error we don’t recognise. Try again later.',
    },
    unknown: {
      title: 'Something went wrong',
      description:
        'An unexpected error occurred. Try again; if it keeps happening, give support the reference below.',
    },
  },
  actions: {
    retry: 'Try again now',
    reauthenticate: 'Reconnect',
    'contact-support': 'Contact support',
    'contact-admin': 'Contact the administrator',
    'request-permission': 'Ask for permission',
    'go-back': 'Go back',
    rescan: 'Scan the code again',
    'fix-fields': 'Go to the first marked field',
    reload: 'Reload the form',
    'choose-another': 'Choose another',
    'enter-certificate-code': 'Enter the certificate code again',
    'enter-auth-code': 'Enter a new authorization code',
    'complete-identity': 'Complete identity information',
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
    copy: 'Copy details',
    copied: 'Copied',
    errorNumber: 'Error {{number}}',
    retryingIn: 'Trying again in {{seconds}} s',
    retryIn: 'You can try again in {{seconds}} s',
    waitStarted: 'Too many requests. Please wait {{seconds}} seconds.',
    waitEnded: 'You can try again now.',
    retrying: 'Trying again…',
    writeMayHaveArrived: 'Your submission may already have gone through. Check before sending it again.',
  },
};
