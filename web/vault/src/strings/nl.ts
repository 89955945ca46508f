// De tekst van de kluis-app in het Nederlands: volledig, getoetst tegen de Engelse (strings.test.ts).
import type { Strings } from './en';

export const nl: Strings = {
  languageName: 'Nederlands',
  appName: 'Mijn kluis',
  neutralAppName: 'Notities',
  quickExit: 'Verlaat deze pagina',
  quickExitHint: 'Snel weg: druk op Escape.',
  lock: 'Vergrendelen',
  back: 'Terug',
  cancel: 'Annuleren',
  working: 'Bezig…',
  offline:
    'Geen verbinding. Wat je toevoegt wacht hier, versleuteld, en wordt verstuurd zodra je online bent.',
  offlineLocked:
    'Geen verbinding. Voor het openen of maken van een kluis is internet nodig: de sleutel staat, op slot, op de server.',
  error: 'Er ging iets mis. Probeer het opnieuw.',
  sessionEnded: 'De kluis is vanzelf vergrendeld. Open hem opnieuw.',

  startHeading: 'Je kluis openen',
  startIntro:
    'Je kluis bewaart foto’s, berichten, bestanden en notities versleuteld met een sleutel die alleen jij hebt. Niemand anders kan ze lezen, ook wij niet.',
  vaultIdLabel: 'Kluisnummer',
  vaultIdHint: 'Vier groepjes van vijf letters of cijfers, bijvoorbeeld 7K2QH-M9XTR-4VBNC-8WDJE.',
  passphraseLabel: 'Wachtzin',
  unlock: 'Openen',
  unlocking: 'De kluis gaat open… dit duurt een paar seconden.',
  wrongSecret: 'Daarmee ging geen kluis open. Controleer het kluisnummer en de wachtzin.',
  throttled: (seconds: number) =>
    `Te veel verkeerde pogingen. Om de kluis te beschermen: wacht ${seconds} seconden voordat je het opnieuw probeert.`,
  useRecovery: 'Ik ben mijn wachtzin vergeten: herstelcode gebruiken',
  createHeading: 'Nieuwe kluis',
  createIntro:
    'Je hoeft geen naam, e-mailadres of telefoonnummer te geven. Je krijgt een kluisnummer en een herstelcode om op te schrijven.',
  createButton: 'Nieuwe kluis maken',

  newPassphraseLabel: 'Kies een wachtzin',
  newPassphraseHint:
    'Een paar woorden die alleen jij zou bedenken, bijvoorbeeld vier woorden en een getal. Niemand kan hem voor je herstellen.',
  repeatPassphraseLabel: 'Typ de wachtzin nog een keer',
  strength: ['Heel zwak', 'Zwak', 'Redelijk', 'Sterk', 'Heel sterk'],
  strengthLabel: 'Sterkte',
  strengthLoading: 'De sterkte wordt bekeken…',
  tooWeak: 'Kies een sterkere wachtzin: meer woorden, minder gewone.',
  notSame: 'De twee wachtzinnen zijn niet hetzelfde.',
  creating: 'Je kluis wordt gemaakt… dit duurt een paar seconden.',

  createdHeading: 'Schrijf dit op',
  createdIntro:
    'Schrijf ze op papier en bewaar dat op een veilige plek. Ze worden alleen nu getoond. Zonder deze gegevens kun je je kluis niet op een ander apparaat openen.',
  yourVaultId: 'Je kluisnummer',
  yourRecoveryCode: 'Je herstelcode (als je de wachtzin vergeet)',
  writtenDown: 'Ik heb het kluisnummer en de herstelcode opgeschreven',
  continue: 'Verder',

  recoveryHeading: 'Openen met de herstelcode',
  recoveryCodeLabel: 'Herstelcode',
  recoveryCodeHint: 'Zes groepjes van vier letters of cijfers.',
  recoveryInvalid: 'Dat is geen herstelcode. Die heeft zes groepjes van vier letters of cijfers.',
  setPassphraseHeading: 'Een nieuwe wachtzin instellen',
  setPassphrase: 'Nieuwe wachtzin opslaan',
  passphraseChanged:
    'De nieuwe wachtzin is ingesteld. Andere apparaten waarop de kluis open was, zijn vergrendeld.',

  failedAttempts: (n: number) =>
    n === 1
      ? 'Sinds je de kluis voor het laatst opende, heeft iemand één keer geprobeerd hem te openen met een verkeerde wachtzin.'
      : `Sinds je de kluis voor het laatst opende, heeft iemand ${n} keer geprobeerd hem te openen met een verkeerde wachtzin.`,

  itemsHeading: 'Je bestanden',
  noItems: 'Hier staat nog niets.',
  addItem: 'Toevoegen',
  shares: 'Delen',
  requests: 'Verzoeken',
  settings: 'Instellingen',
  exportVault: 'Alles downloaden (zip)',
  saveKey: 'Mijn sleutel bewaren',
  saveKeyHint:
    'Met het sleutelbestand open je elk geëxporteerd bestand met het standaardprogramma age (age -d -i key.txt). Bewaar het net zo veilig als de wachtzin.',
  columns: {
    kind: 'Soort',
    description: 'Beschrijving',
    added: 'Toegevoegd',
    size: 'Grootte',
    actions: 'Acties',
  },
  kinds: {
    photo: 'Foto',
    video: 'Video',
    audio: 'Geluid',
    note: 'Notitie',
    document: 'Document',
    file: 'Bestand',
  },
  unreadable: 'Kon niet worden gelezen',
  open: 'Openen',
  download: 'Downloaden',
  remove: 'Verwijderen',
  removeConfirm:
    'Dit verwijderen? Het verdwijnt uit de kluis en uit alles wat je gedeeld hebt. Dit kan niet ongedaan worden gemaakt.',
  waiting: (n: number) =>
    n === 1
      ? '1 bestand wacht om verstuurd te worden.'
      : `${n} bestanden wachten om verstuurd te worden.`,
  uploading: (percent: number) => `Versturen… ${percent}%`,
  uploadFailed: 'Een bestand kon niet worden verstuurd. Voeg het opnieuw toe.',
  discard: 'Weggooien',

  addHeading: 'Toevoegen aan je kluis',
  fileLabel: 'Kies een bestand',
  cameraLabel: 'Maak een foto of video',
  noteLabel: 'Of typ een notitie',
  descriptionLabel: 'Beschrijving (mag leeg blijven)',
  descriptionHint: 'Wat het is, waar en wanneer. Alleen jij kunt het lezen.',
  save: 'Bewaren in de kluis',
  nothingChosen: 'Kies een bestand, maak een foto of typ een notitie.',
  encrypting: 'Versleutelen op dit apparaat…',
  added: 'Bewaard in je kluis.',
  savedOffline: 'Versleuteld bewaard op dit apparaat. Het wordt verstuurd zodra je online bent.',

  itemHeading: 'Bestand',
  name: 'Naam',
  fingerprint: 'SHA-256 van het origineel',
  decrypting: 'Ontsleutelen…',

  sharesHeading: 'Delen',
  sharesIntro:
    'Jij bepaalt wat je deelt, en met wie. Op dit apparaat wordt een kopie versleuteld die alleen die persoon kan openen.',
  recipientsHeading: 'Met wie je kunt delen',
  noRecipients: 'Nog niemand. Vraag je hulpverlener om hun deelcode.',
  shareCodeLabel: 'Deelcode van je hulpverlener',
  shareCodeHint: 'Twee groepjes van vier letters of cijfers, bijvoorbeeld K7M2-QX9P.',
  addRecipient: 'Toevoegen',
  shareWhat: 'Wat je deelt',
  shareWith: 'Delen met',
  shareButton: 'Delen',
  sharing: 'Een kopie voor hen versleutelen…',
  shared: 'Gedeeld.',
  sharesList: 'Wat je gedeeld hebt',
  noShares: 'Je hebt nog niets gedeeld.',
  sharedOn: (name: string, when: string) => `Gedeeld met ${name} op ${when}`,
  opened: (times: string) => `Geopend: ${times}`,
  neverOpened: 'Nog niet geopend',
  revoked: (when: string) => `Gestopt op ${when}`,
  revoke: 'Stoppen met delen',
  revokeConfirm:
    'Stoppen met delen? Ze kunnen het dan niet meer openen. Maar kopieën die ze al geopend hebben, kunnen niet worden teruggehaald.',

  requestsHeading: 'Verzoeken om te delen',
  noRequests: 'Geen verzoeken.',
  requestFrom: (name: string, when: string) => `${name} vroeg op ${when}`,
  answer: 'Markeren als beantwoord',
  decline: 'Weigeren',
  status: { open: 'Open', answered: 'Beantwoord', declined: 'Geweigerd' },

  settingsHeading: 'Instellingen',
  wipeLabel: 'De kluis wissen na zoveel verkeerde wachtzinnen achter elkaar',
  wipeHint:
    'Iedereen die dit apparaat heeft, of weet waar je kluis is, kan deze pogingen opmaken: dan zijn de kluis en het bewijs erin voorgoed weg. Kies alleen een aantal als wissen voor jou veiliger is dan het bewijs bewaren.',
  saveSettings: 'Opslaan',
  wipeNever: 'Nooit',
  wipeSaved: 'Opgeslagen.',
  changePassphraseHeading: 'De wachtzin wijzigen',
  neutralLabel: 'De geïnstalleerde app tonen als "Notities" met een gewoon pictogram',
  neutralHint: 'Werkt zodra je de app opnieuw installeert (op het beginscherm zet).',
  deleteHeading: 'De kluis verwijderen',
  deleteHint:
    'Alles erin wordt van de server gewist, met alles wat je gedeeld hebt. Dit kan niet ongedaan worden gemaakt. Typ je wachtzin om te bevestigen.',
  deleteButton: 'De kluis voorgoed verwijderen',
  deleted: 'De kluis is verwijderd.',
  languageLabel: 'Taal',

  sizeUnits: ['bytes', 'kB', 'MB', 'GB'],
};
