/**
 * Arabic (Modern Standard), written right to left. "إعادة التشغيل" for restart, "قسم تقنية المعلومات" for
 * the IT team. Requests use "يُرجى" with a verbal noun, which speaks to everyone alike instead of a
 * masculine or feminine imperative. Arguments are wrapped in Unicode isolates by formatMessage, so an English
 * title or a time does not scramble the sentence.
 * Plurals: zero, one (1), two (2), few (3–10), many (11–99), other (100, 101, …): the counted noun changes
 * with each ("دقيقة واحدة", "دقيقتين", "3 دقائق", "11 دقيقة", "100 دقيقة").
 */
import type { Catalog } from './types.js';

export const ar = {
  'tray.idle': 'جهازك محدَّث',
  'tray.upcoming': 'تحديثات قادمة قريبًا',
  'tray.actionNeeded': 'يُرجى قراءة الإشعار الجديد',
  'tray.restartPending': 'يُرجى إعادة تشغيل جهازك',
  'tray.overdue': 'ستتم إعادة تشغيل جهازك قريبًا',
  'tray.error': 'تعذّر الحصول على آخر الأخبار. ستتم المحاولة مرة أخرى قريبًا',
  'tray.tooltip': '{status} – {title}، {when}',

  'notice.advance.title': '{title} ({relative})',
  'notice.advance.body':
    'سيحصل جهازك على تحديثات في {start}. '
    + '{restartRequired, select, yes {ستلزم إعادة تشغيله بعد ذلك.} other {لن تلزم إعادة تشغيله.}} '
    + '{steps, plural, =0 {لا يلزمك فعل أي شيء الآن.} one {هناك أمر واحد يلزم القيام به قبل ذلك.} '
    + 'two {هناك أمران يلزم القيام بهما قبل ذلك.} few {هناك # أمور يلزم القيام بها قبل ذلك.} '
    + 'many {هناك # أمرًا يلزم القيام به قبل ذلك.} other {هناك # أمر يلزم القيام به قبل ذلك.}}',
  'notice.starting.title': 'بدأ الآن: {title}',
  'notice.starting.body':
    'يحصل جهازك الآن على التحديثات. يمكنك مواصلة العمل. من المتوقع أن تنتهي قبل {end}. '
    + '{restartRequired, select, yes {سنطلب منك إعادة التشغيل بعد ذلك.} other {لن تحتاج إلى إعادة التشغيل.}}',
  'notice.finishedRestartNeeded.title': 'يُرجى إعادة التشغيل لإكمال التحديثات: {title}',
  'notice.finishedRestartNeeded.body':
    'تم تثبيت التحديثات. يُرجى إعادة تشغيل جهازك قبل {deadline} ({relative}) لإكمالها. يُرجى حفظ عملك أولًا.',
  'notice.allDone.title': 'اكتمل: {title}',
  'notice.allDone.body': 'انتهت التحديثات. لا يلزمك فعل أي شيء.',
  'notice.catchUp.title': 'أثناء غيابك',
  'notice.catchUp.upcoming': 'هناك تحديثات مخطط لها: {title}. تبدأ في {start} ({relative}).',
  'notice.catchUp.inProgress': 'يحصل جهازك الآن على التحديثات: {title}. من المتوقع أن تنتهي قبل {end}.',
  'notice.catchUp.restartNeeded':
    'حصل جهازك على تحديثات: {title}. يُرجى إعادة تشغيله قبل {deadline} ({relative}) لإكمالها. يُرجى حفظ عملك أولًا.',
  'notice.catchUp.allDone': 'حصل جهازك على تحديثات: {title}. وقد انتهت. لا يلزمك فعل أي شيء.',
  'notice.catchUp.incident': 'أرسل إليك قسم تقنية المعلومات تنبيهًا: «{title}».',
  'notice.deadlinePassed.title': 'ستتم إعادة تشغيل جهازك قريبًا',
  'notice.deadlinePassed.body':
    'انتهت مهلة إعادة التشغيل. ستتم إعادة تشغيل جهازك في الساعة {time} ({relative}). يُرجى حفظ عملك الآن.',

  'prompt.title': 'حان وقت إعادة التشغيل',
  'prompt.body':
    'يحتاج جهازك إلى إعادة التشغيل لإكمال التحديثات. يمكنك فعل ذلك الآن أو بعد قليل. '
    + 'وإن لم يحدث ذلك، فسيُعاد تشغيله تلقائيًا في {deadline} ({relative}).',
  'prompt.deferralsLeft':
    '{count, plural, =0 {لا يمكن التأجيل مرة أخرى.} one {يمكنك التأجيل مرة واحدة أخرى.} two {يمكنك التأجيل مرتين أخريين.} '
    + 'few {يمكنك التأجيل # مرات أخرى.} many {يمكنك التأجيل # مرة أخرى.} other {يمكنك التأجيل # مرة أخرى.}}',
  'prompt.choice.restartNow': 'إعادة التشغيل الآن',
  'prompt.choice.deferFor': 'التذكير بعد {duration}',
  'prompt.choice.pickTime': 'اختيار وقت',
  'prompt.pickTime.latest': 'يمكنك اختيار أي وقت حتى {latest}.',
  'prompt.saveWork': 'يُرجى حفظ عملك وإغلاق تطبيقاتك أولًا.',

  'forced.warning.title':
    '{minutes, plural, zero {إعادة التشغيل الآن} one {إعادة التشغيل بعد دقيقة واحدة} two {إعادة التشغيل بعد دقيقتين} '
    + 'few {إعادة التشغيل بعد # دقائق} many {إعادة التشغيل بعد # دقيقة} other {إعادة التشغيل بعد # دقيقة}}',
  'forced.warning.body':
    '{minutes, plural, zero {ستتم إعادة تشغيل جهازك الآن.} one {ستتم إعادة تشغيل جهازك بعد دقيقة واحدة.} '
    + 'two {ستتم إعادة تشغيل جهازك بعد دقيقتين.} few {ستتم إعادة تشغيل جهازك بعد # دقائق.} '
    + 'many {ستتم إعادة تشغيل جهازك بعد # دقيقة.} other {ستتم إعادة تشغيل جهازك بعد # دقيقة.}} '
    + 'يُرجى حفظ عملك وإغلاق تطبيقاتك.',
  'forced.countdown.title': 'ستتم إعادة التشغيل بعد قليل',
  'forced.countdown.body':
    '{seconds, plural, zero {ستتم إعادة تشغيل جهازك الآن.} one {ستتم إعادة تشغيل جهازك بعد ثانية واحدة.} '
    + 'two {ستتم إعادة تشغيل جهازك بعد ثانيتين.} few {ستتم إعادة تشغيل جهازك بعد # ثوانٍ.} '
    + 'many {ستتم إعادة تشغيل جهازك بعد # ثانية.} other {ستتم إعادة تشغيل جهازك بعد # ثانية.}} '
    + 'لا يمكن تأجيل ذلك. يُرجى حفظ عملك الآن.',
  'forced.restartingNow': 'تتم الآن إعادة تشغيل جهازك.',

  'incident.phishing.title': 'تنبيه: رسائل بريد إلكتروني مزيفة',
  'incident.phishing.body':
    'وصلت إلى بعض الأشخاص رسائل بريد إلكتروني تبدو وكأنها منا، لكنها مزيفة. يُرجى عدم فتح الروابط أو الملفات التي فيها، وعدم الرد عليها.',
  'incident.phishing.steps':
    'يُرجى حذف الرسالة.\nإذا تم فتح رابط أو كتابة كلمة المرور، فيُرجى إبلاغ قسم تقنية المعلومات فورًا.\n'
    + 'عند الشك، يُرجى سؤال قسم تقنية المعلومات قبل النقر.',
  'incident.outage.title': 'عطل في {service}',
  'incident.outage.body':
    'نعلم بوجود عطل في {service} الآن، ونعمل على إصلاحه. نتوقع عودة الخدمة قبل {fixTime}. لا حاجة إلى إبلاغنا بذلك.',
  'incident.passwordReset.title': 'يُرجى تغيير كلمة المرور',
  'incident.passwordReset.body':
    'لحماية حسابك، يُرجى تغيير كلمة المرور قبل {deadline}. هذا إجراء للسلامة، ولم يصدر منك أي خطأ.',
  'incident.passwordReset.steps':
    'يُرجى تغييرها من صفحة تسجيل الدخول المعتادة، وليس من رابط في رسالة بريد إلكتروني.\n'
    + 'يُرجى اختيار كلمة مرور جديدة لم تُستخدم من قبل.\nللمساعدة، يُرجى سؤال قسم تقنية المعلومات.',
  'incident.suspiciousSignIn.title': 'هل كان هذا أنت؟',
  'incident.suspiciousSignIn.body':
    'لاحظنا تسجيل دخول إلى حسابك في {service} قد لا يكون منك. للاحتياط، يُرجى اتباع الخطوات أدناه.',
  'incident.suspiciousSignIn.steps':
    'إذا لم يكن ذلك منك، يُرجى تغيير كلمة المرور الآن.\nثم يُرجى إبلاغ قسم تقنية المعلومات لنتمكن من المساعدة.\n'
    + 'إذا كان ذلك منك، فلا يلزمك فعل أي شيء.',
  'incident.dataExposure.title': 'نتحقق من مشكلة في البيانات',
  'incident.dataExposure.body':
    'ربما اطّلع على بعض البيانات أشخاص لا ينبغي لهم رؤيتها. نحن نتحقق من ذلك الآن. '
    + 'لا نعرف بعد إن كانت بياناتك من بينها. سنخبرك بالمزيد قبل {nextUpdate}.',
  'incident.dataExposure.steps':
    'يُرجى الحذر من الرسائل أو المكالمات التي تطلب كلمة المرور أو المال.\nلن يطلب قسم تقنية المعلومات كلمة المرور أبدًا.\n'
    + 'إذا بدا شيء غريبًا، يُرجى إبلاغ قسم تقنية المعلومات.',
  'incident.acknowledge': 'لقد قرأت هذا',
  'incident.updatesWillFollow': 'سنخبرك بالمزيد فور معرفتنا به.',

  'policy.title': 'كيف نحافظ على تحديث جهازك',
  'policy.intro': 'هكذا يحافظ قسم تقنية المعلومات على أمان جهازك وعمله بشكل جيد.',
  'policy.security': 'تحديثات الأمان',
  'policy.quality': 'إصلاحات وتغييرات صغيرة',
  'policy.feature': 'إصدارات جديدة من النظام',
  'policy.drivers': 'تحديثات العتاد',
  'policy.thirdParty': 'تحديثات تطبيقاتك الأخرى',
  'policy.cadence': 'متى تتم التحديثات؟',
  'policy.restarts': 'كيف تتم إعادة التشغيل؟',
  'policy.outOfBand': 'ماذا لو كان التحديث لا يحتمل الانتظار؟',
  'policy.failures': 'ماذا لو فشل التحديث؟',
  'policy.testing': 'كيف تُجرَّب التحديثات أولًا؟',
  'policy.coverage': 'ما الأجهزة والتطبيقات المشمولة؟',

  'help.title': 'المساعدة',
  'help.intro': 'هل لديك أسئلة عن التحديثات أو إعادة التشغيل؟ هنا تجد المساعدة.',
  'help.faq': 'أسئلة شائعة',
  'help.contacts': 'جهات الاتصال',
  'help.hours': 'ساعات العمل: {hours}',
  'help.email': 'البريد الإلكتروني: {email}',
  'help.phone': 'الهاتف: {phone}',
  'help.chat': 'الدردشة معنا',
  'help.faqPage': 'مزيد من الإجابات على الإنترنت',

  'feedback.title': 'إبلاغ قسم تقنية المعلومات بمشكلة',
  'feedback.placeholder': 'ماذا حدث؟ وماذا كان يجري وقتها؟',
  'feedback.contactOptional': 'كيف يمكننا التواصل معك؟ يمكن ترك هذا الحقل فارغًا.',
  'feedback.send': 'إرسال',
  'feedback.thanks': 'شكرًا لك. سننقل هذا إلى قسم تقنية المعلومات.',

  'status.upToDate': 'جهازك محدَّث.',
  'status.lastChecked': 'آخر تحقق: {when}.',
  'status.pending':
    '{count, plural, =0 {لا توجد تحديثات مخطط لها.} one {هناك تحديث واحد مخطط له.} two {هناك تحديثان مخطط لهما.} '
    + 'few {هناك # تحديثات مخطط لها.} many {هناك # تحديثًا مخططًا له.} other {هناك # تحديث مخطط له.}}',

  'common.close': 'إغلاق',
  'common.remindLater': 'التذكير لاحقًا',
  'common.moreInfo': 'مزيد من المعلومات',
  'common.acknowledge': 'حسنًا، فهمت',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'الصفحات',
  'ui.loading': 'جارٍ التحميل…',
  'ui.noAgent': 'تعذّر الوصول إلى تطبيق Forewarn. حاول مرة أخرى بعد قليل أو اسأل قسم تقنية المعلومات.',
  'ui.status.title': 'هل جهازي محدَّث؟',
  'ui.status.checkNow': 'التحقق الآن',
  'ui.status.notChecked': 'لم يتم التحقق بعد.',
  'ui.status.updated': 'وصلت خطط جديدة من قسم تقنية المعلومات.',
  'ui.status.unchanged': 'لا جديد من قسم تقنية المعلومات.',
  'ui.status.rejected': 'وصلت خطط جديدة، لكنها لم تجتز فحص الأمان لدينا. سنبقي على الخطط السابقة.',
  'ui.status.unreachable': 'تعذّر الوصول إلى قسم تقنية المعلومات. سنحاول مرة أخرى قريبًا.',
  'ui.status.plan': 'إصدار الخطة {count}، صالح حتى {deadline}.',
  'ui.status.problems': 'هناك أمر يحتاج إلى انتباهك',
  'ui.status.coming': 'قريبًا',
  'ui.window': 'من {start} إلى {end}',
  'ui.steps': 'ما عليك فعله',
  'ui.prompt.timeLeft': 'الوقت المتبقي: {duration}',
  'ui.prompt.deadline': 'الموعد النهائي: {deadline}',
  'ui.prompt.choices': 'ماذا تريد أن تفعل؟',
  'ui.pickTime.label': 'التاريخ والوقت',
  'ui.pickTime.confirm': 'اعتماد هذا الوقت',
  'ui.pickTime.outOfRange': 'اختر وقتًا بين {start} و{latest}.',
  'ui.countdown.at': 'ستتم إعادة تشغيل جهازك في {time}.',
  'ui.result.deferred': 'حسنًا. سنسألك مرة أخرى {relative}.',
  'ui.result.picked': 'حسنًا. ستتم إعادة تشغيل جهازك {relative}.',
  'ui.result.dryRun': 'هذا اختبار. لن تتم إعادة تشغيل جهازك فعلًا.',
  'ui.result.refused': 'لم ينجح ذلك.',
  'ui.result.acknowledged': 'شكرًا لك. يمكن لقسم تقنية المعلومات أن يرى أنك قرأت هذا.',
  'ui.notice.none': 'لا يوجد جديد للقراءة.',
  'ui.notice.read': 'لقد قرأت هذا.',
  'ui.policy.empty': 'لم يكتب قسم تقنية المعلومات هذه الصفحة بعد.',
  'ui.help.empty': 'لم يضف قسم تقنية المعلومات أي جهات اتصال بعد.',
  'ui.help.links': 'روابط مفيدة',
  'ui.help.opened': 'الرابط مفتوح في متصفحك.',
  'ui.help.refused': 'لا يمكن فتح هذا الرابط من هنا.',
  'ui.feedback.message': 'رسالتك',
  'ui.feedback.contact': 'البريد الإلكتروني أو الهاتف',
  'ui.feedback.empty': 'يرجى كتابة بضع كلمات عن المشكلة.',
  'ui.feedback.tooLong': 'يرجى تقصير النص.',
  'ui.feedback.another': 'كتابة رسالة أخرى',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'لا توجد صيانة بهذا الاسم لهذا الجهاز.',
  'refusal.notPending': 'لا توجد إعادة تشغيل منتظرة لهذه الصيانة.',
  'refusal.noDeferralsLeft': 'تم تأجيل إعادة التشغيل هذه بالعدد الأقصى المسموح به.',
  'refusal.notOffered': 'هذا الخيار غير متاح الآن.',
  'refusal.linkNotOffered': 'هذا الرابط غير موجود في الجدول الموقَّع، لذلك لن يُفتح. يُرجى سؤال قسم تقنية المعلومات.',
  'refusal.noSchedule': 'لا يوجد جدول تحديثات صالح بعد. يُرجى المحاولة مرة أخرى لاحقًا.',
  'refusal.notRunning': 'تطبيق Forewarn ليس جاهزًا بعد. يُرجى المحاولة مرة أخرى بعد قليل.',
  'refusal.restartFailed': 'تعذّرت إعادة تشغيل جهازك. تم إبلاغ قسم تقنية المعلومات. يُرجى المحاولة مرة أخرى أو طلب المساعدة من قسم تقنية المعلومات.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'تعذّر على تطبيق Forewarn فتح ذاكرته على هذا الجهاز. يُرجى التواصل مع قسم تقنية المعلومات.',
  'error.noConfig': 'هذا الجهاز غير مُعدّ بعد لتلقي تنبيهات التحديثات. يُرجى التواصل مع قسم تقنية المعلومات.',
  'error.noSchedule': 'لا يوجد جدول تحديثات بعد. ستتم المحاولة مرة أخرى قريبًا.',
  'error.expiredSchedule': 'جدول التحديثات على هذا الجهاز منتهي الصلاحية. سيتم تحديثه عندما ينشر قسم تقنية المعلومات جدولًا جديدًا.',
  'error.rejectedSchedule': 'تعذّر التحقق من جدول التحديثات. يُرجى التواصل مع قسم تقنية المعلومات.',
  'error.rejectedUpdate': 'تم رفض جدول تحديثات جديد لأنه تعذّر التحقق منه. تم إبلاغ قسم تقنية المعلومات.',
  'error.enrollment': 'تعذّر على هذا الجهاز التسجيل لدى خادم التحديثات. يُرجى التواصل مع قسم تقنية المعلومات.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': 'التالي: {title}. {start}',
  'menu.about': 'حول Forewarn',
} satisfies Catalog;
