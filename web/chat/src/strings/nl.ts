// De tekst van de widget in het Nederlands: volledig, getoetst tegen de Engelse (strings.test.ts).
import type { Strings } from './en';

export const nl: Strings = {
  languageName: 'Nederlands',
  title: 'Chat met ons',
  launcher: 'Chat',
  minimise: 'Chatvenster sluiten',
  quickExit: 'Verlaat deze pagina',
  quickExitHint: 'Snel weg: druk drie keer op Shift.',
  danger: 'In gevaar? Bel 112',
  anonymous: 'Je hoeft je naam niet te geven. Er blijft niets op dit apparaat bewaard.',
  privacy: (days) =>
    `We slaan je IP-adres en gegevens over je apparaat niet op. We bewaren deze chat (je antwoorden en berichten) ${
      days === undefined ? 'een beperkte tijd' : `${days} ${days === 1 ? 'dag' : 'dagen'}`
    } nadat hij is afgelopen en verwijderen hem daarna. Als we een dossier openen om je te helpen, bewaren we hem bij dat dossier.`,

  chooseLanguage: 'In welke taal wil je chatten?',
  continueHeading: 'Een eerdere chat voortzetten',
  codeLabel: 'Je code',
  codeHint: 'Drie groepjes van vier letters of cijfers, bijvoorbeeld KX4M-7PQ2-RT9W.',
  codeInvalid: 'Dat is geen code. Een code heeft drie groepjes van vier letters of cijfers.',
  codeUnknown: 'We konden geen chat vinden met die code. Misschien is hij verlopen.',
  continueButton: 'Chat voortzetten',

  questionsHeading: 'Voordat we beginnen',
  questionsIntro:
    'Met deze vragen helpen we de dringendste chats eerst. Je hoeft ze niet te beantwoorden.',
  safeNowQuestion: 'Ben je nu veilig?',
  safeNow: { yes: 'Ja', no: 'Nee', unsure: 'Ik weet het niet zeker' },
  notSafe: 'Ben je nu in gevaar? Bel 112. Je kunt ook gewoon met ons blijven chatten.',
  ageQuestion: 'Hoe oud ben je?',
  ageGroup: { under_18: 'Jonger dan 18', '18_23': '18 tot en met 23', '24_plus': '24 of ouder' },
  topicQuestion: 'Waar gaat het over?',
  topic: {
    sex_work: 'Sekswerk',
    work_or_money: 'Werk of geld',
    relationship: 'Een relatie of een loverboy',
    online: 'Iets online (foto’s, video’s, chantage)',
    other: 'Iets anders',
  },
  ratherNot: 'Zeg ik liever niet',
  startChat: 'Start de chat',
  back: 'Terug',

  connecting: 'Verbinden…',
  chatHeading: 'Chat',
  queuePlace: (position: number) =>
    position <= 1 ? 'Jij bent de volgende.' : `Je bent nummer ${position} in de rij.`,
  queueWait: (minutes: number) =>
    minutes <= 1
      ? 'Het wachten duurt ongeveer een minuut.'
      : `Het wachten duurt ongeveer ${minutes} minuten. Dat is een schatting.`,
  queueNoEstimate: 'We kunnen nu niet zeggen hoe lang het wachten duurt.',
  closedNow: 'Er is nu niemand om te antwoorden.',
  opensAt: (when: string) => `We antwoorden weer vanaf ${when}.`,
  closedAdvice:
    'Je kunt je bericht nu al schrijven. We lezen het als we open gaan, als dit venster open blijft — of vraag hieronder een code en ga later verder. In gevaar? Bel 112.',
  operatorJoined: (name?: string) =>
    name ? `${name} chat nu met je.` : 'Iemand van ons team chat nu met je.',
  operatorTyping: 'Aan het typen…',
  authorVisitor: 'Jij',
  authorOperator: 'Ons team',
  authorSystem: 'Melding',
  messageLabel: 'Je bericht',
  messageHint: 'Enter verstuurt het bericht; Shift en Enter begint een nieuwe regel.',
  send: 'Versturen',
  sending: 'Wordt verstuurd…',
  notSent: 'Niet verstuurd',
  read: 'Gelezen',
  tooLong: (max: number) => `Een bericht mag hoogstens ${max} tekens lang zijn.`,
  reconnecting:
    'De verbinding is weggevallen. We maken opnieuw verbinding; je berichten blijven bewaard en worden verstuurd.',
  retryNow: 'Nu opnieuw proberen',
  rateLimited: 'Je verstuurt heel snel berichten. Wacht even; ze worden zo verstuurd.',
  serverBusy: 'Het is erg druk. We blijven proberen verbinding te maken.',
  getCode: 'Vraag een code om later verder te gaan',
  codeShown:
    'Schrijf deze code op een veilige plek op. Daarmee kun je deze chat later voortzetten, op elk apparaat:',
  endChat: 'Chat beëindigen',
  ended: 'De chat is afgelopen.',
  endReason: {
    visitor_left: 'Je hebt de chat beëindigd.',
    resolved: 'Ons team heeft de chat beëindigd.',
    referred: 'Ons team heeft de chat beëindigd en je doorverwezen.',
    abusive: 'De chat is beëindigd.',
    timeout: 'De chat is gestopt omdat het lang stil was.',
    lost: 'Deze chat is niet meer bereikbaar. Je kunt een nieuwe beginnen.',
    blocked: 'Deze chat is niet beschikbaar.',
  },
  download: 'Gesprek downloaden',
  downloadHint: 'Alleen als je het wilt bewaren: het bestand komt op dit apparaat te staan.',
  transcriptTitle: 'Chatgesprek',
  newChat: 'Nieuwe chat beginnen',
};
