/**
 * French. Register: "vous". "redémarrer" for restart, "le service informatique" for IT. A no-break space
 * (U+00A0) goes before ":", "?" and "!", so the sign never wraps onto a line of its own.
 */
import type { Catalog } from './types.js';

export const fr = {
  'tray.idle': 'Votre ordinateur est à jour',
  'tray.upcoming': 'Des mises à jour arrivent bientôt',
  'tray.actionNeeded': 'Veuillez lire le nouveau message',
  'tray.restartPending': 'Veuillez redémarrer votre ordinateur',
  'tray.overdue': 'Votre ordinateur va bientôt redémarrer',
  'tray.error': 'Impossible d’obtenir les dernières nouvelles. Nouvel essai bientôt',
  'tray.tooltip': '{status} – {title}, {when}',

  'notice.advance.title': '{title} ({relative})',
  'notice.advance.body':
    'Votre ordinateur recevra des mises à jour le {start}. '
    + '{restartRequired, select, yes {Il faudra ensuite le redémarrer.} other {Il ne faudra pas le redémarrer.}} '
    + '{steps, plural, =0 {Vous n’avez rien à faire pour l’instant.} one {Il y a # chose à faire avant.} other {Il y a # choses à faire avant.}}',
  'notice.starting.title': 'Début des mises à jour : {title}',
  'notice.starting.body':
    'Votre ordinateur reçoit des mises à jour. Vous pouvez continuer à travailler. Elles devraient être terminées d’ici le {end}. '
    + '{restartRequired, select, yes {Nous vous demanderons ensuite de redémarrer.} other {Vous n’aurez pas besoin de redémarrer.}}',
  'notice.finishedRestartNeeded.title': 'Redémarrez pour terminer : {title}',
  'notice.finishedRestartNeeded.body':
    'Les mises à jour sont installées. Veuillez redémarrer d’ici le {deadline} ({relative}) pour terminer. Enregistrez d’abord votre travail.',
  'notice.allDone.title': 'Terminé : {title}',
  'notice.allDone.body': 'Les mises à jour sont terminées. Vous n’avez rien à faire.',
  'notice.catchUp.title': 'Pendant votre absence',
  'notice.catchUp.upcoming': 'Des mises à jour sont prévues : {title}. Elles commencent le {start} ({relative}).',
  'notice.catchUp.inProgress': 'Votre ordinateur reçoit des mises à jour : {title}. Elles devraient être terminées d’ici le {end}.',
  'notice.catchUp.restartNeeded':
    'Votre ordinateur a reçu des mises à jour : {title}. Veuillez redémarrer d’ici le {deadline} ({relative}) pour terminer. Enregistrez d’abord votre travail.',
  'notice.catchUp.allDone':
    'Votre ordinateur a reçu des mises à jour : {title}. Elles sont terminées. Vous n’avez rien à faire.',
  'notice.catchUp.incident': 'Le service informatique vous a envoyé un avis : « {title} ».',
  'notice.deadlinePassed.title': 'Votre ordinateur va bientôt redémarrer',
  'notice.deadlinePassed.body':
    'Le délai pour redémarrer est passé. Votre ordinateur redémarrera à {time} ({relative}). Enregistrez votre travail maintenant.',

  'prompt.title': 'Il est temps de redémarrer',
  'prompt.body':
    'Votre ordinateur doit redémarrer pour terminer ses mises à jour. Vous pouvez le faire maintenant ou un peu plus tard. '
    + 'Sinon, il redémarrera tout seul le {deadline} ({relative}).',
  'prompt.deferralsLeft':
    '{count, plural, =0 {Vous ne pouvez plus le reporter.} one {Vous pouvez encore le reporter # fois.} other {Vous pouvez encore le reporter # fois.}}',
  'prompt.choice.restartNow': 'Redémarrer maintenant',
  'prompt.choice.deferFor': 'Me le rappeler dans {duration}',
  'prompt.choice.pickTime': 'Choisir une heure',
  'prompt.pickTime.latest': 'Vous pouvez choisir une heure jusqu’au {latest}.',
  'prompt.saveWork': 'Enregistrez d’abord votre travail et fermez vos applications.',

  'forced.warning.title': '{minutes, plural, one {Redémarrage dans # minute} other {Redémarrage dans # minutes}}',
  'forced.warning.body':
    '{minutes, plural, one {Votre ordinateur redémarrera dans # minute.} other {Votre ordinateur redémarrera dans # minutes.}} '
    + 'Enregistrez votre travail et fermez vos applications.',
  'forced.countdown.title': 'Redémarrage imminent',
  'forced.countdown.body':
    '{seconds, plural, one {Votre ordinateur redémarrera dans # seconde.} other {Votre ordinateur redémarrera dans # secondes.}} '
    + 'Ce redémarrage ne peut pas être reporté. Enregistrez votre travail maintenant.',
  'forced.restartingNow': 'Votre ordinateur redémarre maintenant.',

  'incident.phishing.title': 'Attention aux faux e-mails',
  'incident.phishing.body':
    'Certaines personnes ont reçu des e-mails qui semblent venir de nous, mais qui sont faux. N’ouvrez pas leurs liens ni leurs fichiers, et n’y répondez pas.',
  'incident.phishing.steps':
    'Supprimez l’e-mail.\nSi vous avez ouvert un lien ou saisi votre mot de passe, prévenez tout de suite le service informatique.\n'
    + 'En cas de doute, demandez au service informatique avant de cliquer.',
  'incident.outage.title': '{service} ne fonctionne pas',
  'incident.outage.body':
    'Nous savons que {service} ne fonctionne pas en ce moment et nous nous en occupons. Nous espérons le rétablir d’ici le {fixTime}. Inutile de nous le signaler.',
  'incident.passwordReset.title': 'Veuillez changer votre mot de passe',
  'incident.passwordReset.body':
    'Pour protéger votre compte, veuillez changer votre mot de passe d’ici le {deadline}. C’est une mesure de sécurité. Vous n’avez rien fait de mal.',
  'incident.passwordReset.steps':
    'Changez-le sur la page de connexion habituelle, pas depuis un lien reçu par e-mail.\n'
    + 'Choisissez un nouveau mot de passe que vous n’avez jamais utilisé.\nSi vous avez besoin d’aide, demandez au service informatique.',
  'incident.suspiciousSignIn.title': 'Était-ce vous ?',
  'incident.suspiciousSignIn.body':
    'Nous avons vu une connexion à votre compte {service} qui ne vient peut-être pas de vous. Par prudence, suivez les étapes ci-dessous.',
  'incident.suspiciousSignIn.steps':
    'Si ce n’était pas vous, changez votre mot de passe maintenant.\nPrévenez ensuite le service informatique, pour que nous puissions vous aider.\n'
    + 'Si c’était vous, vous n’avez rien à faire.',
  'incident.dataExposure.title': 'Nous examinons un problème de données',
  'incident.dataExposure.body':
    'Des données ont peut-être été vues par des personnes qui n’auraient pas dû les voir. Nous examinons la situation. '
    + 'Nous ne savons pas encore si vos données sont concernées. Nous vous en dirons plus d’ici le {nextUpdate}.',
  'incident.dataExposure.steps':
    'Méfiez-vous des e-mails ou des appels qui demandent votre mot de passe ou de l’argent.\n'
    + 'Le service informatique ne vous demandera jamais votre mot de passe.\nSi quelque chose vous semble anormal, prévenez le service informatique.',
  'incident.acknowledge': 'J’ai lu ce message',
  'incident.updatesWillFollow': 'Nous vous en dirons plus dès que nous en saurons plus.',

  'policy.title': 'Comment nous gardons votre ordinateur à jour',
  'policy.intro': 'Voici comment le service informatique garde votre ordinateur sûr et en bon état de marche.',
  'policy.security': 'Mises à jour de sécurité',
  'policy.quality': 'Corrections et petits changements',
  'policy.feature': 'Nouvelles versions du système',
  'policy.drivers': 'Mises à jour pour votre matériel',
  'policy.thirdParty': 'Mises à jour de vos autres applications',
  'policy.cadence': 'Quand les mises à jour ont-elles lieu ?',
  'policy.restarts': 'Comment se passent les redémarrages ?',
  'policy.outOfBand': 'Et si une mise à jour ne peut pas attendre ?',
  'policy.failures': 'Et si une mise à jour échoue ?',
  'policy.testing': 'Comment les mises à jour sont-elles testées avant ?',
  'policy.coverage': 'Quels ordinateurs et applications sont concernés ?',

  'help.title': 'Aide',
  'help.intro': 'Des questions sur les mises à jour ou les redémarrages ? Voici où trouver de l’aide.',
  'help.faq': 'Questions fréquentes',
  'help.contacts': 'Qui contacter',
  'help.hours': 'Horaires : {hours}',
  'help.email': 'E-mail : {email}',
  'help.phone': 'Téléphone : {phone}',
  'help.chat': 'Discuter avec nous',
  'help.faqPage': 'Plus de réponses en ligne',

  'feedback.title': 'Signaler un problème au service informatique',
  'feedback.placeholder': 'Que s’est-il passé ? Que faisiez-vous à ce moment-là ?',
  'feedback.contactOptional': 'Comment vous joindre ? Vous pouvez laisser ce champ vide.',
  'feedback.send': 'Envoyer',
  'feedback.thanks': 'Merci. Nous transmettrons votre message au service informatique.',

  'status.upToDate': 'Votre ordinateur est à jour.',
  'status.lastChecked': 'Dernière vérification : {when}.',
  'status.pending':
    '{count, plural, =0 {Aucune mise à jour n’est prévue.} one {# mise à jour est prévue.} other {# mises à jour sont prévues.}}',

  'common.close': 'Fermer',
  'common.remindLater': 'Me le rappeler plus tard',
  'common.moreInfo': 'En savoir plus',
  'common.acknowledge': 'OK, compris',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'Pages',
  'ui.loading': 'Chargement…',
  'ui.noAgent': 'Impossible de joindre l’app Forewarn. Réessayez dans un instant ou demandez au service informatique.',
  'ui.status.title': 'Mon ordinateur est-il à jour ?',
  'ui.status.checkNow': 'Vérifier maintenant',
  'ui.status.notChecked': 'Pas encore vérifié.',
  'ui.status.updated': 'Le service informatique a envoyé de nouveaux plans.',
  'ui.status.unchanged': 'Rien de nouveau du service informatique.',
  'ui.status.rejected': 'De nouveaux plans sont arrivés, mais ils n’ont pas passé notre contrôle de sécurité. Nous gardons les anciens.',
  'ui.status.unreachable': 'Nous n’avons pas pu joindre le service informatique. Nous réessaierons bientôt.',
  'ui.status.plan': 'Plan version {count}, valable jusqu’au {deadline}.',
  'ui.status.problems': 'Un point demande votre attention',
  'ui.status.coming': 'À venir',
  'ui.window': 'Du {start} au {end}',
  'ui.steps': 'Que faire',
  'ui.prompt.timeLeft': 'Temps restant : {duration}',
  'ui.prompt.deadline': 'Date limite : {deadline}',
  'ui.prompt.choices': 'Que voulez-vous faire ?',
  'ui.pickTime.label': 'Date et heure',
  'ui.pickTime.confirm': 'Choisir cette heure',
  'ui.pickTime.outOfRange': 'Choisissez une heure entre le {start} et le {latest}.',
  'ui.countdown.at': 'Votre ordinateur redémarrera à {time}.',
  'ui.result.deferred': 'D’accord. Nous vous redemanderons {relative}.',
  'ui.result.picked': 'D’accord. Votre ordinateur redémarrera {relative}.',
  'ui.result.dryRun': 'Ceci est un essai. Votre ordinateur ne redémarrera pas vraiment.',
  'ui.result.refused': 'Cela n’a pas marché.',
  'ui.result.acknowledged': 'Merci. Le service informatique voit que vous avez lu ceci.',
  'ui.notice.none': 'Rien de nouveau à lire.',
  'ui.notice.read': 'Vous avez lu ceci.',
  'ui.policy.empty': 'Le service informatique n’a pas encore écrit cette page.',
  'ui.help.empty': 'Le service informatique n’a pas encore ajouté de contacts.',
  'ui.help.links': 'Liens utiles',
  'ui.help.opened': 'Le lien est ouvert dans votre navigateur.',
  'ui.help.refused': 'Ce lien ne peut pas être ouvert d’ici.',
  'ui.feedback.message': 'Votre message',
  'ui.feedback.contact': 'E-mail ou téléphone',
  'ui.feedback.empty': 'Écrivez quelques mots sur le problème.',
  'ui.feedback.tooLong': 'Merci de raccourcir le texte.',
  'ui.feedback.another': 'En écrire un autre',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'Cette maintenance n’existe pas pour cet ordinateur.',
  'refusal.notPending': 'Aucun redémarrage n’est en attente pour cette maintenance.',
  'refusal.noDeferralsLeft': 'Vous avez déjà reporté ce redémarrage autant de fois que permis.',
  'refusal.notOffered': 'Ce choix n’est pas proposé pour le moment.',
  'refusal.linkNotOffered': 'Ce lien ne figure pas dans le calendrier signé, il ne s’ouvre donc pas. Veuillez demander au service informatique.',
  'refusal.noSchedule': 'Il n’y a pas encore de calendrier de mises à jour valide. Veuillez réessayer plus tard.',
  'refusal.notRunning': 'Forewarn n’est pas encore prêt. Veuillez réessayer dans un instant.',
  'refusal.restartFailed':
    'Votre ordinateur n’a pas pu redémarrer. Le service informatique est prévenu. Veuillez réessayer ou demander de l’aide au service informatique.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'L’app Forewarn n’a pas pu ouvrir sa mémoire sur cet ordinateur. Veuillez contacter le service informatique.',
  'error.noConfig': 'Cet ordinateur n’est pas encore configuré pour les avis de mises à jour. Veuillez contacter le service informatique.',
  'error.noSchedule': 'Pas encore de calendrier de mises à jour. Nouvel essai bientôt.',
  'error.expiredSchedule':
    'Le calendrier de mises à jour de cet ordinateur n’est plus valable. Il sera remplacé quand le service informatique en publiera un nouveau.',
  'error.rejectedSchedule': 'Le calendrier de mises à jour n’a pas pu être vérifié. Veuillez contacter le service informatique.',
  'error.rejectedUpdate': 'Un nouveau calendrier de mises à jour a été refusé, car il n’a pas pu être vérifié. Le service informatique est prévenu.',
  'error.enrollment': 'Cet ordinateur n’a pas pu s’inscrire auprès du serveur de mises à jour. Veuillez contacter le service informatique.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': 'Prochain : {title}. {start}',
  'menu.about': 'À propos de Forewarn',
} satisfies Catalog;
