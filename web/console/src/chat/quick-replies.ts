// Quick replies of the chat line, per chat language: short, discreet sentences an operator drops
// into the composer (never sent without a look). Written for a person who may be read over the
// shoulder: nothing names trafficking, the police or the organisation's purpose. Dutch and English
// are complete; a chat in another language gets the English ones until that language has its own.
export type QuickReplyKey =
  | 'greeting'
  | 'safeToTalk'
  | 'takeYourTime'
  | 'stillThere'
  | 'quickExit'
  | 'noDetailsNeeded'
  | 'moreTime'
  | 'closing';

export const QUICK_REPLY_KEYS: readonly QuickReplyKey[] = [
  'greeting',
  'safeToTalk',
  'takeYourTime',
  'stillThere',
  'quickExit',
  'noDetailsNeeded',
  'moreTime',
  'closing',
];

type Replies = Record<QuickReplyKey, string>;

const REPLIES = {
  nl: {
    greeting: 'Hoi, fijn dat je er bent. Waar kan ik je mee helpen?',
    safeToTalk: 'Kun je nu rustig praten? Als dat niet zo is, mag je het gesprek gewoon sluiten.',
    takeYourTime: 'Neem de tijd. Je hoeft niets te vertellen wat je niet wilt.',
    stillThere: 'Ben je er nog? Ik wacht op je.',
    quickExit:
      'Als iemand meekijkt: met de knop om snel weg te gaan of met Escape verlaat je deze pagina meteen.',
    noDetailsNeeded: 'Je hoeft je naam of andere gegevens niet te geven.',
    moreTime: 'Ik zoek even iets voor je uit, een moment alsjeblieft.',
    closing: 'Dank je wel voor het gesprek. Je kunt altijd terugkomen.',
  },
  en: {
    greeting: 'Hi, good that you are here. How can I help you?',
    safeToTalk: 'Can you talk freely right now? If not, you can simply close the chat.',
    takeYourTime: "Take your time. You don't have to tell me anything you don't want to.",
    stillThere: 'Are you still there? I am here for you.',
    quickExit:
      'If someone is watching: the quick exit button or the Escape key leaves this page at once.',
    noDetailsNeeded: "You don't have to give your name or any other details.",
    moreTime: "I'm looking something up for you, one moment please.",
    closing: 'Thank you for talking with me. You can always come back.',
  },
} as const satisfies Record<string, Replies>;

export type QuickReplyLanguage = keyof typeof REPLIES;

export interface QuickReply {
  key: QuickReplyKey;
  text: string;
}

/** The quick replies for a chat's language, and the language they are in (English as fallback). */
export function quickRepliesFor(chatLanguage: string): {
  language: QuickReplyLanguage;
  replies: QuickReply[];
} {
  const language: QuickReplyLanguage = chatLanguage === 'nl' ? 'nl' : 'en';
  const replies: Replies = REPLIES[language];
  return { language, replies: QUICK_REPLY_KEYS.map((key) => ({ key, text: replies[key] })) };
}

/** Every language that has its own quick replies (the rest fall back to English). */
export const QUICK_REPLY_LANGUAGES = Object.keys(REPLIES) as QuickReplyLanguage[];
