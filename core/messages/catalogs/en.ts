/**
 * The built-in texts in English: the source every other catalog translates, and the last fallback.
 *
 * ICU MessageFormat. Arguments are texts the caller has already formatted (dates, "in 3 days", "1 hour")
 * or numbers (for plurals). Rules of the house, checked by tests:
 * - short, calm, concrete: what will happen, when, and what to do; Flesch-Kincaid grade 7 or lower;
 * - "restart", never "reboot"; no blame, no jargon, no capitals for shouting;
 * - the typographic apostrophe (’) only: in ICU a straight one starts quoted text before { } or #;
 * - `*.steps` hold one step per line ("\n"), shown as a list.
 */
import type { BaseCatalog } from './types.js';

export const en = {
  // ------------------------------------------------------------ tray: status labels and tooltip
  'tray.idle': 'Your computer is up to date',
  'tray.upcoming': 'Updates are coming soon',
  'tray.actionNeeded': 'Please read the new notice',
  'tray.restartPending': 'Please restart your computer',
  'tray.overdue': 'Your computer will restart soon',
  'tray.error': 'Can’t get the latest news. Trying again soon',
  'tray.tooltip': '{status} – {title}, {when}',

  // ------------------------------------------------------------ notices
  'notice.advance.title': 'Coming {relative}: {title}',
  'notice.advance.body':
    'Your computer will get updates on {start}. '
    + '{restartRequired, select, yes {It will need a restart after that.} other {It won’t need a restart.}} '
    + '{steps, plural, =0 {You don’t need to do anything now.} one {There is # thing to do before then.} other {There are # things to do before then.}}',
  'notice.starting.title': 'Starting now: {title}',
  'notice.starting.body':
    'Your computer is getting updates. You can keep working. They should be done by {end}. '
    + '{restartRequired, select, yes {We will ask you to restart after that.} other {You won’t need to restart.}}',
  'notice.finishedRestartNeeded.title': 'Please restart to finish: {title}',
  'notice.finishedRestartNeeded.body':
    'The updates are in. Please restart by {deadline} ({relative}) to finish. Save your work first.',
  'notice.allDone.title': 'All done: {title}',
  'notice.allDone.body': 'The updates are finished. You don’t need to do anything.',
  'notice.catchUp.title': 'While you were away',
  'notice.catchUp.upcoming': 'Updates are planned: {title}. They start on {start} ({relative}).',
  'notice.catchUp.inProgress': 'Your computer is getting updates now: {title}. They should be done by {end}.',
  'notice.catchUp.restartNeeded':
    'Your computer got updates: {title}. Please restart by {deadline} ({relative}) to finish. Save your work first.',
  'notice.catchUp.allDone': 'Your computer got updates: {title}. They are done. You don’t need to do anything.',
  'notice.catchUp.incident': 'IT sent you a notice: “{title}”.',
  'notice.deadlinePassed.title': 'Your computer will restart soon',
  'notice.deadlinePassed.body':
    'The time to restart has passed. Your computer will restart at {time} ({relative}). Please save your work now.',

  // ------------------------------------------------------------ restart prompt
  'prompt.title': 'Time to restart',
  'prompt.body':
    'Your computer needs a restart to finish its updates. You can do it now or a bit later. '
    + 'If you don’t, it will restart by itself on {deadline} ({relative}).',
  'prompt.deferralsLeft':
    '{count, plural, =0 {You can’t put it off again.} one {You can put it off # more time.} other {You can put it off # more times.}}',
  'prompt.choice.restartNow': 'Restart now',
  'prompt.choice.deferFor': 'Remind me in {duration}',
  'prompt.choice.pickTime': 'Pick a time',
  'prompt.pickTime.latest': 'You can pick any time up to {latest}.',
  'prompt.saveWork': 'Save your work and close your apps first.',

  // ------------------------------------------------------------ forced restart
  'forced.warning.title': '{minutes, plural, one {Restart in # minute} other {Restart in # minutes}}',
  'forced.warning.body':
    '{minutes, plural, one {Your computer will restart in # minute.} other {Your computer will restart in # minutes.}} '
    + 'Please save your work and close your apps.',
  'forced.countdown.title': 'Restarting soon',
  'forced.countdown.body':
    '{seconds, plural, one {Your computer will restart in # second.} other {Your computer will restart in # seconds.}} '
    + 'This can’t be put off. Save your work now.',
  'forced.restartingNow': 'Your computer is restarting now.',

  // ------------------------------------------------------------ incidents and outages: what to do, no detail
  'incident.phishing.title': 'Watch out for fake emails',
  'incident.phishing.body':
    'Some people got emails that seem to come from us, but they are fake. Don’t click links or open files in them, and don’t reply.',
  'incident.phishing.steps':
    'Delete the email.\nIf you clicked a link or typed your password, tell IT now.\nIf you are not sure, ask IT before you click.',
  'incident.outage.title': '{service} is not working',
  'incident.outage.body':
    'We know {service} is not working right now, and we are on it. We hope to have it back by {fixTime}. You don’t need to tell us about it.',
  'incident.passwordReset.title': 'Please change your password',
  'incident.passwordReset.body':
    'To keep your account safe, please change your password by {deadline}. This is a safety step. You did nothing wrong.',
  'incident.passwordReset.steps':
    'Change it on the usual sign-in page, not from a link in an email.\nPick a new password you have not used before.\nIf you need help, ask IT.',
  'incident.suspiciousSignIn.title': 'Was this you?',
  'incident.suspiciousSignIn.body':
    'We saw someone sign in to your {service} account, and it may not be you. To be safe, please do the steps below.',
  'incident.suspiciousSignIn.steps':
    'If it was not you, change your password now.\nThen tell IT, so we can help.\nIf it was you, you don’t need to do anything.',
  'incident.dataExposure.title': 'We are looking into a data problem',
  'incident.dataExposure.body':
    'Some data may have been seen by people who should not see it. We are looking into it now. '
    + 'We don’t know yet if your data is part of it. We will tell you more by {nextUpdate}.',
  'incident.dataExposure.steps':
    'Take care with emails or calls that ask for your password or for money.\nIT will never ask for your password.\nIf something looks wrong, tell IT.',
  'incident.acknowledge': 'I have read this',
  'incident.updatesWillFollow': 'We will tell you more as soon as we know more.',

  // ------------------------------------------------------------ "how we patch" page
  'policy.title': 'How we keep your computer up to date',
  'policy.intro': 'Here is how IT keeps your computer safe and working well.',
  'policy.security': 'Security updates',
  'policy.quality': 'Fixes and small changes',
  'policy.feature': 'New versions of the system',
  'policy.drivers': 'Updates for your hardware',
  'policy.thirdParty': 'Updates to your other apps',
  'policy.cadence': 'When do updates happen?',
  'policy.restarts': 'How do restarts work?',
  'policy.outOfBand': 'What if an update can’t wait?',
  'policy.failures': 'What if an update fails?',
  'policy.testing': 'How are updates tried out first?',
  'policy.coverage': 'Which computers and apps does this cover?',

  // ------------------------------------------------------------ help
  'help.title': 'Help',
  'help.intro': 'Questions about updates or restarts? Here is where to get help.',
  'help.faq': 'Common questions',
  'help.contacts': 'Who to contact',
  'help.hours': 'Open: {hours}',
  'help.email': 'Email: {email}',
  'help.phone': 'Phone: {phone}',
  'help.chat': 'Chat with us',
  'help.faqPage': 'More answers online',

  // ------------------------------------------------------------ feedback
  'feedback.title': 'Tell IT about a problem',
  'feedback.placeholder': 'What happened? What were you doing at the time?',
  'feedback.contactOptional': 'How can we reach you? You can leave this empty.',
  'feedback.send': 'Send',
  'feedback.thanks': 'Thank you. We will pass this on to IT.',

  // ------------------------------------------------------------ status
  'status.upToDate': 'Your computer is up to date.',
  'status.lastChecked': 'Last checked {when}.',
  'status.pending': '{count, plural, =0 {No updates are planned.} one {# update is planned.} other {# updates are planned.}}',

  // ------------------------------------------------------------ common
  'common.close': 'Close',
  'common.remindLater': 'Remind me later',
  'common.moreInfo': 'More info',
  'common.acknowledge': 'OK, got it',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'Pages',
  'ui.loading': 'Loading…',
  'ui.noAgent': 'Can’t reach the Forewarn app. Please try again in a moment, or ask IT.',
  'ui.status.title': 'Am I up to date?',
  'ui.status.checkNow': 'Check now',
  'ui.status.notChecked': 'Not checked yet.',
  'ui.status.updated': 'New plans came in from IT.',
  'ui.status.unchanged': 'Nothing new from IT.',
  'ui.status.rejected': 'New plans came in, but they did not pass our safety check. We keep the ones we had.',
  'ui.status.unreachable': 'We could not reach IT. We will try again soon.',
  'ui.status.plan': 'Plan version {count}, good until {deadline}.',
  'ui.status.problems': 'Something needs attention',
  'ui.status.coming': 'Coming up',
  'ui.window': 'From {start} to {end}',
  'ui.steps': 'What to do',
  'ui.prompt.timeLeft': 'Time left: {duration}',
  'ui.prompt.deadline': 'Deadline: {deadline}',
  'ui.prompt.choices': 'What would you like to do?',
  'ui.pickTime.label': 'Date and time',
  'ui.pickTime.confirm': 'Use this time',
  'ui.pickTime.outOfRange': 'Please pick a time. The earliest is {start}. The latest is {latest}.',
  'ui.countdown.at': 'Your computer will restart at {time}.',
  'ui.result.deferred': 'OK. We will ask you again {relative}.',
  'ui.result.picked': 'OK. Your computer will restart {relative}.',
  'ui.result.dryRun': 'This is a test. Your computer will not really restart.',
  'ui.result.refused': 'That did not work.',
  'ui.result.acknowledged': 'Thank you. IT can see that you have read this.',
  'ui.notice.none': 'There is nothing new to read.',
  'ui.notice.read': 'You have read this.',
  'ui.policy.empty': 'IT has not written this page yet.',
  'ui.help.empty': 'IT has not added any contacts yet.',
  'ui.help.links': 'Useful links',
  'ui.help.opened': 'The link is open in your web browser.',
  'ui.help.refused': 'This link can’t be opened from here.',
  'ui.feedback.message': 'Your message',
  'ui.feedback.contact': 'Email or phone',
  'ui.feedback.empty': 'Please write a few words about the problem.',
  'ui.feedback.tooLong': 'Please make it shorter.',
  'ui.feedback.another': 'Write another',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'There is no such maintenance for this computer.',
  'refusal.notPending': 'No restart is waiting for this maintenance.',
  'refusal.noDeferralsLeft': 'You have put this restart off as many times as allowed.',
  'refusal.notOffered': 'That choice is not offered now.',
  'refusal.linkNotOffered': 'This link is not in the signed schedule, so it does not open. Please ask IT.',
  'refusal.noSchedule': 'There is no update schedule to act on yet. Please try again later.',
  'refusal.notRunning': 'Forewarn is not ready yet. Please try again in a moment.',
  'refusal.restartFailed': 'Your computer could not restart. IT has been told. Please try again, or ask IT for help.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'The Forewarn app could not open its memory on this computer. Please contact IT.',
  'error.noConfig': 'This computer is not set up for update notices yet. Please contact IT.',
  'error.noSchedule': 'No update schedule yet. Trying again soon.',
  'error.expiredSchedule': 'The update schedule on this computer is out of date. It will update when IT publishes a new one.',
  'error.rejectedSchedule': 'The update schedule could not be checked. Please contact IT.',
  'error.rejectedUpdate': 'A new update schedule was refused because it could not be verified. IT has been told.',
  'error.enrollment': 'This computer could not sign up with the update server. Please contact IT.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': 'Next: {title}. {start}',
  'menu.about': 'About Forewarn',
} satisfies BaseCatalog;
