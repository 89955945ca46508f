// The widget's English text: the reference every other language is checked against (strings.test.ts)
// and the fallback for a language that is not written yet. Plain words for a person who may be young,
// scared or reading in a second language.
export const en = {
  languageName: 'English',
  title: 'Chat with us',
  launcher: 'Chat',
  minimise: 'Close the chat window',
  quickExit: 'Exit this page',
  quickExitHint: 'To leave fast: press Shift three times.',
  danger: 'In danger? Call 112',
  anonymous: 'You do not have to give your name. Nothing is kept on this device.',
  /** What the server keeps and for how long (RETENTION_CHAT_DAYS; undefined: not known here). */
  privacy: (days: number | undefined) =>
    `We do not store your IP address or anything about your device. We keep this chat (your answers and messages) ${
      days === undefined ? 'for a limited time' : `for ${days} ${days === 1 ? 'day' : 'days'}`
    } after it ends, then we delete it. If we open a case to help you, it is kept with that case.`,

  chooseLanguage: 'Which language do you want to chat in?',
  continueHeading: 'Continue an earlier chat',
  codeLabel: 'Your code',
  codeHint: 'Three groups of four letters or digits, for example KX4M-7PQ2-RT9W.',
  codeInvalid: 'That is not a code. It has three groups of four letters or digits.',
  codeUnknown: 'We could not find a chat with that code. It may have expired.',
  continueButton: 'Continue the chat',

  questionsHeading: 'Before we start',
  questionsIntro:
    'These questions help us answer the most urgent chats first. You do not have to answer them.',
  safeNowQuestion: 'Are you safe right now?',
  safeNow: { yes: 'Yes', no: 'No', unsure: 'I am not sure' },
  notSafe: 'If you are in danger right now, call 112. You can keep chatting with us as well.',
  ageQuestion: 'How old are you?',
  ageGroup: { under_18: 'Under 18', '18_23': '18 to 23', '24_plus': '24 or older' },
  topicQuestion: 'What is it about?',
  topic: {
    sex_work: 'Sex work',
    work_or_money: 'Work or money',
    relationship: 'A relationship or a lover boy',
    online: 'Something online (photos, videos, blackmail)',
    other: 'Something else',
  },
  ratherNot: 'Rather not say',
  startChat: 'Start the chat',
  back: 'Back',

  connecting: 'Connecting…',
  chatHeading: 'Chat',
  queuePlace: (position: number) =>
    position <= 1 ? 'You are next in line.' : `You are number ${position} in line.`,
  queueWait: (minutes: number) =>
    minutes <= 1
      ? 'The wait is about a minute.'
      : `The wait is about ${minutes} minutes. That is an estimate.`,
  queueNoEstimate: 'We cannot say how long the wait is right now.',
  closedNow: 'Nobody is answering right now.',
  opensAt: (when: string) => `We answer again from ${when}.`,
  closedAdvice:
    'You can write your message now. We read it when we open, if this window stays open — or ask for a code below and continue later. In danger? Call 112.',
  operatorJoined: (name?: string) =>
    name ? `${name} is chatting with you.` : 'Someone from our team is chatting with you.',
  operatorTyping: 'Typing…',
  authorVisitor: 'You',
  authorOperator: 'Our team',
  authorSystem: 'Notice',
  messageLabel: 'Your message',
  messageHint: 'Enter sends the message; Shift and Enter starts a new line.',
  send: 'Send',
  sending: 'Sending…',
  notSent: 'Not sent',
  read: 'Read',
  tooLong: (max: number) => `A message can be at most ${max} characters.`,
  reconnecting: 'The connection dropped. We are reconnecting; your messages are kept and sent.',
  retryNow: 'Try again now',
  rateLimited: 'You are sending messages very quickly. Wait a moment; they will be sent.',
  serverBusy: 'It is very busy. We keep trying to connect.',
  getCode: 'Get a code to continue later',
  codeShown:
    'Note this code down somewhere safe. With it you can continue this chat later, on any device:',
  endChat: 'End the chat',
  ended: 'The chat has ended.',
  endReason: {
    visitor_left: 'You ended the chat.',
    resolved: 'Our team ended the chat.',
    referred: 'Our team ended the chat and referred you on.',
    abusive: 'The chat was ended.',
    timeout: 'The chat ended because it was quiet for a long time.',
    lost: 'This chat can no longer be reached. You can start a new one.',
    blocked: 'This chat is not available.',
  },
  download: 'Download the conversation',
  downloadHint: 'Only if you want to keep it: the file is saved on this device.',
  transcriptTitle: 'Chat conversation',
  newChat: 'Start a new chat',
} as const;

/** What every language provides: the shape of the English text, with text where it has text. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };
export type Strings = Widen<typeof en>;
