/**
 * Korean. Register: polite (합니다/하세요). "다시 시작" for restart (the word Windows and macOS use),
 * "IT 팀" for the IT team. Particles that need no agreement with the noun (에, 까지) follow arguments, as a
 * name like {service} may end in a vowel or a consonant. Plurals: "other" only.
 */
import type { Catalog } from './types.js';

export const ko = {
  'tray.idle': '컴퓨터가 최신 상태입니다',
  'tray.upcoming': '곧 업데이트가 있습니다',
  'tray.actionNeeded': '새 알림을 확인하세요',
  'tray.restartPending': '컴퓨터를 다시 시작하세요',
  'tray.overdue': '곧 컴퓨터가 다시 시작됩니다',
  'tray.error': '최신 소식을 가져올 수 없습니다. 곧 다시 시도합니다',
  'tray.tooltip': '{status} – {title}, {when}',

  'notice.advance.title': '{title} ({relative})',
  'notice.advance.body':
    '{start}에 컴퓨터가 업데이트됩니다. '
    + '{restartRequired, select, yes {업데이트 후 다시 시작해야 합니다.} other {다시 시작할 필요는 없습니다.}} '
    + '{steps, plural, =0 {지금은 아무것도 하지 않아도 됩니다.} other {그 전에 할 일이 #개 있습니다.}}',
  'notice.starting.title': '지금 시작: {title}',
  'notice.starting.body':
    '컴퓨터가 업데이트 중입니다. 계속 작업하셔도 됩니다. {end}까지 끝날 예정입니다. '
    + '{restartRequired, select, yes {끝나면 다시 시작을 요청드리겠습니다.} other {다시 시작할 필요는 없습니다.}}',
  'notice.finishedRestartNeeded.title': '완료하려면 다시 시작하세요: {title}',
  'notice.finishedRestartNeeded.body':
    '업데이트가 설치되었습니다. 완료하려면 {deadline}({relative})까지 다시 시작하세요. 먼저 작업을 저장하세요.',
  'notice.allDone.title': '완료: {title}',
  'notice.allDone.body': '업데이트가 끝났습니다. 아무것도 하지 않아도 됩니다.',
  'notice.catchUp.title': '자리를 비운 동안',
  'notice.catchUp.upcoming': '업데이트가 예정되어 있습니다: {title}. {start}({relative})에 시작합니다.',
  'notice.catchUp.inProgress': '컴퓨터가 지금 업데이트 중입니다: {title}. {end}까지 끝날 예정입니다.',
  'notice.catchUp.restartNeeded':
    '컴퓨터가 업데이트되었습니다: {title}. 완료하려면 {deadline}({relative})까지 다시 시작하세요. 먼저 작업을 저장하세요.',
  'notice.catchUp.allDone': '컴퓨터가 업데이트되었습니다: {title}. 업데이트가 끝났습니다. 아무것도 하지 않아도 됩니다.',
  'notice.catchUp.incident': 'IT에서 알림을 보냈습니다: “{title}”.',
  'notice.deadlinePassed.title': '곧 컴퓨터가 다시 시작됩니다',
  'notice.deadlinePassed.body':
    '다시 시작 기한이 지났습니다. 컴퓨터가 {time}({relative})에 다시 시작됩니다. 지금 작업을 저장하세요.',

  'prompt.title': '다시 시작할 시간입니다',
  'prompt.body':
    '업데이트를 완료하려면 컴퓨터를 다시 시작해야 합니다. 지금 하거나 조금 나중에 해도 됩니다. '
    + '다시 시작하지 않으면 {deadline}({relative})에 자동으로 다시 시작됩니다.',
  'prompt.deferralsLeft': '{count, plural, =0 {더 이상 미룰 수 없습니다.} other {#번 더 미룰 수 있습니다.}}',
  'prompt.choice.restartNow': '지금 다시 시작',
  'prompt.choice.deferFor': '{duration} 후에 알림',
  'prompt.choice.pickTime': '시간 선택',
  'prompt.pickTime.latest': '{latest}까지의 시간을 선택할 수 있습니다.',
  'prompt.saveWork': '먼저 작업을 저장하고 앱을 닫으세요.',

  'forced.warning.title': '{minutes, plural, other {#분 후 다시 시작}}',
  'forced.warning.body': '{minutes, plural, other {#분 후에 컴퓨터가 다시 시작됩니다.}} 작업을 저장하고 앱을 닫으세요.',
  'forced.countdown.title': '곧 다시 시작됩니다',
  'forced.countdown.body':
    '{seconds, plural, other {#초 후에 컴퓨터가 다시 시작됩니다.}} 이번 다시 시작은 미룰 수 없습니다. 지금 작업을 저장하세요.',
  'forced.restartingNow': '컴퓨터를 지금 다시 시작하는 중입니다.',

  'incident.phishing.title': '가짜 이메일에 주의하세요',
  'incident.phishing.body':
    '저희가 보낸 것처럼 보이는 가짜 이메일을 받은 분들이 있습니다. 이메일 속 링크나 파일을 열지 말고, 답장하지 마세요.',
  'incident.phishing.steps':
    '그 이메일을 삭제하세요.\n링크를 눌렀거나 비밀번호를 입력했다면 바로 IT 팀에 알려 주세요.\n확실하지 않으면 누르기 전에 IT 팀에 물어보세요.',
  'incident.outage.title': '{service}에 문제가 있습니다',
  'incident.outage.body':
    '지금 {service}에 문제가 있다는 것을 알고 있으며 해결하는 중입니다. {fixTime}까지 복구될 것으로 예상합니다. 따로 알려 주지 않으셔도 됩니다.',
  'incident.passwordReset.title': '비밀번호를 변경하세요',
  'incident.passwordReset.body':
    '계정을 안전하게 지키기 위해 {deadline}까지 비밀번호를 변경하세요. 안전을 위한 조치이며, 잘못하신 것은 없습니다.',
  'incident.passwordReset.steps':
    '이메일 속 링크가 아니라 평소 쓰는 로그인 페이지에서 변경하세요.\n한 번도 쓴 적 없는 새 비밀번호를 고르세요.\n도움이 필요하면 IT 팀에 문의하세요.',
  'incident.suspiciousSignIn.title': '본인이 맞나요?',
  'incident.suspiciousSignIn.body':
    '{service} 계정에 본인이 아닐 수도 있는 로그인이 있었습니다. 안전을 위해 아래 단계를 따라 주세요.',
  'incident.suspiciousSignIn.steps':
    '본인이 아니라면 지금 비밀번호를 변경하세요.\n그다음 IT 팀에 알려 주세요. 저희가 도와드리겠습니다.\n본인이 맞다면 아무것도 하지 않아도 됩니다.',
  'incident.dataExposure.title': '데이터 문제를 조사하고 있습니다',
  'incident.dataExposure.body':
    '일부 데이터를 보면 안 되는 사람이 보았을 수 있습니다. 지금 조사하고 있습니다. '
    + '내 데이터가 포함되었는지는 아직 알 수 없습니다. {nextUpdate}까지 더 알려 드리겠습니다.',
  'incident.dataExposure.steps':
    '비밀번호나 돈을 요구하는 이메일이나 전화에 주의하세요.\nIT 팀은 절대 비밀번호를 묻지 않습니다.\n이상한 점이 있으면 IT 팀에 알려 주세요.',
  'incident.acknowledge': '읽었습니다',
  'incident.updatesWillFollow': '더 알게 되는 대로 바로 알려 드리겠습니다.',

  'policy.title': '컴퓨터를 최신 상태로 유지하는 방법',
  'policy.intro': 'IT 팀이 컴퓨터를 안전하고 잘 작동하게 유지하는 방법입니다.',
  'policy.security': '보안 업데이트',
  'policy.quality': '문제 수정과 작은 변경',
  'policy.feature': '시스템 새 버전',
  'policy.drivers': '하드웨어 업데이트',
  'policy.thirdParty': '다른 앱 업데이트',
  'policy.cadence': '업데이트는 언제 하나요?',
  'policy.restarts': '다시 시작은 어떻게 하나요?',
  'policy.outOfBand': '업데이트가 급할 때는요?',
  'policy.failures': '업데이트가 실패하면요?',
  'policy.testing': '업데이트는 미리 어떻게 확인하나요?',
  'policy.coverage': '어떤 컴퓨터와 앱이 포함되나요?',

  'help.title': '도움말',
  'help.intro': '업데이트나 다시 시작에 대해 궁금한 점이 있나요? 여기에서 도움을 받으세요.',
  'help.faq': '자주 묻는 질문',
  'help.contacts': '연락처',
  'help.hours': '운영 시간: {hours}',
  'help.email': '이메일: {email}',
  'help.phone': '전화: {phone}',
  'help.chat': '채팅으로 문의',
  'help.faqPage': '온라인에서 더 많은 답변 보기',

  'feedback.title': 'IT 팀에 문제 알리기',
  'feedback.placeholder': '무슨 일이 있었나요? 그때 무엇을 하고 있었나요?',
  'feedback.contactOptional': '연락받을 방법 (선택 사항)',
  'feedback.send': '보내기',
  'feedback.thanks': '감사합니다. IT 팀에 전달하겠습니다.',

  'status.upToDate': '컴퓨터가 최신 상태입니다.',
  'status.lastChecked': '마지막 확인: {when}',
  'status.pending': '{count, plural, =0 {예정된 업데이트가 없습니다.} other {예정된 업데이트가 #개 있습니다.}}',

  'common.close': '닫기',
  'common.remindLater': '나중에 알림',
  'common.moreInfo': '자세히 보기',
  'common.acknowledge': '확인',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': '페이지',
  'ui.loading': '불러오는 중…',
  'ui.noAgent': 'Forewarn 앱에 연결할 수 없습니다. 잠시 후 다시 시도하거나 IT에 문의하세요.',
  'ui.status.title': '내 컴퓨터는 최신 상태인가요?',
  'ui.status.checkNow': '지금 확인',
  'ui.status.notChecked': '아직 확인하지 않았습니다.',
  'ui.status.updated': 'IT에서 새 계획이 왔습니다.',
  'ui.status.unchanged': 'IT에서 새 소식이 없습니다.',
  'ui.status.rejected': '새 계획이 왔지만 보안 확인을 통과하지 못했습니다. 기존 계획을 계속 사용합니다.',
  'ui.status.unreachable': 'IT에 연결할 수 없었습니다. 곧 다시 시도합니다.',
  'ui.status.plan': '계획 버전 {count}, {deadline}까지 유효합니다.',
  'ui.status.problems': '확인이 필요한 항목이 있습니다',
  'ui.status.coming': '예정된 일정',
  'ui.window': '{start}부터 {end}까지',
  'ui.steps': '할 일',
  'ui.prompt.timeLeft': '남은 시간: {duration}',
  'ui.prompt.deadline': '기한: {deadline}',
  'ui.prompt.choices': '어떻게 하시겠어요?',
  'ui.pickTime.label': '날짜와 시간',
  'ui.pickTime.confirm': '이 시간으로 하기',
  'ui.pickTime.outOfRange': '{start}부터 {latest} 사이의 시간을 고르세요.',
  'ui.countdown.at': '컴퓨터가 {time}에 다시 시작됩니다.',
  'ui.result.deferred': '확인했습니다. {relative} 다시 물어볼게요.',
  'ui.result.picked': '확인했습니다. 컴퓨터가 {relative} 다시 시작됩니다.',
  'ui.result.dryRun': '테스트입니다. 컴퓨터가 실제로 다시 시작되지는 않습니다.',
  'ui.result.refused': '처리하지 못했습니다.',
  'ui.result.acknowledged': '감사합니다. 읽으신 것을 IT가 확인할 수 있습니다.',
  'ui.notice.none': '새로 읽을 내용이 없습니다.',
  'ui.notice.read': '이미 읽으셨습니다.',
  'ui.policy.empty': 'IT가 아직 이 페이지를 작성하지 않았습니다.',
  'ui.help.empty': 'IT가 아직 연락처를 추가하지 않았습니다.',
  'ui.help.links': '유용한 링크',
  'ui.help.opened': '링크를 브라우저에서 열었습니다.',
  'ui.help.refused': '이 링크는 여기에서 열 수 없습니다.',
  'ui.feedback.message': '메시지',
  'ui.feedback.contact': '이메일 또는 전화번호',
  'ui.feedback.empty': '문제에 대해 몇 마디 적어 주세요.',
  'ui.feedback.tooLong': '조금 더 짧게 써 주세요.',
  'ui.feedback.another': '하나 더 쓰기',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': '이 컴퓨터에는 해당 유지 관리가 없습니다.',
  'refusal.notPending': '이 유지 관리에는 대기 중인 다시 시작이 없습니다.',
  'refusal.noDeferralsLeft': '이 다시 시작은 허용된 횟수만큼 이미 미뤘습니다.',
  'refusal.notOffered': '그 선택은 지금 할 수 없습니다.',
  'refusal.linkNotOffered': '이 링크는 서명된 일정에 없어서 열리지 않습니다. IT에 문의하세요.',
  'refusal.noSchedule': '아직 유효한 업데이트 일정이 없습니다. 나중에 다시 시도하세요.',
  'refusal.notRunning': 'Forewarn이 아직 준비되지 않았습니다. 잠시 후 다시 시도하세요.',
  'refusal.restartFailed': '컴퓨터를 다시 시작하지 못했습니다. IT에 이미 알렸습니다. 다시 시도하거나 IT에 도움을 요청하세요.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'Forewarn 앱이 이 컴퓨터에 저장된 기록을 열 수 없었습니다. IT에 문의하세요.',
  'error.noConfig': '이 컴퓨터는 아직 업데이트 알림을 받도록 설정되지 않았습니다. IT에 문의하세요.',
  'error.noSchedule': '아직 업데이트 일정이 없습니다. 곧 다시 시도합니다.',
  'error.expiredSchedule': '이 컴퓨터의 업데이트 일정이 만료되었습니다. IT가 새 일정을 게시하면 업데이트됩니다.',
  'error.rejectedSchedule': '업데이트 일정을 확인할 수 없었습니다. IT에 문의하세요.',
  'error.rejectedUpdate': '새 업데이트 일정을 확인할 수 없어서 받지 않았습니다. IT에 이미 알렸습니다.',
  'error.enrollment': '이 컴퓨터를 업데이트 서버에 등록할 수 없었습니다. IT에 문의하세요.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': '다음 일정: {title}. {start}',
  'menu.about': 'Forewarn 정보',
} satisfies Catalog;
