/**
 * Brazilian Portuguese, also the fallback for "pt" and "pt-PT". Register: "você". "reiniciar" for restart,
 * "a TI" for the IT team. Dates stand after a label or "até", which needs no article.
 */
import type { Catalog } from './types.js';

export const ptBR = {
  'tray.idle': 'Seu computador está atualizado',
  'tray.upcoming': 'Atualizações em breve',
  'tray.actionNeeded': 'Leia o novo aviso',
  'tray.restartPending': 'Reinicie seu computador',
  'tray.overdue': 'Seu computador vai reiniciar em breve',
  'tray.error': 'Não foi possível obter as últimas notícias. Tentaremos de novo em breve',
  'tray.tooltip': '{status} – {title}, {when}',

  'notice.advance.title': '{title} ({relative})',
  'notice.advance.body':
    'Seu computador vai receber atualizações. Início: {start}. '
    + '{restartRequired, select, yes {Depois disso, será preciso reiniciar.} other {Não será preciso reiniciar.}} '
    + '{steps, plural, =0 {Você não precisa fazer nada agora.} one {Há # coisa a fazer antes disso.} other {Há # coisas a fazer antes disso.}}',
  'notice.starting.title': 'Começando agora: {title}',
  'notice.starting.body':
    'Seu computador está recebendo atualizações. Você pode continuar trabalhando. Elas devem terminar até {end}. '
    + '{restartRequired, select, yes {Depois disso, vamos pedir que você reinicie.} other {Você não vai precisar reiniciar.}}',
  'notice.finishedRestartNeeded.title': 'Reinicie para concluir: {title}',
  'notice.finishedRestartNeeded.body':
    'As atualizações foram instaladas. Reinicie até {deadline} ({relative}) para concluir. Antes, salve seu trabalho.',
  'notice.allDone.title': 'Concluído: {title}',
  'notice.allDone.body': 'As atualizações terminaram. Você não precisa fazer nada.',
  'notice.catchUp.title': 'Enquanto você estava fora',
  'notice.catchUp.upcoming': 'Há atualizações programadas: {title}. Início: {start} ({relative}).',
  'notice.catchUp.inProgress': 'Seu computador está recebendo atualizações: {title}. Elas devem terminar até {end}.',
  'notice.catchUp.restartNeeded':
    'Seu computador recebeu atualizações: {title}. Reinicie até {deadline} ({relative}) para concluir. Antes, salve seu trabalho.',
  'notice.catchUp.allDone': 'Seu computador recebeu atualizações: {title}. Elas terminaram. Você não precisa fazer nada.',
  'notice.catchUp.incident': 'A TI enviou um aviso para você: “{title}”.',
  'notice.deadlinePassed.title': 'Seu computador vai reiniciar em breve',
  'notice.deadlinePassed.body':
    'O prazo para reiniciar já passou. Seu computador vai reiniciar às {time} ({relative}). Salve seu trabalho agora.',

  'prompt.title': 'Hora de reiniciar',
  'prompt.body':
    'Seu computador precisa reiniciar para concluir as atualizações. Você pode fazer isso agora ou um pouco mais tarde. '
    + 'Se não fizer, ele vai reiniciar sozinho até {deadline} ({relative}).',
  'prompt.deferralsLeft':
    '{count, plural, =0 {Você não pode mais adiar.} one {Você ainda pode adiar # vez.} other {Você ainda pode adiar # vezes.}}',
  'prompt.choice.restartNow': 'Reiniciar agora',
  'prompt.choice.deferFor': 'Lembrar daqui a {duration}',
  'prompt.choice.pickTime': 'Escolher um horário',
  'prompt.pickTime.latest': 'Você pode escolher qualquer horário até {latest}.',
  'prompt.saveWork': 'Antes, salve seu trabalho e feche seus aplicativos.',

  'forced.warning.title': '{minutes, plural, one {Reinício em # minuto} other {Reinício em # minutos}}',
  'forced.warning.body':
    '{minutes, plural, one {Seu computador vai reiniciar em # minuto.} other {Seu computador vai reiniciar em # minutos.}} '
    + 'Salve seu trabalho e feche seus aplicativos.',
  'forced.countdown.title': 'Reiniciando em instantes',
  'forced.countdown.body':
    '{seconds, plural, one {Seu computador vai reiniciar em # segundo.} other {Seu computador vai reiniciar em # segundos.}} '
    + 'Não é possível adiar. Salve seu trabalho agora.',
  'forced.restartingNow': 'Seu computador está reiniciando agora.',

  'incident.phishing.title': 'Cuidado com e-mails falsos',
  'incident.phishing.body':
    'Algumas pessoas receberam e-mails que parecem vir de nós, mas são falsos. Não clique nos links, não abra os arquivos e não responda.',
  'incident.phishing.steps':
    'Apague o e-mail.\nSe você clicou em um link ou digitou sua senha, avise a TI agora.\nSe não tiver certeza, pergunte à TI antes de clicar.',
  'incident.outage.title': '{service} não está funcionando',
  'incident.outage.body':
    'Sabemos que {service} não está funcionando agora e já estamos cuidando disso. Esperamos que volte até {fixTime}. Você não precisa nos avisar.',
  'incident.passwordReset.title': 'Troque sua senha',
  'incident.passwordReset.body':
    'Para manter sua conta segura, troque sua senha até {deadline}. É uma medida de segurança. Você não fez nada de errado.',
  'incident.passwordReset.steps':
    'Troque na página de login de sempre, não por um link de e-mail.\nEscolha uma senha nova que você nunca usou.\nSe precisar de ajuda, fale com a TI.',
  'incident.suspiciousSignIn.title': 'Foi você?',
  'incident.suspiciousSignIn.body':
    'Vimos um acesso à sua conta de {service} que talvez não tenha sido você. Por segurança, siga os passos abaixo.',
  'incident.suspiciousSignIn.steps':
    'Se não foi você, troque sua senha agora.\nDepois avise a TI, para que possamos ajudar.\nSe foi você, não precisa fazer nada.',
  'incident.dataExposure.title': 'Estamos verificando um problema com dados',
  'incident.dataExposure.body':
    'Alguns dados podem ter sido vistos por pessoas que não deveriam vê-los. Estamos verificando isso agora. '
    + 'Ainda não sabemos se seus dados foram afetados. Daremos mais notícias até {nextUpdate}.',
  'incident.dataExposure.steps':
    'Cuidado com e-mails ou ligações que pedem sua senha ou dinheiro.\nA TI nunca vai pedir sua senha.\nSe algo parecer estranho, avise a TI.',
  'incident.acknowledge': 'Li esta mensagem',
  'incident.updatesWillFollow': 'Daremos mais notícias assim que soubermos mais.',

  'policy.title': 'Como mantemos seu computador atualizado',
  'policy.intro': 'Veja como a TI mantém seu computador seguro e funcionando bem.',
  'policy.security': 'Atualizações de segurança',
  'policy.quality': 'Correções e pequenas mudanças',
  'policy.feature': 'Novas versões do sistema',
  'policy.drivers': 'Atualizações para seu hardware',
  'policy.thirdParty': 'Atualizações dos seus outros aplicativos',
  'policy.cadence': 'Quando as atualizações acontecem?',
  'policy.restarts': 'Como funcionam as reinicializações?',
  'policy.outOfBand': 'E se uma atualização não puder esperar?',
  'policy.failures': 'E se uma atualização falhar?',
  'policy.testing': 'Como as atualizações são testadas antes?',
  'policy.coverage': 'Quais computadores e aplicativos estão incluídos?',

  'help.title': 'Ajuda',
  'help.intro': 'Dúvidas sobre atualizações ou reinicializações? Veja onde conseguir ajuda.',
  'help.faq': 'Perguntas frequentes',
  'help.contacts': 'Com quem falar',
  'help.hours': 'Horário: {hours}',
  'help.email': 'E-mail: {email}',
  'help.phone': 'Telefone: {phone}',
  'help.chat': 'Fale conosco pelo chat',
  'help.faqPage': 'Mais respostas on-line',

  'feedback.title': 'Relatar um problema à TI',
  'feedback.placeholder': 'O que aconteceu? O que você estava fazendo na hora?',
  'feedback.contactOptional': 'Como podemos falar com você? Você pode deixar em branco.',
  'feedback.send': 'Enviar',
  'feedback.thanks': 'Obrigado. Vamos passar isso para a TI.',

  'status.upToDate': 'Seu computador está atualizado.',
  'status.lastChecked': 'Última verificação: {when}.',
  'status.pending':
    '{count, plural, =0 {Nenhuma atualização programada.} one {# atualização programada.} other {# atualizações programadas.}}',

  'common.close': 'Fechar',
  'common.remindLater': 'Lembrar mais tarde',
  'common.moreInfo': 'Saiba mais',
  'common.acknowledge': 'OK, entendi',

  // ------------------------------------------------------------ the views’ own words: headings, labels, results
  'ui.nav': 'Páginas',
  'ui.loading': 'Carregando…',
  'ui.noAgent': 'Não foi possível falar com o app Forewarn. Tente de novo daqui a pouco ou fale com a TI.',
  'ui.status.title': 'Meu computador está em dia?',
  'ui.status.checkNow': 'Verificar agora',
  'ui.status.notChecked': 'Ainda não verificado.',
  'ui.status.updated': 'Chegaram novos planos da TI.',
  'ui.status.unchanged': 'Nada de novo da TI.',
  'ui.status.rejected': 'Chegaram novos planos, mas eles não passaram na nossa verificação de segurança. Mantemos os que tínhamos.',
  'ui.status.unreachable': 'Não conseguimos falar com a TI. Vamos tentar de novo em breve.',
  'ui.status.plan': 'Versão do plano {count}, válida até {deadline}.',
  'ui.status.problems': 'Algo precisa da sua atenção',
  'ui.status.coming': 'Em breve',
  'ui.window': 'De {start} a {end}',
  'ui.steps': 'O que fazer',
  'ui.prompt.timeLeft': 'Tempo restante: {duration}',
  'ui.prompt.deadline': 'Prazo: {deadline}',
  'ui.prompt.choices': 'O que você quer fazer?',
  'ui.pickTime.label': 'Data e hora',
  'ui.pickTime.confirm': 'Usar este horário',
  'ui.pickTime.outOfRange': 'Escolha um horário entre {start} e {latest}.',
  'ui.countdown.at': 'Seu computador vai reiniciar às {time}.',
  'ui.result.deferred': 'OK. Vamos perguntar de novo {relative}.',
  'ui.result.picked': 'OK. Seu computador vai reiniciar {relative}.',
  'ui.result.dryRun': 'Isto é um teste. Seu computador não vai reiniciar de verdade.',
  'ui.result.refused': 'Não deu certo.',
  'ui.result.acknowledged': 'Obrigado. A TI pode ver que você leu isto.',
  'ui.notice.none': 'Não há nada novo para ler.',
  'ui.notice.read': 'Você já leu isto.',
  'ui.policy.empty': 'A TI ainda não escreveu esta página.',
  'ui.help.empty': 'A TI ainda não adicionou contatos.',
  'ui.help.links': 'Links úteis',
  'ui.help.opened': 'O link foi aberto no seu navegador.',
  'ui.help.refused': 'Este link não pode ser aberto daqui.',
  'ui.feedback.message': 'Sua mensagem',
  'ui.feedback.contact': 'E-mail ou telefone',
  'ui.feedback.empty': 'Escreva algumas palavras sobre o problema.',
  'ui.feedback.tooLong': 'Deixe o texto mais curto, por favor.',
  'ui.feedback.another': 'Escrever outra',

  // ------------------------------------------------------------ refusals: why an action did not happen (the views show them)
  'refusal.unknownMaintenance': 'Não existe essa manutenção para este computador.',
  'refusal.notPending': 'Nenhuma reinicialização está pendente para esta manutenção.',
  'refusal.noDeferralsLeft': 'Você já adiou esta reinicialização o máximo de vezes permitido.',
  'refusal.notOffered': 'Essa opção não está disponível agora.',
  'refusal.linkNotOffered': 'Este link não está no calendário assinado, por isso não abre. Fale com a TI.',
  'refusal.noSchedule': 'Ainda não há um calendário de atualizações válido. Tente de novo mais tarde.',
  'refusal.notRunning': 'O Forewarn ainda não está pronto. Tente de novo daqui a pouco.',
  'refusal.restartFailed': 'Não foi possível reiniciar seu computador. A TI já foi avisada. Tente de novo ou peça ajuda à TI.',

  // ------------------------------------------------------------ errors: why the agent cannot show the schedule (status view)
  'error.store': 'O app Forewarn não conseguiu abrir a memória dele neste computador. Fale com a TI.',
  'error.noConfig': 'Este computador ainda não está configurado para avisos de atualização. Fale com a TI.',
  'error.noSchedule': 'Ainda não há calendário de atualizações. Vamos tentar de novo em breve.',
  'error.expiredSchedule': 'O calendário de atualizações deste computador está vencido. Ele será atualizado quando a TI publicar um novo.',
  'error.rejectedSchedule': 'Não foi possível verificar o calendário de atualizações. Fale com a TI.',
  'error.rejectedUpdate': 'Um novo calendário de atualizações foi recusado porque não pôde ser verificado. A TI já foi avisada.',
  'error.enrollment': 'Este computador não conseguiu se registrar no servidor de atualizações. Fale com a TI.',

  // ------------------------------------------------------------ tray menu only (main/electron/tray.ts)
  'menu.next': 'Próximo: {title}. {start}',
  'menu.about': 'Sobre o Forewarn',
} satisfies Catalog;
