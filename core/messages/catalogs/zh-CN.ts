/**
 * Simplified Chinese, also the fallback for zh, zh-Hans and zh-SG (not for Traditional Chinese).
 * Register: "您". "重启" for restart, "IT 部门" for the IT team. Full-width punctuation. Plurals: "other" only.
 */
import type { Catalog } from './types.js';

export const zhCN = {
  'tray.idle': '您的电脑已是最新状态',
  'tray.upcoming': '即将有更新',
  'tray.actionNeeded': '请查看新通知',
  'tray.restartPending': '请重启电脑',
  'tray.overdue': '电脑即将重启',
  'tray.error': '暂时无法获取最新消息，稍后会重试',
  'tray.tooltip': '{status} – {title}，{when}',

  'notice.advance.title': '{title}（{relative}）',
  'notice.advance.body':
    '您的电脑将于{start}安装更新。'
    + '{restartRequired, select, yes {更新后需要重启。} other {不需要重启。}}'
    + '{steps, plural, =0 {现在无需做任何事。} other {在此之前，有#件事需要您完成。}}',
  'notice.starting.title': '现在开始：{title}',
  'notice.starting.body':
    '您的电脑正在安装更新，您可以继续工作。预计在{end}前完成。'
    + '{restartRequired, select, yes {完成后我们会请您重启。} other {无需重启。}}',
  'notice.finishedRestartNeeded.title': '请重启以完成更新：{title}',
  'notice.finishedRestartNeeded.body': '更新已安装。请在{deadline}（{relative}）前重启以完成更新。请先保存您的工作。',
  'notice.allDone.title': '已完成：{title}',
  'notice.allDone.body': '更新已完成，您无需做任何事。',
  'notice.catchUp.title': '您离开期间',
  'notice.catchUp.upcoming': '已安排更新：{title}。将于{start}（{relative}）开始。',
  'notice.catchUp.inProgress': '您的电脑正在安装更新：{title}。预计在{end}前完成。',
  'notice.catchUp.restartNeeded':
    '您的电脑已安装更新：{title}。请在{deadline}（{relative}）前重启以完成更新。请先保存您的工作。',
  'notice.catchUp.allDone': '您的电脑已安装更新：{title}。更新已完成，您无需做任何事。',
  'notice.catchUp.incident': 'IT 给您发送了一条通知：“{title}”。',
  'notice.deadlinePassed.title': '电脑即将重启',
  'notice.deadlinePassed.body': '重启期限已过。您的电脑将于{time}（{relative}）重启。请立即保存您的工作。',

  'prompt.title': '该重启了',
  'prompt.body':
    '您的电脑需要重启才能完成更新。您可以现在重启，也可以稍后再重启。'
    + '如果您没有重启，电脑将于{deadline}（{relative}）自动重启。',
  'prompt.deferralsLeft': '{count, plural, =0 {您不能再推迟了。} other {您还可以推迟#次。}}',
  'prompt.choice.restartNow': '立即重启',
  'prompt.choice.deferFor': '{duration}后提醒我',
  'prompt.choice.pickTime': '选择时间',
  'prompt.pickTime.latest': '您最晚可以选择{latest}。',
  'prompt.saveWork': '请先保存您的工作并关闭应用。',

  'forced.warning.title': '{minutes, plural, other {#分钟后重启}}',
  'forced.warning.body': '{minutes, plural, other {您的电脑将在#分钟后重启。}}请保存您的工作并关闭应用。',
  'forced.countdown.title': '即将重启',
  'forced.countdown.body': '{seconds, plural, other {您的电脑将在#秒后重启。}}此次重启无法推迟。请立即保存您的工作。',
  'forced.restartingNow': '您的电脑正在重启。',

  'incident.phishing.title': '当心虚假邮件',
  'incident.phishing.body': '有人收到了看似来自我们的邮件，但这些邮件是假的。请不要点击其中的链接或打开附件，也不要回复。',
  'incident.phishing.steps':
    '删除这封邮件。\n如果您点击了链接或输入了密码，请立即告诉 IT 部门。\n如果不确定，请先问 IT 部门再点击。',
  'incident.outage.title': '{service}无法使用',
  'incident.outage.body': '我们知道{service}目前无法使用，正在处理。预计在{fixTime}前恢复。您无需报告此问题。',
  'incident.passwordReset.title': '请更改您的密码',
  'incident.passwordReset.body': '为保护您的账户安全，请在{deadline}前更改密码。这是一项安全措施，并不是您做错了什么。',
  'incident.passwordReset.steps':
    '请在平常的登录页面更改密码，不要通过邮件中的链接更改。\n选择一个您从未用过的新密码。\n如需帮助，请联系 IT 部门。',
  'incident.suspiciousSignIn.title': '这是您本人吗？',
  'incident.suspiciousSignIn.body': '我们发现您的{service}账户有一次登录，可能不是您本人。为安全起见，请按照下面的步骤操作。',
  'incident.suspiciousSignIn.steps':
    '如果不是您本人，请立即更改密码。\n然后告诉 IT 部门，以便我们提供帮助。\n如果是您本人，则无需做任何事。',
  'incident.dataExposure.title': '我们正在调查一个数据问题',
  'incident.dataExposure.body':
    '部分数据可能被不应看到的人看到了。我们正在调查。目前还不知道是否涉及您的数据。我们会在{nextUpdate}前告诉您更多情况。',
  'incident.dataExposure.steps': '当心索要密码或钱款的邮件和电话。\nIT 部门绝不会向您索要密码。\n如果发现异常，请告诉 IT 部门。',
  'incident.acknowledge': '我已阅读',
  'incident.updatesWillFollow': '一有新消息，我们会立即告诉您。',

  'policy.title': '我们如何让您的电脑保持最新',
  'policy.intro': '以下是 IT 部门保障您的电脑安全、运行良好的方式。',
  'policy.security': '安全更新',
  'policy.quality': '问题修复和小改动',
  'policy.feature': '系统新版本',
  'policy.drivers': '硬件更新',
  'policy.thirdParty': '其他应用的更新',
  'policy.cadence': '什么时候更新？',
  'policy.restarts': '重启是怎样安排的？',
  'policy.outOfBand': '如果更新不能等怎么办？',
  'policy.failures': '如果更新失败怎么办？',
  'policy.testing': '更新事先如何测试？',
  'policy.coverage': '哪些电脑和应用包括在内？',

  'help.title': '帮助',
  'help.intro': '对更新或重启有疑问？可以在这里获得帮助。',
  'help.faq': '常见问题',
  'help.contacts': '联系谁',
  'help.hours': '服务时间：{hours}',
  'help.email': '邮箱：{email}',
  'help.phone': '电话：{phone}',
  'help.chat': '在线聊天',
  'help.faqPage': '更多在线解答',

  'feedback.title': '向 IT 部门报告问题',
  'feedback.placeholder': '发生了什么？当时您在做什么？',
  'feedback.contactOptional': '我们怎样联系您？可以不填。',
  'feedback.send': '发送',
  'feedback.thanks': '谢谢。我们会转告 IT 部门。',

  'status.upToDate': '您的电脑已是最新状态。',
  'status.lastChecked': '上次检查：{when}',
  'status.pending': '{count, plural, =0 {没有计划中的更新。} other {有#项计划中的更新。}}',

  'common.close': '关闭',
  'common.remindLater': '稍后提醒',
  'common.moreInfo': '了解详情',
  'common.acknowledge': '好的，知道了',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': '页面',
  'ui.loading': '正在加载…',
  'ui.noAgent': '无法连接 Forewarn 应用。请稍后再试，或联系 IT。',
  'ui.status.title': '我的电脑是最新的吗？',
  'ui.status.checkNow': '立即检查',
  'ui.status.notChecked': '尚未检查。',
  'ui.status.updated': 'IT 发来了新的计划。',
  'ui.status.unchanged': 'IT 没有新消息。',
  'ui.status.rejected': '收到了新的计划，但没有通过我们的安全检查。我们继续使用原来的计划。',
  'ui.status.unreachable': '无法联系到 IT。我们稍后会再试。',
  'ui.status.plan': '计划版本 {count}，有效期至 {deadline}。',
  'ui.status.problems': '有事项需要你注意',
  'ui.status.coming': '即将进行',
  'ui.window': '从 {start} 到 {end}',
  'ui.steps': '你需要做什么',
  'ui.prompt.timeLeft': '剩余时间：{duration}',
  'ui.prompt.deadline': '截止时间：{deadline}',
  'ui.prompt.choices': '你想怎么做？',
  'ui.pickTime.label': '日期和时间',
  'ui.pickTime.confirm': '使用这个时间',
  'ui.pickTime.outOfRange': '请选择 {start} 到 {latest} 之间的时间。',
  'ui.countdown.at': '你的电脑将在 {time} 重启。',
  'ui.result.deferred': '好的。我们会在{relative}再问你。',
  'ui.result.picked': '好的。你的电脑将在{relative}重启。',
  'ui.result.dryRun': '这是测试。你的电脑不会真的重启。',
  'ui.result.refused': '操作没有成功。',
  'ui.result.acknowledged': '谢谢。IT 可以看到你已阅读此内容。',
  'ui.notice.none': '没有新的内容。',
  'ui.notice.read': '你已阅读此内容。',
  'ui.policy.empty': 'IT 还没有写这个页面。',
  'ui.help.empty': 'IT 还没有添加联系人。',
  'ui.help.links': '有用的链接',
  'ui.help.opened': '链接已在浏览器中打开。',
  'ui.help.refused': '此链接无法从这里打开。',
  'ui.feedback.message': '你的留言',
  'ui.feedback.contact': '邮箱或电话',
  'ui.feedback.empty': '请简单写一下遇到的问题。',
  'ui.feedback.tooLong': '请写得短一些。',
  'ui.feedback.another': '再写一条',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': '这台电脑没有这项维护。',
  'refusal.notPending': '这项维护没有待进行的重启。',
  'refusal.noDeferralsLeft': '这次重启的推迟次数已经用完。',
  'refusal.notOffered': '这个选项现在不可用。',
  'refusal.linkNotOffered': '此链接不在已签名的计划中，因此无法打开。请联系 IT。',
  'refusal.noSchedule': '还没有有效的更新计划。请稍后再试。',
  'refusal.notRunning': 'Forewarn 还没有准备好。请稍后再试。',
  'refusal.restartFailed': '电脑未能重启。IT 已收到通知。请再试一次，或联系 IT 寻求帮助。',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'Forewarn 应用无法打开它在这台电脑上保存的数据。请联系 IT。',
  'error.noConfig': '这台电脑还没有设置好更新通知。请联系 IT。',
  'error.noSchedule': '还没有更新计划，稍后会重试。',
  'error.expiredSchedule': '这台电脑上的更新计划已过期。IT 发布新计划后会自动更新。',
  'error.rejectedSchedule': '无法检查更新计划。请联系 IT。',
  'error.rejectedUpdate': '新的更新计划无法验证，已被拒绝。IT 已收到通知。',
  'error.enrollment': '这台电脑无法在更新服务器上注册。请联系 IT。',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': '下一次：{title}。{start}',
  'menu.about': '关于 Forewarn',
} satisfies Catalog;
