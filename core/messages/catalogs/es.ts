/**
 * Spanish. Register: "tú", as in everyday software. "equipo" for the computer, "TI" for the IT team,
 * "reiniciar" for restart. Dates go after "el"/"del" ("el martes, 8 de diciembre, 22:00").
 */
import type { Catalog } from './types.js';

export const es = {
  'tray.idle': 'Tu equipo está al día',
  'tray.upcoming': 'Pronto habrá actualizaciones',
  'tray.actionNeeded': 'Lee el nuevo aviso',
  'tray.restartPending': 'Reinicia tu equipo',
  'tray.overdue': 'Tu equipo se reiniciará pronto',
  'tray.error': 'No se pueden obtener las últimas noticias. Lo intentaremos pronto de nuevo',
  'tray.tooltip': '{status} – {title}, {when}',

  'notice.advance.title': '{title} ({relative})',
  'notice.advance.body':
    'Tu equipo recibirá actualizaciones el {start}. '
    + '{restartRequired, select, yes {Después habrá que reiniciarlo.} other {No hará falta reiniciarlo.}} '
    + '{steps, plural, =0 {Por ahora no tienes que hacer nada.} one {Antes de eso, hay # cosa que hacer.} other {Antes de eso, hay # cosas que hacer.}}',
  'notice.starting.title': 'Empieza ahora: {title}',
  'notice.starting.body':
    'Tu equipo está recibiendo actualizaciones. Puedes seguir trabajando. Deberían terminar antes del {end}. '
    + '{restartRequired, select, yes {Después te pediremos que reinicies.} other {No tendrás que reiniciar.}}',
  'notice.finishedRestartNeeded.title': 'Reinicia para terminar: {title}',
  'notice.finishedRestartNeeded.body':
    'Las actualizaciones ya están instaladas. Reinicia antes del {deadline} ({relative}) para terminar. Antes, guarda tu trabajo.',
  'notice.allDone.title': 'Listo: {title}',
  'notice.allDone.body': 'Las actualizaciones han terminado. No tienes que hacer nada.',
  'notice.catchUp.title': 'Mientras no estabas',
  'notice.catchUp.upcoming': 'Hay actualizaciones previstas: {title}. Empiezan el {start} ({relative}).',
  'notice.catchUp.inProgress': 'Tu equipo está recibiendo actualizaciones: {title}. Deberían terminar antes del {end}.',
  'notice.catchUp.restartNeeded':
    'Tu equipo recibió actualizaciones: {title}. Reinicia antes del {deadline} ({relative}) para terminar. Antes, guarda tu trabajo.',
  'notice.catchUp.allDone': 'Tu equipo recibió actualizaciones: {title}. Ya han terminado. No tienes que hacer nada.',
  'notice.catchUp.incident': 'TI te ha enviado un aviso: «{title}».',
  'notice.deadlinePassed.title': 'Tu equipo se reiniciará pronto',
  'notice.deadlinePassed.body':
    'Ya pasó el plazo para reiniciar. Tu equipo se reiniciará a las {time} ({relative}). Guarda tu trabajo ahora.',

  'prompt.title': 'Hora de reiniciar',
  'prompt.body':
    'Tu equipo necesita reiniciarse para terminar las actualizaciones. Puedes hacerlo ahora o un poco más tarde. '
    + 'Si no lo haces, se reiniciará solo el {deadline} ({relative}).',
  'prompt.deferralsLeft':
    '{count, plural, =0 {Ya no puedes posponerlo más.} one {Puedes posponerlo # vez más.} other {Puedes posponerlo # veces más.}}',
  'prompt.choice.restartNow': 'Reiniciar ahora',
  'prompt.choice.deferFor': 'Recordármelo dentro de {duration}',
  'prompt.choice.pickTime': 'Elegir una hora',
  'prompt.pickTime.latest': 'Puedes elegir cualquier hora hasta el {latest}.',
  'prompt.saveWork': 'Antes, guarda tu trabajo y cierra tus aplicaciones.',

  'forced.warning.title': '{minutes, plural, one {Reinicio en # minuto} other {Reinicio en # minutos}}',
  'forced.warning.body':
    '{minutes, plural, one {Tu equipo se reiniciará en # minuto.} other {Tu equipo se reiniciará en # minutos.}} '
    + 'Guarda tu trabajo y cierra tus aplicaciones.',
  'forced.countdown.title': 'Reinicio en breve',
  'forced.countdown.body':
    '{seconds, plural, one {Tu equipo se reiniciará en # segundo.} other {Tu equipo se reiniciará en # segundos.}} '
    + 'No se puede posponer. Guarda tu trabajo ahora.',
  'forced.restartingNow': 'Tu equipo se está reiniciando.',

  'incident.phishing.title': 'Cuidado con los correos falsos',
  'incident.phishing.body':
    'Algunas personas recibieron correos que parecen nuestros, pero son falsos. No abras sus enlaces ni sus archivos, y no respondas.',
  'incident.phishing.steps':
    'Borra el correo.\nSi abriste un enlace o escribiste tu contraseña, avisa a TI ahora.\nSi tienes dudas, pregunta a TI antes de hacer clic.',
  'incident.outage.title': '{service} no funciona',
  'incident.outage.body':
    'Sabemos que {service} no funciona ahora mismo y estamos en ello. Esperamos que vuelva a funcionar antes del {fixTime}. No hace falta que nos avises.',
  'incident.passwordReset.title': 'Cambia tu contraseña',
  'incident.passwordReset.body':
    'Para proteger tu cuenta, cambia tu contraseña antes del {deadline}. Es una medida de seguridad. No hiciste nada mal.',
  'incident.passwordReset.steps':
    'Cámbiala en la página de inicio de sesión de siempre, no desde un enlace de un correo.\nElige una contraseña nueva que no hayas usado antes.\nSi necesitas ayuda, pregunta a TI.',
  'incident.suspiciousSignIn.title': '¿Fuiste tú?',
  'incident.suspiciousSignIn.body':
    'Vimos un inicio de sesión en tu cuenta de {service} que quizá no fue tuyo. Por seguridad, sigue los pasos de abajo.',
  'incident.suspiciousSignIn.steps':
    'Si no fuiste tú, cambia tu contraseña ahora.\nDespués avisa a TI, para que podamos ayudarte.\nSi fuiste tú, no tienes que hacer nada.',
  'incident.dataExposure.title': 'Estamos revisando un problema con datos',
  'incident.dataExposure.body':
    'Es posible que personas sin permiso hayan visto algunos datos. Lo estamos revisando ahora. '
    + 'Aún no sabemos si tus datos están afectados. Te contaremos más antes del {nextUpdate}.',
  'incident.dataExposure.steps':
    'Ten cuidado con correos o llamadas que te pidan tu contraseña o dinero.\nTI nunca te pedirá tu contraseña.\nSi algo te parece raro, avisa a TI.',
  'incident.acknowledge': 'Lo he leído',
  'incident.updatesWillFollow': 'Te contaremos más en cuanto sepamos más.',

  'policy.title': 'Cómo mantenemos tu equipo al día',
  'policy.intro': 'Así es como TI mantiene tu equipo seguro y funcionando bien.',
  'policy.security': 'Actualizaciones de seguridad',
  'policy.quality': 'Correcciones y pequeños cambios',
  'policy.feature': 'Nuevas versiones del sistema',
  'policy.drivers': 'Actualizaciones para tu hardware',
  'policy.thirdParty': 'Actualizaciones de tus otras aplicaciones',
  'policy.cadence': '¿Cuándo se hacen las actualizaciones?',
  'policy.restarts': '¿Cómo funcionan los reinicios?',
  'policy.outOfBand': '¿Y si una actualización no puede esperar?',
  'policy.failures': '¿Y si una actualización falla?',
  'policy.testing': '¿Cómo se prueban antes las actualizaciones?',
  'policy.coverage': '¿Qué equipos y aplicaciones incluye?',

  'help.title': 'Ayuda',
  'help.intro': '¿Tienes preguntas sobre actualizaciones o reinicios? Aquí puedes pedir ayuda.',
  'help.faq': 'Preguntas frecuentes',
  'help.contacts': 'A quién contactar',
  'help.hours': 'Horario: {hours}',
  'help.email': 'Correo: {email}',
  'help.phone': 'Teléfono: {phone}',
  'help.chat': 'Chatea con nosotros',
  'help.faqPage': 'Más respuestas en línea',

  'feedback.title': 'Cuéntale a TI un problema',
  'feedback.placeholder': '¿Qué pasó? ¿Qué estabas haciendo en ese momento?',
  'feedback.contactOptional': '¿Cómo podemos contactarte? Puedes dejarlo vacío.',
  'feedback.send': 'Enviar',
  'feedback.thanks': 'Gracias. Se lo haremos llegar a TI.',

  'status.upToDate': 'Tu equipo está al día.',
  'status.lastChecked': 'Última comprobación: {when}.',
  'status.pending':
    '{count, plural, =0 {No hay actualizaciones previstas.} one {Hay # actualización prevista.} other {Hay # actualizaciones previstas.}}',

  'common.close': 'Cerrar',
  'common.remindLater': 'Recordármelo más tarde',
  'common.moreInfo': 'Más información',
  'common.acknowledge': 'Entendido',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'Páginas',
  'ui.loading': 'Cargando…',
  'ui.noAgent': 'No se puede contactar con la app Forewarn. Inténtalo de nuevo en un momento o pregunta a TI.',
  'ui.status.title': '¿Está al día mi equipo?',
  'ui.status.checkNow': 'Comprobar ahora',
  'ui.status.notChecked': 'Aún no se ha comprobado.',
  'ui.status.updated': 'Han llegado nuevos planes de TI.',
  'ui.status.unchanged': 'Nada nuevo de TI.',
  'ui.status.rejected': 'Han llegado nuevos planes, pero no han pasado nuestra comprobación de seguridad. Seguimos con los que teníamos.',
  'ui.status.unreachable': 'No pudimos contactar con TI. Lo intentaremos de nuevo pronto.',
  'ui.status.plan': 'Versión del plan {count}, válida hasta el {deadline}.',
  'ui.status.problems': 'Algo necesita tu atención',
  'ui.status.coming': 'Próximamente',
  'ui.window': 'Del {start} al {end}',
  'ui.steps': 'Qué hacer',
  'ui.prompt.timeLeft': 'Tiempo restante: {duration}',
  'ui.prompt.deadline': 'Fecha límite: {deadline}',
  'ui.prompt.choices': '¿Qué quieres hacer?',
  'ui.pickTime.label': 'Fecha y hora',
  'ui.pickTime.confirm': 'Usar esta hora',
  'ui.pickTime.outOfRange': 'Elige una hora entre el {start} y el {latest}.',
  'ui.countdown.at': 'Tu equipo se reiniciará a las {time}.',
  'ui.result.deferred': 'De acuerdo. Te lo volveremos a preguntar {relative}.',
  'ui.result.picked': 'De acuerdo. Tu equipo se reiniciará {relative}.',
  'ui.result.dryRun': 'Esto es una prueba. Tu equipo no se reiniciará de verdad.',
  'ui.result.refused': 'No ha funcionado.',
  'ui.result.acknowledged': 'Gracias. TI puede ver que has leído esto.',
  'ui.notice.none': 'No hay nada nuevo que leer.',
  'ui.notice.read': 'Ya has leído esto.',
  'ui.policy.empty': 'TI aún no ha escrito esta página.',
  'ui.help.empty': 'TI aún no ha añadido contactos.',
  'ui.help.links': 'Enlaces útiles',
  'ui.help.opened': 'El enlace se ha abierto en tu navegador.',
  'ui.help.refused': 'Este enlace no se puede abrir desde aquí.',
  'ui.feedback.message': 'Tu mensaje',
  'ui.feedback.contact': 'Correo o teléfono',
  'ui.feedback.empty': 'Escribe unas palabras sobre el problema.',
  'ui.feedback.tooLong': 'Hazlo más corto, por favor.',
  'ui.feedback.another': 'Escribir otro',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'No hay ningún mantenimiento así para este equipo.',
  'refusal.notPending': 'No hay ningún reinicio pendiente para este mantenimiento.',
  'refusal.noDeferralsLeft': 'Ya has pospuesto este reinicio todas las veces permitidas.',
  'refusal.notOffered': 'Esa opción no está disponible ahora.',
  'refusal.linkNotOffered': 'Este enlace no está en el calendario firmado, así que no se abre. Pregunta a TI.',
  'refusal.noSchedule': 'Todavía no hay un calendario de actualizaciones válido. Inténtalo de nuevo más tarde.',
  'refusal.notRunning': 'Forewarn aún no está listo. Inténtalo de nuevo en un momento.',
  'refusal.restartFailed': 'Tu equipo no se pudo reiniciar. TI ya lo sabe. Inténtalo de nuevo o pide ayuda a TI.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'La app Forewarn no pudo abrir su memoria en este equipo. Contacta con TI.',
  'error.noConfig': 'Este equipo aún no está configurado para los avisos de actualizaciones. Contacta con TI.',
  'error.noSchedule': 'Aún no hay calendario de actualizaciones. Lo intentaremos pronto de nuevo.',
  'error.expiredSchedule': 'El calendario de actualizaciones de este equipo ha caducado. Se actualizará cuando TI publique uno nuevo.',
  'error.rejectedSchedule': 'No se pudo comprobar el calendario de actualizaciones. Contacta con TI.',
  'error.rejectedUpdate': 'Se rechazó un nuevo calendario de actualizaciones porque no se pudo verificar. TI ya lo sabe.',
  'error.enrollment': 'Este equipo no pudo registrarse en el servidor de actualizaciones. Contacta con TI.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': 'Próximo: {title}. {start}',
  'menu.about': 'Acerca de Forewarn',
} satisfies Catalog;
