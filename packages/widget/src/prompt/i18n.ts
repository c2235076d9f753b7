// Built-in prompt text in en, de, fr, es, nl, ja and ar (right-to-left), and the site's own wording per locale.
import type { Answers, Prompt } from '@throughline/schema';

type Dim = keyof Answers;

/** Message order in every locale's list below. */
const KEYS = [
  'title', 'close', 'send', 'thanks', 'thanksBody', 'comment', 'announce',
  'sensorial', 'affective', 'cognitive', 'relational', 'behavioral', 'importance', 'handoff',
  'poor', 'excellent', 'hard', 'easy', 'notAtAll', 'veryMuch', 'rough', 'smooth',
  'face1', 'face2', 'face3', 'face4', 'face5',
] as const;
export type MessageKey = (typeof KEYS)[number];

const TEXT: Record<string, string> = {
  en: 'Quick question|Close|Send|Thank you!|Your feedback helps us improve.|Anything else? (optional)|A short feedback question is available.|How does this page look and feel?|How do you feel right now?|How easy was it to find what you needed?|How connected do you feel to us?|How likely are you to come back?|How much does this step matter to you?|How smoothly did you get here from {from}?|Very poor|Excellent|Very hard|Very easy|Not at all|Very much|Very rough|Very smooth|Very unhappy|Unhappy|Neutral|Happy|Very happy',
  de: 'Kurze Frage|Schließen|Senden|Vielen Dank!|Ihr Feedback hilft uns, besser zu werden.|Möchten Sie noch etwas sagen? (optional)|Eine kurze Feedback-Frage ist verfügbar.|Wie gefällt Ihnen diese Seite in Aussehen und Bedienung?|Wie fühlen Sie sich gerade?|Wie leicht haben Sie gefunden, was Sie brauchten?|Wie verbunden fühlen Sie sich mit uns?|Wie wahrscheinlich ist es, dass Sie wiederkommen?|Wie wichtig ist Ihnen dieser Schritt?|Wie reibungslos war der Weg hierher von {from}?|Sehr schlecht|Ausgezeichnet|Sehr schwer|Sehr leicht|Überhaupt nicht|Sehr|Sehr holprig|Sehr reibungslos|Sehr unzufrieden|Unzufrieden|Neutral|Zufrieden|Sehr zufrieden',
  fr: 'Petite question|Fermer|Envoyer|Merci !|Votre avis nous aide à nous améliorer.|Autre chose à ajouter ? (facultatif)|Une courte question est disponible.|Comment trouvez-vous l’apparence de cette page ?|Comment vous sentez-vous en ce moment ?|Avez-vous facilement trouvé ce que vous cherchiez ?|À quel point vous sentez-vous proche de nous ?|Quelle est la probabilité que vous reveniez ?|Quelle importance cette étape a-t-elle pour vous ?|Votre passage depuis {from} s’est-il bien passé ?|Très mauvais|Excellent|Très difficile|Très facile|Pas du tout|Énormément|Très laborieux|Très fluide|Très mécontent|Mécontent|Neutre|Content|Très content',
  es: 'Una pregunta rápida|Cerrar|Enviar|¡Gracias!|Tu opinión nos ayuda a mejorar.|¿Algo más? (opcional)|Hay una breve pregunta disponible.|¿Qué te parece el aspecto de esta página?|¿Cómo te sientes ahora mismo?|¿Qué tan fácil fue encontrar lo que necesitabas?|¿Qué tan conectado te sientes con nosotros?|¿Qué probabilidad hay de que vuelvas?|¿Cuánto te importa este paso?|¿Qué tan fluido fue llegar aquí desde {from}?|Muy malo|Excelente|Muy difícil|Muy fácil|Nada|Muchísimo|Muy complicado|Muy fluido|Muy descontento|Descontento|Neutral|Contento|Muy contento',
  nl: 'Korte vraag|Sluiten|Versturen|Bedankt!|Uw feedback helpt ons verbeteren.|Nog iets toe te voegen? (optioneel)|Er is een korte feedbackvraag beschikbaar.|Hoe vindt u de uitstraling van deze pagina?|Hoe voelt u zich op dit moment?|Hoe makkelijk vond u wat u zocht?|Hoe verbonden voelt u zich met ons?|Hoe waarschijnlijk is het dat u terugkomt?|Hoe belangrijk is deze stap voor u?|Hoe soepel ging het van {from} naar hier?|Zeer slecht|Uitstekend|Zeer moeilijk|Zeer makkelijk|Helemaal niet|Heel erg|Zeer stroef|Zeer soepel|Zeer ontevreden|Ontevreden|Neutraal|Tevreden|Zeer tevreden',
  ja: 'ちょっとした質問|閉じる|送信|ありがとうございました！|いただいたご意見は改善に役立てます。|その他ご意見（任意）|短いアンケートがあります。|このページの見た目や使い心地はいかがですか？|今どのようなお気持ちですか？|必要な情報は簡単に見つかりましたか？|私たちとのつながりをどの程度感じますか？|また利用したいと思いますか？|このステップはあなたにとってどのくらい重要ですか？|{from}からここまでの移動はスムーズでしたか？|とても悪い|とても良い|とても難しい|とても簡単|まったく|とても|とても不便|とてもスムーズ|とても不満|不満|普通|満足|とても満足',
  ar: 'سؤال سريع|إغلاق|إرسال|شكرًا لك!|تساعدنا ملاحظاتك على التحسين.|هل هناك شيء آخر؟ (اختياري)|يتوفر سؤال قصير لإبداء الرأي.|ما رأيك في مظهر هذه الصفحة؟|كيف تشعر الآن؟|ما مدى سهولة العثور على ما تحتاجه؟|ما مدى ارتباطك بنا؟|ما احتمال عودتك إلينا؟|ما مدى أهمية هذه الخطوة بالنسبة لك؟|ما مدى سلاسة انتقالك إلى هنا من {from}؟|سيئ جدًا|ممتاز|صعب جدًا|سهل جدًا|إطلاقًا|كثيرًا جدًا|متعثر جدًا|سلس جدًا|غير راضٍ جدًا|غير راضٍ|محايد|راضٍ|راضٍ جدًا',
};

/** Labels of the two ends of each dimension's scale (affective uses faces). */
export const ENDS: Record<Dim, [MessageKey, MessageKey]> = {
  sensorial: ['poor', 'excellent'],
  affective: ['face1', 'face5'],
  cognitive: ['hard', 'easy'],
  relational: ['notAtAll', 'veryMuch'],
  behavioral: ['notAtAll', 'veryMuch'],
  importance: ['notAtAll', 'veryMuch'],
  handoff: ['rough', 'smooth'],
};

export interface Messages {
  lang: string;
  dir: 'ltr' | 'rtl';
  t(key: MessageKey): string;
  /** The question for a dimension: the site's wording for this locale, else the built-in text. */
  question(dim: Dim, from?: string): string;
}

export function messages(locale: string, wording: Prompt['wording']): Messages {
  const base = locale.split(/[-_]/)[0]!.toLowerCase();
  const lang = TEXT[base] ? base : 'en';
  const list = TEXT[lang]!.split('|');
  const t = (key: MessageKey) => list[KEYS.indexOf(key)] ?? key;
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    t,
    question(dim, from = '') {
      const own = wording[locale]?.[dim] ?? wording[base]?.[dim] ?? (lang === base ? undefined : wording.en?.[dim]);
      return (own ?? t(dim)).replace('{from}', from);
    },
  };
}
