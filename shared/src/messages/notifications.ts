/**
 * Every text of a notice, in one place: one function per kind, taking the notice's data and a
 * locale, so a translation changes this module and nothing that sends. The data holds names,
 * dates and counts only, so no text here can carry coaching content.
 */
import type { Delivery, NotificationData, NotificationKind } from '../notifications.ts';
import type { Locale } from '../domain.ts';
import { formatMoment } from '../format.ts';

export interface NoticeText {
  /** The e-mail subject and the in-app entry's title. */
  title: string;
  /** One or two sentences saying what waits. */
  body: string;
}

const names = (list: string[] | undefined, locale: Locale, fallback = 'your partner') =>
  new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(list?.length ? list : [fallback]);

/** A notice's moment in the reader's zone, the zone named (`format.ts`). */
export function formatWhen(iso: string | undefined, locale: Locale, timeZone = 'UTC'): string {
  return formatMoment(iso, locale, timeZone);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const who = (d: NotificationData, fallback = 'Your partner') => d.actorName ?? fallback;
const count = (d: NotificationData) => d.count ?? 1;

type NoticeTexts = Record<NotificationKind, (d: NotificationData, locale: Locale, timeZone: string) => NoticeText>;
interface MailTexts {
  greeting: (name: string, l: Locale) => string;
  open: (platformName: string | null, l: Locale) => string;
  digestTitle: (count: number, l: Locale) => string;
  why: (programTitle: string, l: Locale) => string;
  unsubscribe: (l: Locale) => string;
}

const enNotices: NoticeTexts = {
  invitation: (d) => ({
    title: `${who(d)} invites you to a mentoring partnership`,
    body: `${who(d)} has invited you to work together. Open the workspace to accept or decline.`,
  }),
  'conversation-scheduled': (d, l, z) => ({
    title: `Conversation scheduled for ${formatWhen(d.when, l, z)}`,
    body: `${who(d)} scheduled your next conversation for ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-moved': (d, l, z) => ({
    title: `Conversation moved to ${formatWhen(d.when, l, z)}`,
    body: `${who(d)} moved your conversation to ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-cancelled': (d, l, z) => ({
    title: `Conversation of ${formatWhen(d.when, l, z)} cancelled`,
    body: `${who(d)} cancelled the conversation of ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-reminder': (d, l, z) => ({
    title: `Reminder: conversation with ${names(d.partnerNames, l)} on ${formatWhen(d.when, l, z)}`,
    body: `Your conversation with ${names(d.partnerNames, l)} is on ${formatWhen(d.when, l, z)}.`,
  }),
  'review-waiting': (d, l) => ({
    title: `${plural(d.count ?? 1, 'item waits', 'items wait')} for your review`,
    body: `${names(d.partnerNames, l)} added ${plural(d.count ?? 1, 'clip or answer', 'clips and answers')} since you last looked.`,
  }),
  'request-asked': (d) => ({
    title: `${who(d)} asked for a resource`,
    body: `${who(d)} asked you for a resource. Open the workspace to read and answer the request.`,
  }),
  'request-answered': (d) => ({
    title: `${who(d)} answered your resource request`,
    body: `${who(d)} answered your request. Open the workspace to read the answer.`,
  }),
  'commitments-due': (d, l) => ({
    title: `${plural(d.count ?? 1, 'commitment is', 'commitments are')} coming due`,
    body: `In your partnership with ${names(d.partnerNames, l)}, ${plural(d.count ?? 1, 'commitment is', 'commitments are')} due within a day.`,
  }),
  'evaluation-completed': (d) => ({
    title: `${who(d)} completed a checkpoint evaluation`,
    body: `${who(d)} completed the evaluation${d.checkpointName ? ` at ${d.checkpointName}` : ''}. Open the workspace to read it.`,
  }),
  'partnership-quiet': (d, l) => ({
    title: `Time to plan your next conversation with ${names(d.partnerNames, l)}`,
    body: `Your partnership with ${names(d.partnerNames, l)} has no conversation planned. Schedule the next one when it suits you both.`,
  }),
  nudge: (d, l) => ({
    title: `${d.programName ?? 'Your program'} would like you to meet`,
    body: `The program's staff would like you and ${names(d.partnerNames, l)} to plan your next conversation.`,
  }),
};

/** `timeZone`: the reader's (an IANA name); times say it. */
export function noticeText(
  kind: NotificationKind,
  data: NotificationData,
  locale: Locale = 'en',
  timeZone = 'UTC',
): NoticeText {
  return NOTICES[locale][kind](data, locale, timeZone);
}

const enKindLabels: Record<NotificationKind, string> = {
  invitation: 'Invitations to a partnership',
  'conversation-scheduled': 'A conversation is scheduled',
  'conversation-moved': 'A conversation is moved',
  'conversation-cancelled': 'A conversation is cancelled',
  'conversation-reminder': 'Reminder before a conversation',
  'review-waiting': 'Clips and answers waiting for your review',
  'request-asked': 'A resource request for you',
  'request-answered': 'An answer to your resource request',
  'commitments-due': 'Commitments coming due',
  'evaluation-completed': 'A checkpoint evaluation is completed',
  'partnership-quiet': 'No conversation planned for a while',
  nudge: 'A nudge from the program’s staff',
};

const enDeliveryLabels: Record<Delivery, string> = {
  now: 'At once',
  digest: 'Daily digest',
  off: 'Off',
};

const enMail: MailTexts = {
  greeting: (name: string, _l: Locale) => `Hello ${name},`,
  open: (platformName: string | null, _l: Locale) =>
    `Open the mentoring workspace from your course${platformName ? ` in ${platformName}` : ''}`,
  digestTitle: (count: number, _l: Locale) => `Your daily mentoring digest: ${plural(count, 'notice', 'notices')}`,
  why: (programTitle: string, _l: Locale) =>
    `You receive this because you take part in ${programTitle}. The message holds no workspace content; read it in the tool.`,
  unsubscribe: (_l: Locale) => 'Stop these e-mails',
};

// ---- Spanish, French, Arabic, Simplified Chinese (docs/i18n/glossary-*.md) ----------------------

const esNotices: NoticeTexts = {
  invitation: (d) => ({
    title: `${who(d, 'Tu colega')} te invita a una relación de mentoría`,
    body: `${who(d, 'Tu colega')} te invitó a trabajar juntos. Abre el espacio de trabajo para aceptar o rechazar.`,
  }),
  'conversation-scheduled': (d, l, z) => ({
    title: `Conversación programada para el ${formatWhen(d.when, l, z)}`,
    body: `${who(d, 'Tu compañero/a')} programó su próxima conversación para el ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-moved': (d, l, z) => ({
    title: `Conversación movida al ${formatWhen(d.when, l, z)}`,
    body: `${who(d, 'Tu compañero/a')} movió su conversación al ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-cancelled': (d, l, z) => ({
    title: `Conversación del ${formatWhen(d.when, l, z)} cancelada`,
    body: `${who(d, 'Tu compañero/a')} canceló la conversación del ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-reminder': (d, l, z) => ({
    title: `Recordatorio: conversación con ${names(d.partnerNames, l, 'tu compañero/a')} el ${formatWhen(d.when, l, z)}`,
    body: `Tu conversación con ${names(d.partnerNames, l, 'tu compañero/a')} es el ${formatWhen(d.when, l, z)}.`,
  }),
  'review-waiting': (d, l) => ({
    title: `${plural(count(d), 'elemento espera', 'elementos esperan')} tu revisión`,
    body: `${names(d.partnerNames, l, 'tu compañero/a')} agregó ${plural(count(d), 'fragmento o respuesta', 'fragmentos y respuestas')} desde tu última visita.`,
  }),
  'request-asked': (d) => ({
    title: `${who(d, 'Tu compañero/a')} pidió un recurso`,
    body: `${who(d, 'Tu compañero/a')} te pidió un recurso. Abre el espacio de trabajo para leer y responder la solicitud.`,
  }),
  'request-answered': (d) => ({
    title: `${who(d, 'Tu compañero/a')} respondió tu solicitud de recurso`,
    body: `${who(d, 'Tu compañero/a')} respondió tu solicitud. Abre el espacio de trabajo para leer la respuesta.`,
  }),
  'commitments-due': (d, l) => ({
    title: `${plural(count(d), 'compromiso vence', 'compromisos vencen')} pronto`,
    body: `En tu relación de mentoría con ${names(d.partnerNames, l, 'tu compañero/a')}, ${plural(count(d), 'compromiso vence', 'compromisos vencen')} en menos de un día.`,
  }),
  'evaluation-completed': (d) => ({
    title: `${who(d, 'Tu mentor/a')} completó una evaluación de hito`,
    body: `${who(d, 'Tu mentor/a')} completó la evaluación${d.checkpointName ? ` de ${d.checkpointName}` : ''}. Abre el espacio de trabajo para leerla.`,
  }),
  'partnership-quiet': (d, l) => ({
    title: `Es momento de planificar su próxima conversación con ${names(d.partnerNames, l, 'tu compañero/a')}`,
    body: `Tu relación de mentoría con ${names(d.partnerNames, l, 'tu compañero/a')} no tiene ninguna conversación planificada. Programen la próxima cuando les convenga.`,
  }),
  nudge: (d, l) => ({
    title: `${d.programName ?? 'Tu programa'} quisiera que se reúnan`,
    body: `El equipo del programa quisiera que tú y ${names(d.partnerNames, l, 'tu compañero/a')} planifiquen su próxima conversación.`,
  }),
};

const frNotices: NoticeTexts = {
  invitation: (d) => ({
    title: `${who(d, 'Un·e collègue')} vous invite à former un binôme de mentorat`,
    body: `${who(d, 'Un·e collègue')} vous a invité·e à travailler ensemble. Ouvrez l’espace de travail pour accepter ou décliner.`,
  }),
  'conversation-scheduled': (d, l, z) => ({
    title: `Entretien planifié le ${formatWhen(d.when, l, z)}`,
    body: `${who(d, 'Votre binôme')} a planifié votre prochain entretien le ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-moved': (d, l, z) => ({
    title: `Entretien déplacé au ${formatWhen(d.when, l, z)}`,
    body: `${who(d, 'Votre binôme')} a déplacé votre entretien au ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-cancelled': (d, l, z) => ({
    title: `Entretien du ${formatWhen(d.when, l, z)} annulé`,
    body: `${who(d, 'Votre binôme')} a annulé l’entretien du ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-reminder': (d, l, z) => ({
    title: `Rappel : entretien avec ${names(d.partnerNames, l, 'votre binôme')} le ${formatWhen(d.when, l, z)}`,
    body: `Votre entretien avec ${names(d.partnerNames, l, 'votre binôme')} a lieu le ${formatWhen(d.when, l, z)}.`,
  }),
  'review-waiting': (d, l) => ({
    title: `${plural(count(d), 'élément attend', 'éléments attendent')} votre lecture`,
    body: `${names(d.partnerNames, l, 'votre binôme')} a ajouté ${plural(count(d), 'extrait ou réponse', 'extraits et réponses')} depuis votre dernière visite.`,
  }),
  'request-asked': (d) => ({
    title: `${who(d, 'Votre binôme')} a demandé une ressource`,
    body: `${who(d, 'Votre binôme')} vous a demandé une ressource. Ouvrez l’espace de travail pour lire la demande et y répondre.`,
  }),
  'request-answered': (d) => ({
    title: `${who(d, 'Votre binôme')} a répondu à votre demande de ressource`,
    body: `${who(d, 'Votre binôme')} a répondu à votre demande. Ouvrez l’espace de travail pour lire la réponse.`,
  }),
  'commitments-due': (d, l) => ({
    title: `${plural(count(d), 'engagement arrive', 'engagements arrivent')} à échéance`,
    body: `Dans votre binôme avec ${names(d.partnerNames, l, 'votre binôme')}, ${plural(count(d), 'engagement arrive', 'engagements arrivent')} à échéance d’ici un jour.`,
  }),
  'evaluation-completed': (d) => ({
    title: `${who(d, 'Votre mentor·e')} a rempli une évaluation de jalon`,
    body: `${who(d, 'Votre mentor·e')} a rempli l’évaluation${d.checkpointName ? ` du jalon ${d.checkpointName}` : ''}. Ouvrez l’espace de travail pour la lire.`,
  }),
  'partnership-quiet': (d, l) => ({
    title: `Il est temps de prévoir votre prochain entretien avec ${names(d.partnerNames, l, 'votre binôme')}`,
    body: `Votre binôme avec ${names(d.partnerNames, l, 'votre binôme')} n’a aucun entretien prévu. Planifiez le prochain quand cela vous convient à tous deux.`,
  }),
  nudge: (d, l) => ({
    title: `${d.programName ?? 'Votre programme'} aimerait que vous vous rencontriez`,
    body: `L’équipe du programme aimerait que vous et ${names(d.partnerNames, l, 'votre binôme')} planifiiez votre prochain entretien.`,
  }),
};

const arNotices: NoticeTexts = {
  invitation: (d) => ({
    title: `يدعوك ${who(d, 'زميلك')} إلى شراكة إرشادية`,
    body: `دعاك ${who(d, 'زميلك')} إلى العمل معًا. افتح مساحة العمل لتقبل الدعوة أو تعتذر عنها.`,
  }),
  'conversation-scheduled': (d, l, z) => ({
    title: `جُدولت الجلسة في ${formatWhen(d.when, l, z)}`,
    body: `جدول ${who(d, 'شريكك')} جلستكما القادمة في ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-moved': (d, l, z) => ({
    title: `نُقلت الجلسة إلى ${formatWhen(d.when, l, z)}`,
    body: `نقل ${who(d, 'شريكك')} جلستكما إلى ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-cancelled': (d, l, z) => ({
    title: `أُلغيت جلسة ${formatWhen(d.when, l, z)}`,
    body: `ألغى ${who(d, 'شريكك')} جلسة ${formatWhen(d.when, l, z)}.`,
  }),
  'conversation-reminder': (d, l, z) => ({
    title: `تذكير: جلسة مع ${names(d.partnerNames, l, 'شريكك')} في ${formatWhen(d.when, l, z)}`,
    body: `جلستك مع ${names(d.partnerNames, l, 'شريكك')} في ${formatWhen(d.when, l, z)}.`,
  }),
  'review-waiting': (d, l) => ({
    title: `${count(d)} عنصر بانتظار مراجعتك`,
    body: `أضاف ${names(d.partnerNames, l, 'شريكك')} ${count(d)} من المقتطفات والإجابات منذ آخر اطلاع لك.`,
  }),
  'request-asked': (d) => ({
    title: `طلب ${who(d, 'شريكك')} مصدرًا`,
    body: `طلب منك ${who(d, 'شريكك')} مصدرًا. افتح مساحة العمل لتقرأ الطلب وتجيب عنه.`,
  }),
  'request-answered': (d) => ({
    title: `أجاب ${who(d, 'شريكك')} عن طلب المصدر`,
    body: `أجاب ${who(d, 'شريكك')} عن طلبك. افتح مساحة العمل لتقرأ الإجابة.`,
  }),
  'commitments-due': (d, l) => ({
    title: `اقترب موعد ${count(d)} من الالتزامات`,
    body: `في شراكتك مع ${names(d.partnerNames, l, 'شريكك')}، يحين موعد ${count(d)} من الالتزامات خلال يوم.`,
  }),
  'evaluation-completed': (d) => ({
    title: `أكمل ${who(d, 'مرشدك')} تقييم محطة`,
    body: `أكمل ${who(d, 'مرشدك')} التقييم${d.checkpointName ? ` في محطة ${d.checkpointName}` : ''}. افتح مساحة العمل لتقرأه.`,
  }),
  'partnership-quiet': (d, l) => ({
    title: `حان وقت التخطيط لجلستك القادمة مع ${names(d.partnerNames, l, 'شريكك')}`,
    body: `لا جلسة مخططة في شراكتك مع ${names(d.partnerNames, l, 'شريكك')}. حدّدا موعد الجلسة القادمة حين يناسبكما.`,
  }),
  nudge: (d, l) => ({
    title: `${d.programName ?? 'برنامجك'} يودّ أن تلتقيا`,
    body: `يودّ فريق البرنامج أن تخطّط أنت و${names(d.partnerNames, l, 'شريكك')} لجلستكما القادمة.`,
  }),
};

const zhNotices: NoticeTexts = {
  invitation: (d) => ({
    title: `${who(d, '一位同事')}邀请你加入导师结对`,
    body: `${who(d, '一位同事')}邀请你一起工作。请打开工作区接受或婉拒。`,
  }),
  'conversation-scheduled': (d, l, z) => ({
    title: `面谈已安排在 ${formatWhen(d.when, l, z)}`,
    body: `${who(d, '你的伙伴')}把你们的下次面谈安排在 ${formatWhen(d.when, l, z)}。`,
  }),
  'conversation-moved': (d, l, z) => ({
    title: `面谈已改到 ${formatWhen(d.when, l, z)}`,
    body: `${who(d, '你的伙伴')}把你们的面谈改到 ${formatWhen(d.when, l, z)}。`,
  }),
  'conversation-cancelled': (d, l, z) => ({
    title: `${formatWhen(d.when, l, z)} 的面谈已取消`,
    body: `${who(d, '你的伙伴')}取消了 ${formatWhen(d.when, l, z)} 的面谈。`,
  }),
  'conversation-reminder': (d, l, z) => ({
    title: `提醒：${formatWhen(d.when, l, z)} 与 ${names(d.partnerNames, l, '你的伙伴')} 面谈`,
    body: `你与 ${names(d.partnerNames, l, '你的伙伴')} 的面谈在 ${formatWhen(d.when, l, z)}。`,
  }),
  'review-waiting': (d, l) => ({
    title: `有 ${count(d)} 项内容等你查看`,
    body: `自你上次查看以来，${names(d.partnerNames, l, '你的伙伴')}添加了 ${count(d)} 条摘录或回应。`,
  }),
  'request-asked': (d) => ({
    title: `${who(d, '你的伙伴')}请求了一项资源`,
    body: `${who(d, '你的伙伴')}向你请求一项资源。请打开工作区阅读并回答。`,
  }),
  'request-answered': (d) => ({
    title: `${who(d, '你的伙伴')}回答了你的资源请求`,
    body: `${who(d, '你的伙伴')}回答了你的请求。请打开工作区阅读回答。`,
  }),
  'commitments-due': (d, l) => ({
    title: `有 ${count(d)} 项承诺即将到期`,
    body: `在你与 ${names(d.partnerNames, l, '你的伙伴')} 的结对中，有 ${count(d)} 项承诺将在一天内到期。`,
  }),
  'evaluation-completed': (d) => ({
    title: `${who(d, '你的导师')}完成了一份节点评估`,
    body: `${who(d, '你的导师')}完成了${d.checkpointName ? `“${d.checkpointName}”的` : ''}评估。请打开工作区阅读。`,
  }),
  'partnership-quiet': (d, l) => ({
    title: `该计划与 ${names(d.partnerNames, l, '你的伙伴')} 的下次面谈了`,
    body: `你与 ${names(d.partnerNames, l, '你的伙伴')} 的结对还没有计划面谈。请在双方方便时安排下一次。`,
  }),
  nudge: (d, l) => ({
    title: `${d.programName ?? '你的项目'}希望你们见面`,
    body: `项目工作人员希望你和 ${names(d.partnerNames, l, '你的伙伴')} 安排下一次面谈。`,
  }),
};

const NOTICES: Record<Locale, NoticeTexts> = {
  en: enNotices,
  es: esNotices,
  fr: frNotices,
  ar: arNotices,
  zh: zhNotices,
};

const KIND_LABELS: Record<Locale, Record<NotificationKind, string>> = {
  en: enKindLabels,
  es: {
    invitation: 'Invitaciones a una relación de mentoría',
    'conversation-scheduled': 'Se programa una conversación',
    'conversation-moved': 'Se mueve una conversación',
    'conversation-cancelled': 'Se cancela una conversación',
    'conversation-reminder': 'Recordatorio antes de una conversación',
    'review-waiting': 'Fragmentos y respuestas por revisar',
    'request-asked': 'Una solicitud de recurso para ti',
    'request-answered': 'Una respuesta a tu solicitud de recurso',
    'commitments-due': 'Compromisos por vencer',
    'evaluation-completed': 'Se completa una evaluación de hito',
    'partnership-quiet': 'Ninguna conversación planificada desde hace tiempo',
    nudge: 'Un recordatorio del equipo del programa',
  },
  fr: {
    invitation: 'Invitations à former un binôme',
    'conversation-scheduled': 'Un entretien est planifié',
    'conversation-moved': 'Un entretien est déplacé',
    'conversation-cancelled': 'Un entretien est annulé',
    'conversation-reminder': 'Rappel avant un entretien',
    'review-waiting': 'Extraits et réponses à lire',
    'request-asked': 'Une demande de ressource pour vous',
    'request-answered': 'Une réponse à votre demande de ressource',
    'commitments-due': 'Engagements arrivant à échéance',
    'evaluation-completed': 'Une évaluation de jalon est remplie',
    'partnership-quiet': 'Aucun entretien prévu depuis un moment',
    nudge: 'Une relance de l’équipe du programme',
  },
  ar: {
    invitation: 'دعوات إلى شراكة',
    'conversation-scheduled': 'جدولة جلسة',
    'conversation-moved': 'نقل جلسة',
    'conversation-cancelled': 'إلغاء جلسة',
    'conversation-reminder': 'تذكير قبل جلسة',
    'review-waiting': 'مقتطفات وإجابات بانتظار مراجعتك',
    'request-asked': 'طلب مصدر موجّه إليك',
    'request-answered': 'إجابة عن طلب المصدر',
    'commitments-due': 'التزامات يقترب موعدها',
    'evaluation-completed': 'إكمال تقييم محطة',
    'partnership-quiet': 'لا جلسة مخططة منذ مدة',
    nudge: 'تذكير من فريق البرنامج',
  },
  zh: {
    invitation: '结对邀请',
    'conversation-scheduled': '面谈已安排',
    'conversation-moved': '面谈已改期',
    'conversation-cancelled': '面谈已取消',
    'conversation-reminder': '面谈前提醒',
    'review-waiting': '待查看的摘录和回应',
    'request-asked': '发给你的资源请求',
    'request-answered': '你的资源请求有了回答',
    'commitments-due': '即将到期的承诺',
    'evaluation-completed': '节点评估已完成',
    'partnership-quiet': '一段时间没有计划面谈',
    nudge: '来自项目工作人员的提醒',
  },
};

const DELIVERY_LABELS: Record<Locale, Record<Delivery, string>> = {
  en: enDeliveryLabels,
  es: { now: 'De inmediato', digest: 'Resumen diario', off: 'Desactivado' },
  fr: { now: 'Immédiatement', digest: 'Récapitulatif quotidien', off: 'Désactivé' },
  ar: { now: 'فورًا', digest: 'ملخص يومي', off: 'إيقاف' },
  zh: { now: '立即', digest: '每日摘要', off: '关闭' },
};

const MAIL: Record<Locale, MailTexts> = {
  en: enMail,
  es: {
    greeting: (name) => `Hola, ${name}:`,
    open: (platformName) => `Abre el espacio de mentoría desde tu curso${platformName ? ` en ${platformName}` : ''}`,
    digestTitle: (n) => `Tu resumen diario de mentoría: ${plural(n, 'aviso', 'avisos')}`,
    why: (programTitle) =>
      `Recibes este correo porque participas en ${programTitle}. El mensaje no contiene nada del espacio de trabajo; léelo en la herramienta.`,
    unsubscribe: () => 'Dejar de recibir estos correos',
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    open: (platformName) =>
      `Ouvrez l’espace de mentorat depuis votre cours${platformName ? ` sur ${platformName}` : ''}`,
    digestTitle: (n) => `Votre récapitulatif quotidien de mentorat : ${plural(n, 'avis', 'avis')}`,
    why: (programTitle) =>
      `Vous recevez ce message parce que vous participez à ${programTitle}. Il ne contient rien de l’espace de travail : lisez-le dans l’outil.`,
    unsubscribe: () => 'Ne plus recevoir ces courriels',
  },
  ar: {
    greeting: (name) => `مرحبًا ${name}،`,
    open: (platformName) => `افتح مساحة الإرشاد من مقررك${platformName ? ` في ${platformName}` : ''}`,
    digestTitle: (n) => `ملخص الإرشاد اليومي: ${n} من الإشعارات`,
    why: (programTitle) =>
      `تصلك هذه الرسالة لأنك تشارك في ${programTitle}. لا تحوي الرسالة شيئًا من محتوى مساحة العمل؛ اقرأه في الأداة.`,
    unsubscribe: () => 'إيقاف هذه الرسائل',
  },
  zh: {
    greeting: (name) => `${name}，你好：`,
    open: (platformName) => `从你的课程${platformName ? `（${platformName}）` : ''}中打开导师工作区`,
    digestTitle: (n) => `你的每日导师辅导摘要：${n} 条通知`,
    why: (programTitle) => `你收到这封邮件，是因为你参加了 ${programTitle}。邮件不含任何工作区内容；请在工具中阅读。`,
    unsubscribe: () => '不再接收这些邮件',
  },
};

/** What each kind is called where people choose how they hear of it. */
export const noticeKindLabels: Record<NotificationKind, (l: Locale) => string> = Object.fromEntries(
  Object.keys(enKindLabels).map((kind) => [kind, (l: Locale) => KIND_LABELS[l][kind as NotificationKind]]),
) as Record<NotificationKind, (l: Locale) => string>;

export const deliveryLabels: Record<Delivery, (l: Locale) => string> = {
  now: (l) => DELIVERY_LABELS[l].now,
  digest: (l) => DELIVERY_LABELS[l].digest,
  off: (l) => DELIVERY_LABELS[l].off,
};

/** The frame around e-mails: the greeting, the way in, the digest's heading, the footer. */
export const mailTexts: MailTexts = {
  greeting: (name, l) => MAIL[l].greeting(name, l),
  open: (platformName, l) => MAIL[l].open(platformName, l),
  digestTitle: (n, l) => MAIL[l].digestTitle(n, l),
  why: (programTitle, l) => MAIL[l].why(programTitle, l),
  unsubscribe: (l) => MAIL[l].unsubscribe(l),
};
