/**
 * Dutch. Register: "je", as in everyday software. "opnieuw opstarten" for restart, "IT" for the IT team.
 */
import type { Catalog } from './types.js';

export const nl = {
  'tray.idle': 'Je computer is up-to-date',
  'tray.upcoming': 'Er komen binnenkort updates',
  'tray.actionNeeded': 'Lees het nieuwe bericht',
  'tray.restartPending': 'Start je computer opnieuw op',
  'tray.overdue': 'Je computer start binnenkort opnieuw op',
  'tray.error': 'Kan het laatste nieuws nu niet ophalen. We proberen het zo opnieuw',
  'tray.tooltip': '{status} – {title}, {when}',

  'notice.advance.title': '{title} ({relative})',
  'notice.advance.body':
    'Je computer krijgt updates op {start}. '
    + '{restartRequired, select, yes {Daarna moet je computer opnieuw opstarten.} other {Opnieuw opstarten is niet nodig.}} '
    + '{steps, plural, =0 {Je hoeft nu niets te doen.} one {Er is # ding dat je eerst moet doen.} other {Er zijn # dingen die je eerst moet doen.}}',
  'notice.starting.title': 'Nu bezig: {title}',
  'notice.starting.body':
    'Je computer krijgt nu updates. Je kunt gewoon doorwerken. Ze zijn naar verwachting klaar op {end}. '
    + '{restartRequired, select, yes {Daarna vragen we je om opnieuw op te starten.} other {Je hoeft niet opnieuw op te starten.}}',
  'notice.finishedRestartNeeded.title': 'Start opnieuw op om af te ronden: {title}',
  'notice.finishedRestartNeeded.body':
    'De updates zijn geïnstalleerd. Start opnieuw op vóór {deadline} ({relative}) om ze af te ronden. Sla eerst je werk op.',
  'notice.allDone.title': 'Klaar: {title}',
  'notice.allDone.body': 'De updates zijn klaar. Je hoeft niets te doen.',
  'notice.catchUp.title': 'Terwijl je weg was',
  'notice.catchUp.upcoming': 'Er zijn updates gepland: {title}. Ze beginnen op {start} ({relative}).',
  'notice.catchUp.inProgress': 'Je computer krijgt nu updates: {title}. Ze zijn naar verwachting klaar op {end}.',
  'notice.catchUp.restartNeeded':
    'Je computer heeft updates gekregen: {title}. Start opnieuw op vóór {deadline} ({relative}) om ze af te ronden. Sla eerst je werk op.',
  'notice.catchUp.allDone': 'Je computer heeft updates gekregen: {title}. Ze zijn klaar. Je hoeft niets te doen.',
  'notice.catchUp.incident': 'IT heeft je een melding gestuurd: “{title}”.',
  'notice.deadlinePassed.title': 'Je computer start binnenkort opnieuw op',
  'notice.deadlinePassed.body':
    'De tijd om opnieuw op te starten is voorbij. Je computer start om {time} ({relative}) opnieuw op. Sla nu je werk op.',

  'prompt.title': 'Tijd om opnieuw op te starten',
  'prompt.body':
    'Je computer moet opnieuw opstarten om de updates af te ronden. Je kunt dat nu doen of wat later. '
    + 'Doe je het niet, dan start hij op {deadline} ({relative}) vanzelf opnieuw op.',
  'prompt.deferralsLeft':
    '{count, plural, =0 {Je kunt het niet meer uitstellen.} one {Je kunt het nog # keer uitstellen.} other {Je kunt het nog # keer uitstellen.}}',
  'prompt.choice.restartNow': 'Nu opnieuw opstarten',
  'prompt.choice.deferFor': 'Herinner me over {duration}',
  'prompt.choice.pickTime': 'Kies een tijd',
  'prompt.pickTime.latest': 'Je kunt elke tijd kiezen tot {latest}.',
  'prompt.saveWork': 'Sla eerst je werk op en sluit je apps.',

  'forced.warning.title':
    '{minutes, plural, one {Opnieuw opstarten over # minuut} other {Opnieuw opstarten over # minuten}}',
  'forced.warning.body':
    '{minutes, plural, one {Je computer start over # minuut opnieuw op.} other {Je computer start over # minuten opnieuw op.}} '
    + 'Sla je werk op en sluit je apps.',
  'forced.countdown.title': 'Zo meteen opnieuw opstarten',
  'forced.countdown.body':
    '{seconds, plural, one {Je computer start over # seconde opnieuw op.} other {Je computer start over # seconden opnieuw op.}} '
    + 'Dit kan niet worden uitgesteld. Sla nu je werk op.',
  'forced.restartingNow': 'Je computer start nu opnieuw op.',

  'incident.phishing.title': 'Pas op voor nepmails',
  'incident.phishing.body':
    'Sommige mensen kregen e-mails die van ons lijken te komen, maar nep zijn. Klik niet op links erin, open geen bestanden en antwoord niet.',
  'incident.phishing.steps':
    'Verwijder de e-mail.\nHeb je op een link geklikt of je wachtwoord ingevuld? Meld het dan meteen bij IT.\nTwijfel je? Vraag het aan IT voordat je klikt.',
  'incident.outage.title': '{service} werkt niet',
  'incident.outage.body':
    'We weten dat {service} nu niet werkt en we zijn ermee bezig. We verwachten dat het vóór {fixTime} weer werkt. Je hoeft het niet te melden.',
  'incident.passwordReset.title': 'Wijzig je wachtwoord',
  'incident.passwordReset.body':
    'Wijzig vóór {deadline} je wachtwoord, zodat je account veilig blijft. Dit is een voorzorgsmaatregel. Je hebt niets fout gedaan.',
  'incident.passwordReset.steps':
    'Wijzig het op de gewone aanmeldpagina, niet via een link in een e-mail.\nKies een nieuw wachtwoord dat je nog nooit hebt gebruikt.\n'
    + 'Heb je hulp nodig? Vraag het aan IT.',
  'incident.suspiciousSignIn.title': 'Was jij dit?',
  'incident.suspiciousSignIn.body':
    'We zagen een aanmelding bij je account voor {service} die misschien niet van jou was. Volg voor de zekerheid de stappen hieronder.',
  'incident.suspiciousSignIn.steps':
    'Was jij het niet? Wijzig dan nu je wachtwoord.\nMeld het daarna bij IT, zodat we kunnen helpen.\nWas jij het wel? Dan hoef je niets te doen.',
  'incident.dataExposure.title': 'We onderzoeken een probleem met gegevens',
  'incident.dataExposure.body':
    'Mogelijk hebben mensen gegevens gezien die ze niet mochten zien. We zoeken het nu uit. '
    + 'We weten nog niet of het om jouw gegevens gaat. Vóór {nextUpdate} vertellen we je meer.',
  'incident.dataExposure.steps':
    'Let op met e-mails of telefoontjes die om je wachtwoord of om geld vragen.\nIT vraagt nooit om je wachtwoord.\nLijkt iets niet te kloppen? Meld het bij IT.',
  'incident.acknowledge': 'Ik heb dit gelezen',
  'incident.updatesWillFollow': 'We vertellen je meer zodra we meer weten.',

  'policy.title': 'Zo houden we je computer up-to-date',
  'policy.intro': 'Zo houdt IT je computer veilig en goed werkend.',
  'policy.security': 'Beveiligingsupdates',
  'policy.quality': 'Oplossingen en kleine wijzigingen',
  'policy.feature': 'Nieuwe versies van het systeem',
  'policy.drivers': 'Updates voor je hardware',
  'policy.thirdParty': 'Updates voor je andere apps',
  'policy.cadence': 'Wanneer komen de updates?',
  'policy.restarts': 'Hoe werkt opnieuw opstarten?',
  'policy.outOfBand': 'Wat als een update niet kan wachten?',
  'policy.failures': 'Wat als een update mislukt?',
  'policy.testing': 'Hoe worden updates eerst getest?',
  'policy.coverage': 'Voor welke computers en apps geldt dit?',

  'help.title': 'Hulp',
  'help.intro': 'Vragen over updates of opnieuw opstarten? Hier vind je hulp.',
  'help.faq': 'Veelgestelde vragen',
  'help.contacts': 'Contact',
  'help.hours': 'Bereikbaar: {hours}',
  'help.email': 'E-mail: {email}',
  'help.phone': 'Telefoon: {phone}',
  'help.chat': 'Chat met ons',
  'help.faqPage': 'Meer antwoorden online',

  'feedback.title': 'Meld een probleem bij IT',
  'feedback.placeholder': 'Wat gebeurde er? Waar was je mee bezig?',
  'feedback.contactOptional': 'Hoe kunnen we je bereiken? Je mag dit leeg laten.',
  'feedback.send': 'Versturen',
  'feedback.thanks': 'Bedankt. We geven dit door aan IT.',

  'status.upToDate': 'Je computer is up-to-date.',
  'status.lastChecked': 'Laatst gecontroleerd: {when}.',
  'status.pending':
    '{count, plural, =0 {Er zijn geen updates gepland.} one {Er is # update gepland.} other {Er zijn # updates gepland.}}',

  'common.close': 'Sluiten',
  'common.remindLater': 'Later herinneren',
  'common.moreInfo': 'Meer info',
  'common.acknowledge': 'OK, begrepen',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'Pagina’s',
  'ui.loading': 'Laden…',
  'ui.noAgent': 'De Forewarn-app is niet bereikbaar. Probeer het zo opnieuw of vraag het aan IT.',
  'ui.status.title': 'Is mijn computer bijgewerkt?',
  'ui.status.checkNow': 'Nu controleren',
  'ui.status.notChecked': 'Nog niet gecontroleerd.',
  'ui.status.updated': 'Er zijn nieuwe plannen van IT.',
  'ui.status.unchanged': 'Niets nieuws van IT.',
  'ui.status.rejected': 'Er kwamen nieuwe plannen binnen, maar ze kwamen niet door onze veiligheidscontrole. We houden de oude.',
  'ui.status.unreachable': 'We konden IT niet bereiken. We proberen het snel opnieuw.',
  'ui.status.plan': 'Planversie {count}, geldig tot {deadline}.',
  'ui.status.problems': 'Er is iets dat aandacht nodig heeft',
  'ui.status.coming': 'Binnenkort',
  'ui.window': 'Van {start} tot {end}',
  'ui.steps': 'Wat u moet doen',
  'ui.prompt.timeLeft': 'Tijd over: {duration}',
  'ui.prompt.deadline': 'Uiterlijk: {deadline}',
  'ui.prompt.choices': 'Wat wilt u doen?',
  'ui.pickTime.label': 'Datum en tijd',
  'ui.pickTime.confirm': 'Deze tijd gebruiken',
  'ui.pickTime.outOfRange': 'Kies een tijd tussen {start} en {latest}.',
  'ui.countdown.at': 'Uw computer start om {time} opnieuw op.',
  'ui.result.deferred': 'OK. We vragen het {relative} opnieuw.',
  'ui.result.picked': 'OK. Uw computer start {relative} opnieuw op.',
  'ui.result.dryRun': 'Dit is een test. Uw computer start niet echt opnieuw op.',
  'ui.result.refused': 'Dat is niet gelukt.',
  'ui.result.acknowledged': 'Bedankt. IT kan zien dat u dit hebt gelezen.',
  'ui.notice.none': 'Er is niets nieuws om te lezen.',
  'ui.notice.read': 'U hebt dit gelezen.',
  'ui.policy.empty': 'IT heeft deze pagina nog niet geschreven.',
  'ui.help.empty': 'IT heeft nog geen contacten toegevoegd.',
  'ui.help.links': 'Handige links',
  'ui.help.opened': 'De link is geopend in uw browser.',
  'ui.help.refused': 'Deze link kan hier niet worden geopend.',
  'ui.feedback.message': 'Uw bericht',
  'ui.feedback.contact': 'E-mail of telefoon',
  'ui.feedback.empty': 'Schrijf een paar woorden over het probleem.',
  'ui.feedback.tooLong': 'Maak het wat korter.',
  'ui.feedback.another': 'Nog een schrijven',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'Dit onderhoud bestaat niet voor deze computer.',
  'refusal.notPending': 'Je computer hoeft voor dit onderhoud niet opnieuw op te starten.',
  'refusal.noDeferralsLeft': 'Je hebt het opnieuw opstarten al zo vaak uitgesteld als mag.',
  'refusal.notOffered': 'Die keuze is nu niet mogelijk.',
  'refusal.linkNotOffered': 'Deze link staat niet in het ondertekende schema, dus hij gaat niet open. Vraag het aan IT.',
  'refusal.noSchedule': 'Er is nog geen geldig updateschema. Probeer het later opnieuw.',
  'refusal.notRunning': 'Forewarn is nog niet klaar. Probeer het zo opnieuw.',
  'refusal.restartFailed': 'Je computer kon niet opnieuw opstarten. IT is op de hoogte. Probeer het opnieuw of vraag IT om hulp.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'De Forewarn-app kon zijn geheugen op deze computer niet openen. Neem contact op met IT.',
  'error.noConfig': 'Deze computer is nog niet ingesteld voor updatemeldingen. Neem contact op met IT.',
  'error.noSchedule': 'Nog geen updateschema. We proberen het zo opnieuw.',
  'error.expiredSchedule': 'Het updateschema op deze computer is verlopen. Het wordt bijgewerkt zodra IT een nieuw schema publiceert.',
  'error.rejectedSchedule': 'Het updateschema kon niet worden gecontroleerd. Neem contact op met IT.',
  'error.rejectedUpdate': 'Een nieuw updateschema is geweigerd, omdat het niet kon worden gecontroleerd. IT is op de hoogte.',
  'error.enrollment': 'Deze computer kon zich niet aanmelden bij de updateserver. Neem contact op met IT.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': 'Volgende: {title}. {start}',
  'menu.about': 'Over Forewarn',
} satisfies Catalog;
