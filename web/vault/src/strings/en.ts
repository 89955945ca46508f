// The vault app's English text: the reference every other language is checked against
// (strings.test.ts) and the fallback for a language not written yet. Plain words for a person who
// may be scared, in a hurry or reading in a second language.
export const en = {
  languageName: 'English',
  appName: 'My vault',
  neutralAppName: 'Notes',
  quickExit: 'Exit this page',
  quickExitHint: 'To leave fast: press Escape.',
  lock: 'Lock',
  back: 'Back',
  cancel: 'Cancel',
  working: 'Working…',
  offline: 'No connection. What you add waits here, encrypted, and uploads when you are online.',
  offlineLocked:
    'No connection. Opening or making a vault needs the internet: its key is kept, locked, on the server.',
  error: 'Something went wrong. Try again.',
  sessionEnded: 'The vault locked itself. Unlock it again.',

  startHeading: 'Open your vault',
  startIntro:
    'Your vault keeps photos, messages, files and notes encrypted with a key only you have. Nobody else can read them, not even us.',
  vaultIdLabel: 'Vault id',
  vaultIdHint: 'Four groups of five letters or digits, for example 7K2QH-M9XTR-4VBNC-8WDJE.',
  passphraseLabel: 'Passphrase',
  unlock: 'Unlock',
  unlocking: 'Opening the vault… this takes a few seconds.',
  wrongSecret: 'That did not open a vault. Check the vault id and the passphrase.',
  throttled: (seconds: number) =>
    `Too many wrong attempts. To protect the vault, wait ${seconds} seconds before you try again.`,
  useRecovery: 'I forgot my passphrase: use the recovery code',
  createHeading: 'New vault',
  createIntro:
    'No name, e-mail or phone number is needed. You get a vault id and a recovery code to write down.',
  createButton: 'Make a new vault',

  newPassphraseLabel: 'Choose a passphrase',
  newPassphraseHint:
    'Several words only you would think of, for example four words and a number. Nobody can reset it for you.',
  repeatPassphraseLabel: 'Type the passphrase again',
  strength: ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'],
  strengthLabel: 'Strength',
  strengthLoading: 'Checking the strength…',
  tooWeak: 'Choose a stronger passphrase: more words, less common ones.',
  notSame: 'The two passphrases are not the same.',
  creating: 'Making your vault… this takes a few seconds.',

  createdHeading: 'Write these down',
  createdIntro:
    'Write them on paper and keep it somewhere safe. They are shown only now. Without them you cannot open your vault on another device.',
  yourVaultId: 'Your vault id',
  yourRecoveryCode: 'Your recovery code (if you forget the passphrase)',
  writtenDown: 'I have written down the vault id and the recovery code',
  continue: 'Continue',

  recoveryHeading: 'Open with the recovery code',
  recoveryCodeLabel: 'Recovery code',
  recoveryCodeHint: 'Six groups of four letters or digits.',
  recoveryInvalid: 'That is not a recovery code. It has six groups of four letters or digits.',
  setPassphraseHeading: 'Set a new passphrase',
  setPassphrase: 'Save the new passphrase',
  passphraseChanged:
    'The new passphrase is set. Other devices where the vault was open are locked.',

  failedAttempts: (n: number) =>
    n === 1
      ? 'Since you last opened the vault, someone tried once to open it with a wrong passphrase.'
      : `Since you last opened the vault, someone tried ${n} times to open it with a wrong passphrase.`,

  itemsHeading: 'Your items',
  noItems: 'Nothing here yet.',
  addItem: 'Add',
  shares: 'Sharing',
  requests: 'Requests',
  settings: 'Settings',
  exportVault: 'Download everything (zip)',
  saveKey: 'Save my key',
  saveKeyHint:
    'The key file opens every exported file with the standard age tool (age -d -i key.txt). Keep it as safe as the passphrase.',
  columns: {
    kind: 'Type',
    description: 'Description',
    added: 'Added',
    size: 'Size',
    actions: 'Actions',
  },
  kinds: {
    photo: 'Photo',
    video: 'Video',
    audio: 'Audio',
    note: 'Note',
    document: 'Document',
    file: 'File',
  },
  unreadable: 'Could not be read',
  open: 'Open',
  download: 'Download',
  remove: 'Delete',
  removeConfirm:
    'Delete this item? It is removed from the vault and from every share. This cannot be undone.',
  waiting: (n: number) =>
    n === 1 ? '1 item is waiting to upload.' : `${n} items are waiting to upload.`,
  uploading: (percent: number) => `Uploading… ${percent}%`,
  uploadFailed: 'An item could not be uploaded. Add it again.',
  discard: 'Discard',

  addHeading: 'Add to your vault',
  fileLabel: 'Choose a file',
  cameraLabel: 'Take a photo or video',
  noteLabel: 'Or type a note',
  descriptionLabel: 'Description (optional)',
  descriptionHint: 'What it is, where and when. Only you can read it.',
  save: 'Save in the vault',
  nothingChosen: 'Choose a file, take a photo or type a note.',
  encrypting: 'Encrypting on this device…',
  added: 'Saved in your vault.',
  savedOffline: 'Saved encrypted on this device. It uploads when you are online.',

  itemHeading: 'Item',
  name: 'Name',
  fingerprint: 'SHA-256 of the original',
  decrypting: 'Decrypting…',

  sharesHeading: 'Sharing',
  sharesIntro:
    'You decide what to share, and with whom. A copy is encrypted on this device for that person only.',
  recipientsHeading: 'People you can share with',
  noRecipients: 'Nobody yet. Ask your worker for their share code.',
  shareCodeLabel: 'Share code from your worker',
  shareCodeHint: 'Two groups of four letters or digits, for example K7M2-QX9P.',
  addRecipient: 'Add',
  shareWhat: 'What to share',
  shareWith: 'Share with',
  shareButton: 'Share',
  sharing: 'Encrypting a copy for them…',
  shared: 'Shared.',
  sharesList: 'What you have shared',
  noShares: 'You have not shared anything.',
  sharedOn: (name: string, when: string) => `Shared with ${name} on ${when}`,
  opened: (times: string) => `Opened: ${times}`,
  neverOpened: 'Not opened yet',
  revoked: (when: string) => `Stopped on ${when}`,
  revoke: 'Stop sharing',
  revokeConfirm:
    'Stop sharing this item? They will not be able to open it again. But copies they already opened cannot be taken back.',

  requestsHeading: 'Requests to share',
  noRequests: 'No requests.',
  requestFrom: (name: string, when: string) => `${name} asked on ${when}`,
  answer: 'Mark as answered',
  decline: 'Decline',
  status: { open: 'Open', answered: 'Answered', declined: 'Declined' },

  settingsHeading: 'Settings',
  wipeLabel: 'Erase the vault after this many wrong passphrases in a row',
  wipeHint:
    'Anyone who has this device, or knows where your vault is, can use up these tries: the vault and the evidence in it are then gone for good. Choose a number only if erasing is safer for you than keeping the evidence.',
  saveSettings: 'Save',
  wipeNever: 'Never',
  wipeSaved: 'Saved.',
  changePassphraseHeading: 'Change the passphrase',
  neutralLabel: 'Show the installed app as "Notes" with a plain icon',
  neutralHint: 'Takes effect when you install the app (add it to the home screen) again.',
  deleteHeading: 'Delete the vault',
  deleteHint:
    'Everything in it is erased from the server, with every share. This cannot be undone. Type your passphrase to confirm.',
  deleteButton: 'Delete the vault for ever',
  deleted: 'The vault is deleted.',
  languageLabel: 'Language',

  sizeUnits: ['bytes', 'kB', 'MB', 'GB'],
};

export type Strings = typeof en;
