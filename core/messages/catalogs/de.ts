/**
 * German. Register: "Sie", as at work. "neu starten" / "Neustart" for restart, "die IT" for the IT team.
 */
import type { Catalog } from './types.js';

export const de = {
  'tray.idle': 'Ihr Computer ist auf dem neuesten Stand',
  'tray.upcoming': 'Bald kommen Updates',
  'tray.actionNeeded': 'Bitte lesen Sie die neue Nachricht',
  'tray.restartPending': 'Bitte starten Sie Ihren Computer neu',
  'tray.overdue': 'Ihr Computer startet bald neu',
  'tray.error': 'Neuigkeiten können gerade nicht abgerufen werden. Neuer Versuch in Kürze',
  'tray.tooltip': '{status} – {title}, {when}',

  'notice.advance.title': '{title} ({relative})',
  'notice.advance.body':
    'Ihr Computer bekommt am {start} Updates. '
    + '{restartRequired, select, yes {Danach ist ein Neustart nötig.} other {Ein Neustart ist nicht nötig.}} '
    + '{steps, plural, =0 {Sie müssen jetzt nichts tun.} one {Vorher ist # Schritt zu erledigen.} other {Vorher sind # Schritte zu erledigen.}}',
  'notice.starting.title': 'Es geht los: {title}',
  'notice.starting.body':
    'Ihr Computer bekommt gerade Updates. Sie können weiterarbeiten. Die Updates sollten bis {end} fertig sein. '
    + '{restartRequired, select, yes {Danach bitten wir Sie um einen Neustart.} other {Ein Neustart ist nicht nötig.}}',
  'notice.finishedRestartNeeded.title': 'Bitte neu starten zum Abschließen: {title}',
  'notice.finishedRestartNeeded.body':
    'Die Updates sind installiert. Bitte starten Sie bis {deadline} ({relative}) neu, um sie abzuschließen. Speichern Sie vorher Ihre Arbeit.',
  'notice.allDone.title': 'Fertig: {title}',
  'notice.allDone.body': 'Die Updates sind abgeschlossen. Sie müssen nichts tun.',
  'notice.catchUp.title': 'Während Sie weg waren',
  'notice.catchUp.upcoming': 'Updates sind geplant: {title}. Sie beginnen am {start} ({relative}).',
  'notice.catchUp.inProgress': 'Ihr Computer bekommt gerade Updates: {title}. Die Updates sollten bis {end} fertig sein.',
  'notice.catchUp.restartNeeded':
    'Ihr Computer hat Updates bekommen: {title}. Bitte starten Sie bis {deadline} ({relative}) neu, um sie abzuschließen. Speichern Sie vorher Ihre Arbeit.',
  'notice.catchUp.allDone': 'Ihr Computer hat Updates bekommen: {title}. Sie sind abgeschlossen. Sie müssen nichts tun.',
  'notice.catchUp.incident': 'Die IT hat Ihnen eine Meldung geschickt: „{title}“.',
  'notice.deadlinePassed.title': 'Ihr Computer startet bald neu',
  'notice.deadlinePassed.body':
    'Die Frist für den Neustart ist vorbei. Ihr Computer startet um {time} ({relative}) neu. Bitte speichern Sie jetzt Ihre Arbeit.',

  'prompt.title': 'Zeit für einen Neustart',
  'prompt.body':
    'Ihr Computer muss neu starten, um seine Updates abzuschließen. Sie können das jetzt oder etwas später tun. '
    + 'Sonst startet er am {deadline} ({relative}) von selbst neu.',
  'prompt.deferralsLeft':
    '{count, plural, =0 {Sie können den Neustart nicht mehr verschieben.} one {Sie können den Neustart noch # Mal verschieben.} other {Sie können den Neustart noch # Mal verschieben.}}',
  'prompt.choice.restartNow': 'Jetzt neu starten',
  'prompt.choice.deferFor': 'In {duration} erinnern',
  'prompt.choice.pickTime': 'Zeit auswählen',
  'prompt.pickTime.latest': 'Sie können eine Zeit bis {latest} wählen.',
  'prompt.saveWork': 'Speichern Sie vorher Ihre Arbeit und schließen Sie Ihre Apps.',

  'forced.warning.title': '{minutes, plural, one {Neustart in # Minute} other {Neustart in # Minuten}}',
  'forced.warning.body':
    '{minutes, plural, one {Ihr Computer startet in # Minute neu.} other {Ihr Computer startet in # Minuten neu.}} '
    + 'Bitte speichern Sie Ihre Arbeit und schließen Sie Ihre Apps.',
  'forced.countdown.title': 'Gleich startet Ihr Computer neu',
  'forced.countdown.body':
    '{seconds, plural, one {Ihr Computer startet in # Sekunde neu.} other {Ihr Computer startet in # Sekunden neu.}} '
    + 'Das lässt sich nicht verschieben. Speichern Sie jetzt Ihre Arbeit.',
  'forced.restartingNow': 'Ihr Computer startet jetzt neu.',

  'incident.phishing.title': 'Vorsicht vor gefälschten E-Mails',
  'incident.phishing.body':
    'Einige Personen haben E-Mails bekommen, die von uns zu kommen scheinen, aber gefälscht sind. '
    + 'Klicken Sie nicht auf Links darin, öffnen Sie keine Dateien daraus und antworten Sie nicht.',
  'incident.phishing.steps':
    'Löschen Sie die E-Mail.\nFalls Sie auf einen Link geklickt oder Ihr Passwort eingegeben haben, sagen Sie sofort der IT Bescheid.\n'
    + 'Wenn Sie unsicher sind, fragen Sie die IT, bevor Sie klicken.',
  'incident.outage.title': '{service} funktioniert nicht',
  'incident.outage.body':
    'Wir wissen, dass {service} gerade nicht funktioniert, und arbeiten daran. Wir hoffen, dass es bis {fixTime} wieder läuft. Sie müssen es uns nicht melden.',
  'incident.passwordReset.title': 'Bitte ändern Sie Ihr Passwort',
  'incident.passwordReset.body':
    'Damit Ihr Konto sicher bleibt, ändern Sie bitte bis {deadline} Ihr Passwort. Das ist eine Vorsichtsmaßnahme. Sie haben nichts falsch gemacht.',
  'incident.passwordReset.steps':
    'Ändern Sie es auf der gewohnten Anmeldeseite, nicht über einen Link in einer E-Mail.\n'
    + 'Wählen Sie ein neues Passwort, das Sie noch nie benutzt haben.\nWenn Sie Hilfe brauchen, fragen Sie die IT.',
  'incident.suspiciousSignIn.title': 'Waren Sie das?',
  'incident.suspiciousSignIn.body':
    'Wir haben bei Ihrem Konto für {service} eine Anmeldung bemerkt, die vielleicht nicht von Ihnen war. Folgen Sie sicherheitshalber bitte den Schritten unten.',
  'incident.suspiciousSignIn.steps':
    'Wenn Sie es nicht waren, ändern Sie jetzt Ihr Passwort.\nSagen Sie dann der IT Bescheid, damit wir helfen können.\n'
    + 'Wenn Sie es waren, müssen Sie nichts tun.',
  'incident.dataExposure.title': 'Wir prüfen ein Problem mit Daten',
  'incident.dataExposure.body':
    'Einige Daten wurden vielleicht von Personen gesehen, die sie nicht sehen sollten. Wir prüfen das gerade. '
    + 'Wir wissen noch nicht, ob Ihre Daten betroffen sind. Bis {nextUpdate} sagen wir Ihnen mehr.',
  'incident.dataExposure.steps':
    'Seien Sie vorsichtig bei E-Mails oder Anrufen, die nach Ihrem Passwort oder nach Geld fragen.\n'
    + 'Die IT fragt Sie nie nach Ihrem Passwort.\nWenn Ihnen etwas seltsam vorkommt, sagen Sie der IT Bescheid.',
  'incident.acknowledge': 'Ich habe das gelesen',
  'incident.updatesWillFollow': 'Wir sagen Ihnen mehr, sobald wir mehr wissen.',

  'policy.title': 'So halten wir Ihren Computer auf dem neuesten Stand',
  'policy.intro': 'So sorgt die IT dafür, dass Ihr Computer sicher ist und gut läuft.',
  'policy.security': 'Sicherheitsupdates',
  'policy.quality': 'Fehlerbehebungen und kleine Änderungen',
  'policy.feature': 'Neue Versionen des Systems',
  'policy.drivers': 'Updates für Ihre Hardware',
  'policy.thirdParty': 'Updates für Ihre anderen Apps',
  'policy.cadence': 'Wann gibt es Updates?',
  'policy.restarts': 'Wie laufen Neustarts ab?',
  'policy.outOfBand': 'Was, wenn ein Update nicht warten kann?',
  'policy.failures': 'Was, wenn ein Update fehlschlägt?',
  'policy.testing': 'Wie werden Updates vorher getestet?',
  'policy.coverage': 'Welche Computer und Apps sind abgedeckt?',

  'help.title': 'Hilfe',
  'help.intro': 'Fragen zu Updates oder Neustarts? Hier bekommen Sie Hilfe.',
  'help.faq': 'Häufige Fragen',
  'help.contacts': 'Ansprechpartner',
  'help.hours': 'Erreichbar: {hours}',
  'help.email': 'E-Mail: {email}',
  'help.phone': 'Telefon: {phone}',
  'help.chat': 'Mit uns chatten',
  'help.faqPage': 'Weitere Antworten online',

  'feedback.title': 'Der IT ein Problem melden',
  'feedback.placeholder': 'Was ist passiert? Was haben Sie da gerade gemacht?',
  'feedback.contactOptional': 'Wie erreichen wir Sie? Sie können das Feld leer lassen.',
  'feedback.send': 'Senden',
  'feedback.thanks': 'Danke. Wir geben das an die IT weiter.',

  'status.upToDate': 'Ihr Computer ist auf dem neuesten Stand.',
  'status.lastChecked': 'Zuletzt geprüft: {when}.',
  'status.pending': '{count, plural, =0 {Es sind keine Updates geplant.} one {# Update ist geplant.} other {# Updates sind geplant.}}',

  'common.close': 'Schließen',
  'common.remindLater': 'Später erinnern',
  'common.moreInfo': 'Mehr erfahren',
  'common.acknowledge': 'OK, verstanden',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'Seiten',
  'ui.loading': 'Wird geladen…',
  'ui.noAgent': 'Die Forewarn-App ist nicht erreichbar. Versuchen Sie es gleich noch einmal oder fragen Sie die IT.',
  'ui.status.title': 'Ist mein Computer aktuell?',
  'ui.status.checkNow': 'Jetzt prüfen',
  'ui.status.notChecked': 'Noch nicht geprüft.',
  'ui.status.updated': 'Neue Pläne von der IT sind da.',
  'ui.status.unchanged': 'Nichts Neues von der IT.',
  'ui.status.rejected': 'Neue Pläne kamen an, haben aber unsere Sicherheitsprüfung nicht bestanden. Wir behalten die bisherigen.',
  'ui.status.unreachable': 'Wir konnten die IT nicht erreichen. Wir versuchen es bald wieder.',
  'ui.status.plan': 'Planversion {count}, gültig bis {deadline}.',
  'ui.status.problems': 'Etwas braucht Ihre Aufmerksamkeit',
  'ui.status.coming': 'Demnächst',
  'ui.window': 'Von {start} bis {end}',
  'ui.steps': 'Was zu tun ist',
  'ui.prompt.timeLeft': 'Verbleibende Zeit: {duration}',
  'ui.prompt.deadline': 'Frist: {deadline}',
  'ui.prompt.choices': 'Was möchten Sie tun?',
  'ui.pickTime.label': 'Datum und Uhrzeit',
  'ui.pickTime.confirm': 'Diese Zeit nehmen',
  'ui.pickTime.outOfRange': 'Bitte wählen Sie eine Zeit zwischen {start} und {latest}.',
  'ui.countdown.at': 'Ihr Computer startet um {time} neu.',
  'ui.result.deferred': 'OK. Wir fragen Sie {relative} wieder.',
  'ui.result.picked': 'OK. Ihr Computer startet {relative} neu.',
  'ui.result.dryRun': 'Dies ist ein Test. Ihr Computer startet nicht wirklich neu.',
  'ui.result.refused': 'Das hat nicht geklappt.',
  'ui.result.acknowledged': 'Danke. Die IT sieht, dass Sie dies gelesen haben.',
  'ui.notice.none': 'Es gibt nichts Neues zu lesen.',
  'ui.notice.read': 'Sie haben dies gelesen.',
  'ui.policy.empty': 'Die IT hat diese Seite noch nicht geschrieben.',
  'ui.help.empty': 'Die IT hat noch keine Kontakte eingetragen.',
  'ui.help.links': 'Nützliche Links',
  'ui.help.opened': 'Der Link ist in Ihrem Browser geöffnet.',
  'ui.help.refused': 'Dieser Link kann hier nicht geöffnet werden.',
  'ui.feedback.message': 'Ihre Nachricht',
  'ui.feedback.contact': 'E-Mail oder Telefon',
  'ui.feedback.empty': 'Bitte schreiben Sie ein paar Worte zum Problem.',
  'ui.feedback.tooLong': 'Bitte fassen Sie sich kürzer.',
  'ui.feedback.another': 'Noch eine schreiben',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'Diese Wartung gibt es für diesen Computer nicht.',
  'refusal.notPending': 'Für diese Wartung steht kein Neustart an.',
  'refusal.noDeferralsLeft': 'Sie haben diesen Neustart so oft verschoben, wie es erlaubt ist.',
  'refusal.notOffered': 'Diese Auswahl ist gerade nicht möglich.',
  'refusal.linkNotOffered': 'Dieser Link steht nicht im signierten Plan, darum öffnet er sich nicht. Bitte fragen Sie die IT.',
  'refusal.noSchedule': 'Es gibt noch keinen gültigen Update-Plan. Bitte versuchen Sie es später noch einmal.',
  'refusal.notRunning': 'Forewarn ist noch nicht bereit. Bitte versuchen Sie es gleich noch einmal.',
  'refusal.restartFailed': 'Ihr Computer konnte nicht neu starten. Die IT weiß Bescheid. Bitte versuchen Sie es noch einmal oder fragen Sie die IT.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'Die Forewarn-App konnte ihren Speicher auf diesem Computer nicht öffnen. Bitte wenden Sie sich an die IT.',
  'error.noConfig': 'Dieser Computer ist noch nicht für Update-Hinweise eingerichtet. Bitte wenden Sie sich an die IT.',
  'error.noSchedule': 'Noch kein Update-Plan. Neuer Versuch in Kürze.',
  'error.expiredSchedule': 'Der Update-Plan auf diesem Computer ist veraltet. Er wird aktualisiert, sobald die IT einen neuen veröffentlicht.',
  'error.rejectedSchedule': 'Der Update-Plan konnte nicht geprüft werden. Bitte wenden Sie sich an die IT.',
  'error.rejectedUpdate': 'Ein neuer Update-Plan wurde abgelehnt, weil er nicht geprüft werden konnte. Die IT weiß Bescheid.',
  'error.enrollment': 'Dieser Computer konnte sich nicht beim Update-Server anmelden. Bitte wenden Sie sich an die IT.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': 'Als Nächstes: {title}. {start}',
  'menu.about': 'Über Forewarn',
} satisfies Catalog;
