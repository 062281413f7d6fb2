/**
 * Polish. Register: informal imperative ("Zapisz"), as in everyday software; gendered past forms are avoided
 * ("Rozumiem", impersonal "kliknięto"). "uruchomić ponownie" for restart, "dział IT" for the IT team.
 * Dates and times stand after a label ("Termin: …"), because a preposition would need them in another case.
 * Plurals: one (1), few (2–4, 22–24…), many (0, 5–21, 25–31…), other (fractions).
 */
import type { Catalog } from './types.js';

export const pl = {
  'tray.idle': 'Twój komputer jest aktualny',
  'tray.upcoming': 'Wkrótce będą aktualizacje',
  'tray.actionNeeded': 'Przeczytaj nowe powiadomienie',
  'tray.restartPending': 'Uruchom ponownie komputer',
  'tray.overdue': 'Komputer wkrótce uruchomi się ponownie',
  'tray.error': 'Nie można pobrać najnowszych informacji. Wkrótce spróbujemy ponownie',
  'tray.tooltip': '{status} – {title}, {when}',

  'notice.advance.title': '{title} ({relative})',
  'notice.advance.body':
    'Komputer dostanie aktualizacje. Początek: {start}. '
    + '{restartRequired, select, yes {Potem trzeba będzie uruchomić go ponownie.} other {Ponowne uruchomienie nie będzie potrzebne.}} '
    + '{steps, plural, =0 {Na razie nie musisz nic robić.} one {Wcześniej masz do wykonania # krok.} few {Wcześniej masz do wykonania # kroki.} '
    + 'many {Wcześniej masz do wykonania # kroków.} other {Wcześniej masz do wykonania # kroku.}}',
  'notice.starting.title': 'Rozpoczynamy: {title}',
  'notice.starting.body':
    'Komputer dostaje teraz aktualizacje. Możesz dalej pracować. Przewidywany koniec: {end}. '
    + '{restartRequired, select, yes {Potem poprosimy o ponowne uruchomienie.} other {Ponowne uruchomienie nie będzie potrzebne.}}',
  'notice.finishedRestartNeeded.title': 'Uruchom ponownie, aby zakończyć: {title}',
  'notice.finishedRestartNeeded.body':
    'Aktualizacje są zainstalowane. Aby je zakończyć, uruchom komputer ponownie. Termin: {deadline} ({relative}). Najpierw zapisz swoją pracę.',
  'notice.allDone.title': 'Gotowe: {title}',
  'notice.allDone.body': 'Aktualizacje są zakończone. Nie musisz nic robić.',
  'notice.catchUp.title': 'Podczas twojej nieobecności',
  'notice.catchUp.upcoming': 'Zaplanowano aktualizacje: {title}. Początek: {start} ({relative}).',
  'notice.catchUp.inProgress': 'Komputer dostaje teraz aktualizacje: {title}. Przewidywany koniec: {end}.',
  'notice.catchUp.restartNeeded':
    'Komputer dostał aktualizacje: {title}. Aby je zakończyć, uruchom go ponownie. Termin: {deadline} ({relative}). Najpierw zapisz swoją pracę.',
  'notice.catchUp.allDone': 'Komputer dostał aktualizacje: {title}. Są już zakończone. Nie musisz nic robić.',
  'notice.catchUp.incident': 'Dział IT przesłał komunikat: „{title}”.',
  'notice.deadlinePassed.title': 'Komputer wkrótce uruchomi się ponownie',
  'notice.deadlinePassed.body':
    'Czas na ponowne uruchomienie minął. Komputer uruchomi się ponownie o {time} ({relative}). Zapisz teraz swoją pracę.',

  'prompt.title': 'Czas na ponowne uruchomienie',
  'prompt.body':
    'Komputer musi uruchomić się ponownie, aby zakończyć aktualizacje. Możesz to zrobić teraz albo trochę później. '
    + 'Jeśli tego nie zrobisz, uruchomi się ponownie sam. Termin: {deadline} ({relative}).',
  'prompt.deferralsLeft':
    '{count, plural, =0 {Nie możesz już tego odłożyć.} one {Możesz to odłożyć jeszcze # raz.} few {Możesz to odłożyć jeszcze # razy.} '
    + 'many {Możesz to odłożyć jeszcze # razy.} other {Możesz to odłożyć jeszcze # razy.}}',
  'prompt.choice.restartNow': 'Uruchom ponownie teraz',
  'prompt.choice.deferFor': 'Przypomnij później ({duration})',
  'prompt.choice.pickTime': 'Wybierz godzinę',
  'prompt.pickTime.latest': 'Najpóźniejszy możliwy termin: {latest}.',
  'prompt.saveWork': 'Najpierw zapisz swoją pracę i zamknij aplikacje.',

  'forced.warning.title':
    '{minutes, plural, one {Ponowne uruchomienie za # minutę} few {Ponowne uruchomienie za # minuty} '
    + 'many {Ponowne uruchomienie za # minut} other {Ponowne uruchomienie za # minuty}}',
  'forced.warning.body':
    '{minutes, plural, one {Komputer uruchomi się ponownie za # minutę.} few {Komputer uruchomi się ponownie za # minuty.} '
    + 'many {Komputer uruchomi się ponownie za # minut.} other {Komputer uruchomi się ponownie za # minuty.}} '
    + 'Zapisz swoją pracę i zamknij aplikacje.',
  'forced.countdown.title': 'Za chwilę ponowne uruchomienie',
  'forced.countdown.body':
    '{seconds, plural, one {Komputer uruchomi się ponownie za # sekundę.} few {Komputer uruchomi się ponownie za # sekundy.} '
    + 'many {Komputer uruchomi się ponownie za # sekund.} other {Komputer uruchomi się ponownie za # sekundy.}} '
    + 'Nie można tego odłożyć. Zapisz teraz swoją pracę.',
  'forced.restartingNow': 'Komputer uruchamia się teraz ponownie.',

  'incident.phishing.title': 'Uwaga na fałszywe e-maile',
  'incident.phishing.body':
    'Niektóre osoby dostały e-maile, które wyglądają, jakby były od nas, ale są fałszywe. Nie klikaj w linki, nie otwieraj plików i nie odpowiadaj.',
  'incident.phishing.steps':
    'Usuń tego e-maila.\nJeśli kliknięto w link lub wpisano hasło, od razu powiadom dział IT.\nJeśli nie masz pewności, zapytaj dział IT, zanim klikniesz.',
  'incident.outage.title': '{service} nie działa',
  'incident.outage.body':
    'Wiemy, że {service} teraz nie działa, i już nad tym pracujemy. Przewidywany czas naprawy: {fixTime}. Nie musisz tego zgłaszać.',
  'incident.passwordReset.title': 'Zmień hasło',
  'incident.passwordReset.body':
    'Aby chronić twoje konto, zmień hasło. Termin: {deadline}. To zwykły środek ostrożności, a nie czyjaś wina.',
  'incident.passwordReset.steps':
    'Zmień je na zwykłej stronie logowania, a nie przez link z e-maila.\nWybierz nowe hasło, którego jeszcze nie używano.\n'
    + 'Jeśli potrzebujesz pomocy, zapytaj dział IT.',
  'incident.suspiciousSignIn.title': 'Czy to ty?',
  'incident.suspiciousSignIn.body':
    'Widzimy logowanie do twojego konta w {service}, które może nie być twoje. Dla bezpieczeństwa wykonaj poniższe kroki.',
  'incident.suspiciousSignIn.steps':
    'Jeśli to nie ty, zmień teraz hasło.\nPotem powiadom dział IT, żebyśmy mogli pomóc.\nJeśli to ty, nie musisz nic robić.',
  'incident.dataExposure.title': 'Sprawdzamy problem z danymi',
  'incident.dataExposure.body':
    'Niektóre dane mogły zobaczyć osoby, które nie powinny ich widzieć. Właśnie to sprawdzamy. '
    + 'Nie wiemy jeszcze, czy dotyczy to twoich danych. Następna informacja: {nextUpdate}.',
  'incident.dataExposure.steps':
    'Uważaj na e-maile i telefony z prośbą o hasło lub pieniądze.\nDział IT nigdy nie prosi o hasło.\nJeśli coś wygląda podejrzanie, powiadom dział IT.',
  'incident.acknowledge': 'Rozumiem',
  'incident.updatesWillFollow': 'Przekażemy więcej informacji, gdy tylko będziemy wiedzieć więcej.',

  'policy.title': 'Jak dbamy o aktualność twojego komputera',
  'policy.intro': 'Oto jak dział IT dba o to, by twój komputer był bezpieczny i dobrze działał.',
  'policy.security': 'Aktualizacje zabezpieczeń',
  'policy.quality': 'Poprawki i drobne zmiany',
  'policy.feature': 'Nowe wersje systemu',
  'policy.drivers': 'Aktualizacje sprzętu',
  'policy.thirdParty': 'Aktualizacje innych aplikacji',
  'policy.cadence': 'Kiedy są aktualizacje?',
  'policy.restarts': 'Jak działa ponowne uruchamianie?',
  'policy.outOfBand': 'Co, jeśli aktualizacja nie może czekać?',
  'policy.failures': 'Co, jeśli aktualizacja się nie uda?',
  'policy.testing': 'Jak aktualizacje są najpierw testowane?',
  'policy.coverage': 'Jakich komputerów i aplikacji to dotyczy?',

  'help.title': 'Pomoc',
  'help.intro': 'Masz pytania o aktualizacje lub ponowne uruchamianie? Tu znajdziesz pomoc.',
  'help.faq': 'Częste pytania',
  'help.contacts': 'Kontakt',
  'help.hours': 'Godziny pracy: {hours}',
  'help.email': 'E-mail: {email}',
  'help.phone': 'Telefon: {phone}',
  'help.chat': 'Czat z nami',
  'help.faqPage': 'Więcej odpowiedzi online',

  'feedback.title': 'Zgłoś problem działowi IT',
  'feedback.placeholder': 'Co się stało i w jakiej sytuacji?',
  'feedback.contactOptional': 'Jak możemy się z tobą skontaktować? To pole możesz zostawić puste.',
  'feedback.send': 'Wyślij',
  'feedback.thanks': 'Dziękujemy. Przekażemy to do działu IT.',

  'status.upToDate': 'Twój komputer jest aktualny.',
  'status.lastChecked': 'Ostatnie sprawdzenie: {when}.',
  'status.pending':
    '{count, plural, =0 {Brak zaplanowanych aktualizacji.} one {Zaplanowano # aktualizację.} few {Zaplanowano # aktualizacje.} '
    + 'many {Zaplanowano # aktualizacji.} other {Zaplanowano # aktualizacji.}}',

  'common.close': 'Zamknij',
  'common.remindLater': 'Przypomnij później',
  'common.moreInfo': 'Więcej informacji',
  'common.acknowledge': 'OK, rozumiem',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'Strony',
  'ui.loading': 'Ładowanie…',
  'ui.noAgent': 'Nie można połączyć się z aplikacją Forewarn. Spróbuj za chwilę albo zapytaj dział IT.',
  'ui.status.title': 'Czy mój komputer jest aktualny?',
  'ui.status.checkNow': 'Sprawdź teraz',
  'ui.status.notChecked': 'Jeszcze nie sprawdzono.',
  'ui.status.updated': 'Dział IT przysłał nowe plany.',
  'ui.status.unchanged': 'Nic nowego od działu IT.',
  'ui.status.rejected': 'Przyszły nowe plany, ale nie przeszły naszej kontroli bezpieczeństwa. Zostajemy przy poprzednich.',
  'ui.status.unreachable': 'Nie udało się połączyć z działem IT. Spróbujemy wkrótce.',
  'ui.status.plan': 'Wersja planu {count}, ważna do {deadline}.',
  'ui.status.problems': 'Coś wymaga uwagi',
  'ui.status.coming': 'Wkrótce',
  'ui.window': 'Od {start} do {end}',
  'ui.steps': 'Co zrobić',
  'ui.prompt.timeLeft': 'Pozostały czas: {duration}',
  'ui.prompt.deadline': 'Termin: {deadline}',
  'ui.prompt.choices': 'Co chcesz zrobić?',
  'ui.pickTime.label': 'Data i godzina',
  'ui.pickTime.confirm': 'Wybierz tę godzinę',
  'ui.pickTime.outOfRange': 'Wybierz godzinę od {start} do {latest}.',
  'ui.countdown.at': 'Komputer uruchomi się ponownie o {time}.',
  'ui.result.deferred': 'OK. Zapytamy ponownie {relative}.',
  'ui.result.picked': 'OK. Komputer uruchomi się ponownie {relative}.',
  'ui.result.dryRun': 'To jest test. Komputer nie uruchomi się naprawdę ponownie.',
  'ui.result.refused': 'To się nie udało.',
  'ui.result.acknowledged': 'Dziękujemy. Dział IT widzi, że to przeczytano.',
  'ui.notice.none': 'Nie ma nic nowego do przeczytania.',
  'ui.notice.read': 'To zostało przeczytane.',
  'ui.policy.empty': 'Dział IT nie napisał jeszcze tej strony.',
  'ui.help.empty': 'Dział IT nie dodał jeszcze kontaktów.',
  'ui.help.links': 'Przydatne linki',
  'ui.help.opened': 'Link jest otwarty w przeglądarce.',
  'ui.help.refused': 'Tego linku nie można otworzyć stąd.',
  'ui.feedback.message': 'Twoja wiadomość',
  'ui.feedback.contact': 'E-mail lub telefon',
  'ui.feedback.empty': 'Napisz kilka słów o problemie.',
  'ui.feedback.tooLong': 'Skróć tekst, proszę.',
  'ui.feedback.another': 'Napisz kolejną',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'Nie ma takiej konserwacji dla tego komputera.',
  'refusal.notPending': 'Dla tej konserwacji nie czeka żadne ponowne uruchomienie.',
  'refusal.noDeferralsLeft': 'To ponowne uruchomienie zostało już odłożone tyle razy, ile można.',
  'refusal.notOffered': 'Ten wybór nie jest teraz dostępny.',
  'refusal.linkNotOffered': 'Tego linku nie ma w podpisanym harmonogramie, więc się nie otworzy. Zapytaj dział IT.',
  'refusal.noSchedule': 'Nie ma jeszcze ważnego harmonogramu aktualizacji. Spróbuj ponownie później.',
  'refusal.notRunning': 'Forewarn nie jest jeszcze gotowy. Spróbuj ponownie za chwilę.',
  'refusal.restartFailed': 'Nie udało się ponownie uruchomić komputera. Dział IT już o tym wie. Spróbuj jeszcze raz albo poproś dział IT o pomoc.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'Aplikacja Forewarn nie mogła otworzyć swojej pamięci na tym komputerze. Skontaktuj się z działem IT.',
  'error.noConfig': 'Ten komputer nie jest jeszcze skonfigurowany do powiadomień o aktualizacjach. Skontaktuj się z działem IT.',
  'error.noSchedule': 'Nie ma jeszcze harmonogramu aktualizacji. Wkrótce spróbujemy ponownie.',
  'error.expiredSchedule': 'Harmonogram aktualizacji na tym komputerze jest nieaktualny. Zmieni się, gdy dział IT opublikuje nowy.',
  'error.rejectedSchedule': 'Nie udało się sprawdzić harmonogramu aktualizacji. Skontaktuj się z działem IT.',
  'error.rejectedUpdate': 'Nowy harmonogram aktualizacji został odrzucony, bo nie dało się go zweryfikować. Dział IT już o tym wie.',
  'error.enrollment': 'Ten komputer nie mógł zarejestrować się na serwerze aktualizacji. Skontaktuj się z działem IT.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': 'Następne: {title}. {start}',
  'menu.about': 'O programie Forewarn',
} satisfies Catalog;
