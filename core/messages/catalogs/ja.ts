/**
 * Japanese. Register: polite (です・ます). "再起動" for restart, "IT部門" for the IT team. No spaces between
 * sentences; full-width colon and brackets. Plurals: "other" only.
 */
import type { Catalog } from './types.js';

export const ja = {
  'tray.idle': 'コンピューターは最新の状態です',
  'tray.upcoming': 'まもなく更新があります',
  'tray.actionNeeded': '新しいお知らせを読んでください',
  'tray.restartPending': 'コンピューターを再起動してください',
  'tray.overdue': 'まもなくコンピューターが再起動します',
  'tray.error': '最新のお知らせを取得できません。まもなく再試行します',
  'tray.tooltip': '{status} – {title}、{when}',

  'notice.advance.title': '{title}（{relative}）',
  'notice.advance.body':
    '{start}にコンピューターの更新があります。'
    + '{restartRequired, select, yes {更新後に再起動が必要です。} other {再起動は必要ありません。}}'
    + '{steps, plural, =0 {今は何もする必要はありません。} other {それまでにすることが#件あります。}}',
  'notice.starting.title': '開始しました：{title}',
  'notice.starting.body':
    'コンピューターの更新中です。作業はそのまま続けられます。{end}までに終わる予定です。'
    + '{restartRequired, select, yes {終わったら再起動をお願いします。} other {再起動は必要ありません。}}',
  'notice.finishedRestartNeeded.title': '再起動して完了してください：{title}',
  'notice.finishedRestartNeeded.body':
    '更新がインストールされました。完了するには、{deadline}（{relative}）までに再起動してください。先に作業を保存してください。',
  'notice.allDone.title': '完了：{title}',
  'notice.allDone.body': '更新が終わりました。何もする必要はありません。',
  'notice.catchUp.title': '不在の間のお知らせ',
  'notice.catchUp.upcoming': '更新が予定されています：{title}。開始は{start}（{relative}）です。',
  'notice.catchUp.inProgress': 'コンピューターは更新中です：{title}。{end}までに終わる予定です。',
  'notice.catchUp.restartNeeded':
    'コンピューターが更新されました：{title}。完了するには、{deadline}（{relative}）までに再起動してください。先に作業を保存してください。',
  'notice.catchUp.allDone': 'コンピューターが更新されました：{title}。更新は終わっています。何もする必要はありません。',
  'notice.catchUp.incident': 'IT からお知らせが届いています：「{title}」。',
  'notice.deadlinePassed.title': 'まもなくコンピューターが再起動します',
  'notice.deadlinePassed.body':
    '再起動の期限が過ぎました。コンピューターは{time}（{relative}）に再起動します。今すぐ作業を保存してください。',

  'prompt.title': '再起動の時間です',
  'prompt.body':
    '更新を完了するには、コンピューターの再起動が必要です。今すぐでも、少し後でもかまいません。'
    + '再起動しない場合は、{deadline}（{relative}）に自動で再起動します。',
  'prompt.deferralsLeft': '{count, plural, =0 {これ以上延期できません。} other {あと#回延期できます。}}',
  'prompt.choice.restartNow': '今すぐ再起動',
  'prompt.choice.deferFor': '{duration}後に通知',
  'prompt.choice.pickTime': '時間を選ぶ',
  'prompt.pickTime.latest': '{latest}までの時間を選べます。',
  'prompt.saveWork': '先に作業を保存し、アプリを閉じてください。',

  'forced.warning.title': '{minutes, plural, other {#分後に再起動}}',
  'forced.warning.body': '{minutes, plural, other {#分後にコンピューターが再起動します。}}作業を保存し、アプリを閉じてください。',
  'forced.countdown.title': 'まもなく再起動します',
  'forced.countdown.body':
    '{seconds, plural, other {#秒後にコンピューターが再起動します。}}この再起動は延期できません。今すぐ作業を保存してください。',
  'forced.restartingNow': 'コンピューターを再起動しています。',

  'incident.phishing.title': '偽のメールにご注意ください',
  'incident.phishing.body':
    '私たちから届いたように見える偽のメールを受け取った人がいます。メール内のリンクやファイルを開かず、返信もしないでください。',
  'incident.phishing.steps':
    'そのメールを削除してください。\nリンクを開いたりパスワードを入力したりした場合は、すぐにIT部門に連絡してください。\n'
    + 'わからない場合は、クリックする前にIT部門に確認してください。',
  'incident.outage.title': '{service}が使えません',
  'incident.outage.body':
    '{service}が今使えないことは把握しており、対応中です。{fixTime}までに復旧する見込みです。ご連絡いただく必要はありません。',
  'incident.passwordReset.title': 'パスワードを変更してください',
  'incident.passwordReset.body':
    'アカウントを守るため、{deadline}までにパスワードを変更してください。これは安全のための手順です。あなたに問題があったわけではありません。',
  'incident.passwordReset.steps':
    'メールのリンクからではなく、いつものサインインページで変更してください。\n今まで使ったことのない新しいパスワードを選んでください。\n'
    + '困ったときはIT部門に相談してください。',
  'incident.suspiciousSignIn.title': 'これはあなたですか？',
  'incident.suspiciousSignIn.body':
    'あなたの{service}アカウントに、ご本人ではない可能性のあるサインインがありました。念のため、下の手順に従ってください。',
  'incident.suspiciousSignIn.steps':
    'ご本人でない場合は、今すぐパスワードを変更してください。\nその後、IT部門に連絡してください。私たちがサポートします。\n'
    + 'ご本人の場合は、何もする必要はありません。',
  'incident.dataExposure.title': 'データの問題を調査しています',
  'incident.dataExposure.body':
    '一部のデータが、見るべきでない人に見られた可能性があります。現在調査中です。'
    + 'あなたのデータが含まれるかどうかは、まだわかっていません。{nextUpdate}までに続報をお伝えします。',
  'incident.dataExposure.steps':
    'パスワードやお金を求めるメールや電話に注意してください。\nIT部門がパスワードを尋ねることはありません。\nおかしいと思ったら、IT部門に連絡してください。',
  'incident.acknowledge': '内容を確認しました',
  'incident.updatesWillFollow': 'わかり次第、お知らせします。',

  'policy.title': 'コンピューターを最新に保つしくみ',
  'policy.intro': 'IT部門がコンピューターを安全で快適に保つ方法を紹介します。',
  'policy.security': 'セキュリティ更新',
  'policy.quality': '不具合の修正と小さな変更',
  'policy.feature': 'システムの新しいバージョン',
  'policy.drivers': 'ハードウェアの更新',
  'policy.thirdParty': 'ほかのアプリの更新',
  'policy.cadence': '更新はいつ行われますか？',
  'policy.restarts': '再起動はどのように行われますか？',
  'policy.outOfBand': '急ぎの更新があるときは？',
  'policy.failures': '更新に失敗したときは？',
  'policy.testing': '更新は事前にどう確認されますか？',
  'policy.coverage': '対象のコンピューターとアプリは？',

  'help.title': 'ヘルプ',
  'help.intro': '更新や再起動について質問がありますか？こちらでサポートを受けられます。',
  'help.faq': 'よくある質問',
  'help.contacts': '問い合わせ先',
  'help.hours': '受付時間：{hours}',
  'help.email': 'メール：{email}',
  'help.phone': '電話：{phone}',
  'help.chat': 'チャットで問い合わせる',
  'help.faqPage': 'オンラインのよくある質問',

  'feedback.title': 'IT部門に問題を報告',
  'feedback.placeholder': '何が起きましたか？そのとき何をしていましたか？',
  'feedback.contactOptional': '連絡先（任意）',
  'feedback.send': '送信',
  'feedback.thanks': 'ありがとうございます。IT部門に伝えます。',

  'status.upToDate': 'コンピューターは最新の状態です。',
  'status.lastChecked': '最終確認：{when}',
  'status.pending': '{count, plural, =0 {予定されている更新はありません。} other {予定されている更新が#件あります。}}',

  'common.close': '閉じる',
  'common.remindLater': '後で通知',
  'common.moreInfo': '詳細',
  'common.acknowledge': 'OK',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'ページ',
  'ui.loading': '読み込み中…',
  'ui.noAgent': 'Forewarn アプリに接続できません。少し待ってからもう一度試すか、IT に相談してください。',
  'ui.status.title': 'コンピューターは最新ですか?',
  'ui.status.checkNow': '今すぐ確認',
  'ui.status.notChecked': 'まだ確認していません。',
  'ui.status.updated': 'IT から新しい予定が届きました。',
  'ui.status.unchanged': 'IT からの新しい予定はありません。',
  'ui.status.rejected': '新しい予定が届きましたが、安全確認に通りませんでした。これまでの予定を使います。',
  'ui.status.unreachable': 'IT に接続できませんでした。まもなくもう一度試します。',
  'ui.status.plan': '予定のバージョン {count}、{deadline} まで有効です。',
  'ui.status.problems': '確認が必要なことがあります',
  'ui.status.coming': '今後の予定',
  'ui.window': '{start} から {end} まで',
  'ui.steps': 'すること',
  'ui.prompt.timeLeft': '残り時間: {duration}',
  'ui.prompt.deadline': '期限: {deadline}',
  'ui.prompt.choices': 'どうしますか?',
  'ui.pickTime.label': '日付と時刻',
  'ui.pickTime.confirm': 'この時刻にする',
  'ui.pickTime.outOfRange': '{start} から {latest} までの時刻を選んでください。',
  'ui.countdown.at': 'コンピューターは {time} に再起動します。',
  'ui.result.deferred': 'OK。{relative}にもう一度お知らせします。',
  'ui.result.picked': 'OK。コンピューターは{relative}に再起動します。',
  'ui.result.dryRun': 'これはテストです。コンピューターは実際には再起動しません。',
  'ui.result.refused': 'うまくいきませんでした。',
  'ui.result.acknowledged': 'ありがとうございます。読んだことが IT に伝わりました。',
  'ui.notice.none': '新しいお知らせはありません。',
  'ui.notice.read': 'このお知らせは読みました。',
  'ui.policy.empty': 'IT はまだこのページを書いていません。',
  'ui.help.empty': 'IT はまだ連絡先を追加していません。',
  'ui.help.links': '役に立つリンク',
  'ui.help.opened': 'リンクをブラウザーで開きました。',
  'ui.help.refused': 'このリンクはここからは開けません。',
  'ui.feedback.message': 'メッセージ',
  'ui.feedback.contact': 'メールまたは電話',
  'ui.feedback.empty': '問題について少し書いてください。',
  'ui.feedback.tooLong': 'もう少し短くしてください。',
  'ui.feedback.another': 'もう一通書く',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'このコンピューターにはそのメンテナンスはありません。',
  'refusal.notPending': 'このメンテナンスで待っている再起動はありません。',
  'refusal.noDeferralsLeft': 'この再起動は、許可された回数まですでに延期しています。',
  'refusal.notOffered': 'その選択肢は今は選べません。',
  'refusal.linkNotOffered': 'このリンクは署名された予定に含まれていないため、開きません。IT に相談してください。',
  'refusal.noSchedule': 'まだ有効な更新予定がありません。しばらくしてからもう一度試してください。',
  'refusal.notRunning': 'Forewarn はまだ準備ができていません。少し待ってからもう一度試してください。',
  'refusal.restartFailed': 'コンピューターを再起動できませんでした。IT には連絡済みです。もう一度試すか、IT に相談してください。',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'Forewarn アプリがこのコンピューターで記録を開けませんでした。IT に連絡してください。',
  'error.noConfig': 'このコンピューターは、まだ更新のお知らせを受け取る設定になっていません。IT に連絡してください。',
  'error.noSchedule': 'まだ更新予定がありません。まもなく再試行します。',
  'error.expiredSchedule': 'このコンピューターの更新予定は期限切れです。IT が新しい予定を公開すると更新されます。',
  'error.rejectedSchedule': '更新予定を確認できませんでした。IT に連絡してください。',
  'error.rejectedUpdate': '新しい更新予定は確認できなかったため、使いません。IT には連絡済みです。',
  'error.enrollment': 'このコンピューターは更新サーバーに登録できませんでした。IT に連絡してください。',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': '次の予定: {title}。{start}',
  'menu.about': 'Forewarn について',
} satisfies Catalog;
