/**
 * Italian. Register: "tu", as in everyday software. "riavviare" / "riavvio" for restart, "l’IT" for the IT
 * team. Dates follow "entro" or a label, which need no article.
 */
import type { Catalog } from './types.js';

export const it = {
  'tray.idle': 'Il tuo computer è aggiornato',
  'tray.upcoming': 'Aggiornamenti in arrivo',
  'tray.actionNeeded': 'Leggi il nuovo avviso',
  'tray.restartPending': 'Riavvia il computer',
  'tray.overdue': 'Il computer si riavvierà a breve',
  'tray.error': 'Impossibile ricevere le ultime notizie. Nuovo tentativo a breve',
  'tray.tooltip': '{status} – {title}, {when}',

  'notice.advance.title': '{title} ({relative})',
  'notice.advance.body':
    'Il tuo computer riceverà degli aggiornamenti. Inizio: {start}. '
    + '{restartRequired, select, yes {Dopo servirà un riavvio.} other {Non servirà un riavvio.}} '
    + '{steps, plural, =0 {Per ora non devi fare nulla.} one {Prima c’è # cosa da fare.} other {Prima ci sono # cose da fare.}}',
  'notice.starting.title': 'Si comincia: {title}',
  'notice.starting.body':
    'Il computer sta ricevendo aggiornamenti. Puoi continuare a lavorare. Dovrebbero finire entro {end}. '
    + '{restartRequired, select, yes {Dopo ti chiederemo di riavviare.} other {Non dovrai riavviare.}}',
  'notice.finishedRestartNeeded.title': 'Riavvia per completare: {title}',
  'notice.finishedRestartNeeded.body':
    'Gli aggiornamenti sono installati. Riavvia entro {deadline} ({relative}) per completarli. Prima salva il tuo lavoro.',
  'notice.allDone.title': 'Fatto: {title}',
  'notice.allDone.body': 'Gli aggiornamenti sono finiti. Non devi fare nulla.',
  'notice.catchUp.title': 'Mentre eri via',
  'notice.catchUp.upcoming': 'Sono previsti aggiornamenti: {title}. Inizio: {start} ({relative}).',
  'notice.catchUp.inProgress': 'Il computer sta ricevendo aggiornamenti: {title}. Dovrebbero finire entro {end}.',
  'notice.catchUp.restartNeeded':
    'Il computer ha ricevuto aggiornamenti: {title}. Riavvia entro {deadline} ({relative}) per completarli. Prima salva il tuo lavoro.',
  'notice.catchUp.allDone': 'Il computer ha ricevuto aggiornamenti: {title}. Sono finiti. Non devi fare nulla.',
  'notice.catchUp.incident': 'L’IT ti ha inviato un avviso: «{title}».',
  'notice.deadlinePassed.title': 'Il computer si riavvierà a breve',
  'notice.deadlinePassed.body':
    'Il tempo per riavviare è scaduto. Il computer si riavvierà alle {time} ({relative}). Salva subito il tuo lavoro.',

  'prompt.title': 'È ora di riavviare',
  'prompt.body':
    'Il computer deve riavviarsi per completare gli aggiornamenti. Puoi farlo ora o un po’ più tardi. '
    + 'Altrimenti si riavvierà da solo entro {deadline} ({relative}).',
  'prompt.deferralsLeft':
    '{count, plural, =0 {Non puoi più rimandare.} one {Puoi rimandare ancora # volta.} other {Puoi rimandare ancora # volte.}}',
  'prompt.choice.restartNow': 'Riavvia ora',
  'prompt.choice.deferFor': 'Ricordamelo tra {duration}',
  'prompt.choice.pickTime': 'Scegli un orario',
  'prompt.pickTime.latest': 'Puoi scegliere un orario fino a {latest}.',
  'prompt.saveWork': 'Prima salva il tuo lavoro e chiudi le app.',

  'forced.warning.title': '{minutes, plural, one {Riavvio tra # minuto} other {Riavvio tra # minuti}}',
  'forced.warning.body':
    '{minutes, plural, one {Il computer si riavvierà tra # minuto.} other {Il computer si riavvierà tra # minuti.}} '
    + 'Salva il tuo lavoro e chiudi le app.',
  'forced.countdown.title': 'Riavvio imminente',
  'forced.countdown.body':
    '{seconds, plural, one {Il computer si riavvierà tra # secondo.} other {Il computer si riavvierà tra # secondi.}} '
    + 'Non si può rimandare. Salva subito il tuo lavoro.',
  'forced.restartingNow': 'Il computer si sta riavviando.',

  'incident.phishing.title': 'Attenzione alle email false',
  'incident.phishing.body':
    'Alcune persone hanno ricevuto email che sembrano nostre, ma sono false. Non aprire i link o i file che contengono e non rispondere.',
  'incident.phishing.steps':
    'Elimina l’email.\nSe hai aperto un link o scritto la tua password, avvisa subito l’IT.\nSe hai dubbi, chiedi all’IT prima di fare clic.',
  'incident.outage.title': '{service} non funziona',
  'incident.outage.body':
    'Sappiamo che {service} non funziona in questo momento e ci stiamo lavorando. Contiamo di ripristinarlo entro {fixTime}. Non serve segnalarcelo.',
  'incident.passwordReset.title': 'Cambia la tua password',
  'incident.passwordReset.body':
    'Per proteggere il tuo account, cambia la password entro {deadline}. È una misura di sicurezza. Non hai fatto nulla di sbagliato.',
  'incident.passwordReset.steps':
    'Cambiala dalla solita pagina di accesso, non da un link in un’email.\nScegli una password nuova che non hai mai usato.\nSe ti serve aiuto, chiedi all’IT.',
  'incident.suspiciousSignIn.title': 'Eri tu?',
  'incident.suspiciousSignIn.body':
    'Abbiamo visto un accesso al tuo account {service} che forse non è tuo. Per sicurezza, segui i passaggi qui sotto.',
  'incident.suspiciousSignIn.steps':
    'Se non eri tu, cambia subito la password.\nPoi avvisa l’IT, così possiamo aiutarti.\nSe eri tu, non devi fare nulla.',
  'incident.dataExposure.title': 'Stiamo verificando un problema con dei dati',
  'incident.dataExposure.body':
    'Alcuni dati potrebbero essere stati visti da persone che non avrebbero dovuto vederli. Lo stiamo verificando ora. '
    + 'Non sappiamo ancora se riguarda i tuoi dati. Ti daremo altre notizie entro {nextUpdate}.',
  'incident.dataExposure.steps':
    'Fai attenzione a email o telefonate che chiedono la tua password o denaro.\nL’IT non ti chiederà mai la password.\nSe qualcosa ti sembra strano, avvisa l’IT.',
  'incident.acknowledge': 'Ho letto',
  'incident.updatesWillFollow': 'Ti daremo altre notizie appena ne sapremo di più.',

  'policy.title': 'Come teniamo aggiornato il tuo computer',
  'policy.intro': 'Ecco come l’IT mantiene il tuo computer sicuro e funzionante.',
  'policy.security': 'Aggiornamenti di sicurezza',
  'policy.quality': 'Correzioni e piccole modifiche',
  'policy.feature': 'Nuove versioni del sistema',
  'policy.drivers': 'Aggiornamenti per l’hardware',
  'policy.thirdParty': 'Aggiornamenti delle altre app',
  'policy.cadence': 'Quando arrivano gli aggiornamenti?',
  'policy.restarts': 'Come funzionano i riavvii?',
  'policy.outOfBand': 'E se un aggiornamento non può aspettare?',
  'policy.failures': 'E se un aggiornamento non va a buon fine?',
  'policy.testing': 'Come vengono provati prima gli aggiornamenti?',
  'policy.coverage': 'Quali computer e app sono inclusi?',

  'help.title': 'Aiuto',
  'help.intro': 'Domande su aggiornamenti o riavvii? Ecco dove trovare aiuto.',
  'help.faq': 'Domande frequenti',
  'help.contacts': 'Chi contattare',
  'help.hours': 'Orari: {hours}',
  'help.email': 'Email: {email}',
  'help.phone': 'Telefono: {phone}',
  'help.chat': 'Scrivici in chat',
  'help.faqPage': 'Altre risposte online',

  'feedback.title': 'Segnala un problema all’IT',
  'feedback.placeholder': 'Cosa è successo? Cosa stavi facendo in quel momento?',
  'feedback.contactOptional': 'Come possiamo contattarti? Puoi lasciarlo vuoto.',
  'feedback.send': 'Invia',
  'feedback.thanks': 'Grazie. Lo inoltreremo all’IT.',

  'status.upToDate': 'Il tuo computer è aggiornato.',
  'status.lastChecked': 'Ultimo controllo: {when}.',
  'status.pending':
    '{count, plural, =0 {Nessun aggiornamento previsto.} one {# aggiornamento previsto.} other {# aggiornamenti previsti.}}',

  'common.close': 'Chiudi',
  'common.remindLater': 'Ricordamelo più tardi',
  'common.moreInfo': 'Altre informazioni',
  'common.acknowledge': 'OK, ho capito',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'Pagine',
  'ui.loading': 'Caricamento…',
  'ui.noAgent': 'Impossibile raggiungere l’app Forewarn. Riprova tra poco o chiedi all’IT.',
  'ui.status.title': 'Il mio computer è aggiornato?',
  'ui.status.checkNow': 'Controlla ora',
  'ui.status.notChecked': 'Non ancora controllato.',
  'ui.status.updated': 'Sono arrivati nuovi piani dall’IT.',
  'ui.status.unchanged': 'Niente di nuovo dall’IT.',
  'ui.status.rejected': 'Sono arrivati nuovi piani, ma non hanno superato il nostro controllo di sicurezza. Teniamo quelli di prima.',
  'ui.status.unreachable': 'Non siamo riusciti a raggiungere l’IT. Riproveremo presto.',
  'ui.status.plan': 'Versione del piano {count}, valida fino al {deadline}.',
  'ui.status.problems': 'Qualcosa richiede attenzione',
  'ui.status.coming': 'In arrivo',
  'ui.window': 'Dal {start} al {end}',
  'ui.steps': 'Cosa fare',
  'ui.prompt.timeLeft': 'Tempo rimasto: {duration}',
  'ui.prompt.deadline': 'Scadenza: {deadline}',
  'ui.prompt.choices': 'Cosa vuoi fare?',
  'ui.pickTime.label': 'Data e ora',
  'ui.pickTime.confirm': 'Usa questo orario',
  'ui.pickTime.outOfRange': 'Scegli un orario tra il {start} e il {latest}.',
  'ui.countdown.at': 'Il computer si riavvierà alle {time}.',
  'ui.result.deferred': 'OK. Te lo chiederemo di nuovo {relative}.',
  'ui.result.picked': 'OK. Il computer si riavvierà {relative}.',
  'ui.result.dryRun': 'Questa è una prova. Il computer non si riavvierà davvero.',
  'ui.result.refused': 'Non ha funzionato.',
  'ui.result.acknowledged': 'Grazie. L’IT può vedere che hai letto questo avviso.',
  'ui.notice.none': 'Non c’è niente di nuovo da leggere.',
  'ui.notice.read': 'Hai già letto questo avviso.',
  'ui.policy.empty': 'L’IT non ha ancora scritto questa pagina.',
  'ui.help.empty': 'L’IT non ha ancora aggiunto contatti.',
  'ui.help.links': 'Link utili',
  'ui.help.opened': 'Il link è aperto nel tuo browser.',
  'ui.help.refused': 'Questo link non si può aprire da qui.',
  'ui.feedback.message': 'Il tuo messaggio',
  'ui.feedback.contact': 'Email o telefono',
  'ui.feedback.empty': 'Scrivi qualche parola sul problema.',
  'ui.feedback.tooLong': 'Accorcia il testo, per favore.',
  'ui.feedback.another': 'Scrivine un altro',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'Questa manutenzione non esiste per questo computer.',
  'refusal.notPending': 'Nessun riavvio è in attesa per questa manutenzione.',
  'refusal.noDeferralsLeft': 'Hai già rimandato questo riavvio tutte le volte consentite.',
  'refusal.notOffered': 'Questa scelta non è disponibile ora.',
  'refusal.linkNotOffered': 'Questo link non è nel calendario firmato, quindi non si apre. Chiedi all’IT.',
  'refusal.noSchedule': 'Non c’è ancora un calendario degli aggiornamenti valido. Riprova più tardi.',
  'refusal.notRunning': 'Forewarn non è ancora pronto. Riprova tra poco.',
  'refusal.restartFailed': 'Il computer non è riuscito a riavviarsi. L’IT è già informato. Riprova o chiedi aiuto all’IT.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'L’app Forewarn non è riuscita ad aprire la sua memoria su questo computer. Contatta l’IT.',
  'error.noConfig': 'Questo computer non è ancora configurato per gli avvisi sugli aggiornamenti. Contatta l’IT.',
  'error.noSchedule': 'Ancora nessun calendario degli aggiornamenti. Nuovo tentativo a breve.',
  'error.expiredSchedule': 'Il calendario degli aggiornamenti su questo computer è scaduto. Si aggiornerà quando l’IT ne pubblicherà uno nuovo.',
  'error.rejectedSchedule': 'Non è stato possibile controllare il calendario degli aggiornamenti. Contatta l’IT.',
  'error.rejectedUpdate': 'Un nuovo calendario degli aggiornamenti è stato rifiutato perché non è stato possibile verificarlo. L’IT è già informato.',
  'error.enrollment': 'Questo computer non è riuscito a registrarsi sul server degli aggiornamenti. Contatta l’IT.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': 'Prossimo: {title}. {start}',
  'menu.about': 'Informazioni su Forewarn',
} satisfies Catalog;
