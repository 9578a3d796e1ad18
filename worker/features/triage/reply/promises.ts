/**
 * Words that, in a business's own sentence, promise a delay or a person: "today", "within
 * 24 hours", "a manager will call you". No client setting says how fast a business answers
 * or who does, so an automatic reply may promise neither; it may say the team will get back
 * to the lead. Patterns run on folded text (lower case, no accents, straight apostrophes).
 */
export const UNMADE_PROMISES: readonly RegExp[] = [
  // A day or a moment.
  /\b(today|tonight|tomorrow|this (morning|afternoon|evening)|right away|right now|immediately|asap|as soon as possible|same[- ]day|(by|before) (the )?end of (the )?day|first thing)\b/,
  /\b(aujourd'hui|ce soir|a soir|demain|ce matin|cet apres-midi|tout de suite|immediatement|sur-le-champ|au plus vite|des que possible|le plus (vite|tot) possible|sans delai|dans la journee|le jour meme)\b/,
  // A vague but still promised speed.
  /\b(shortly|(very |real )?soon|quickly|promptly|in no time|rapidement|promptement|sous peu|(tres )?bientot)\b/,
  // A delay in figures.
  /\b(within|in|under|in less than) (\d+|an?|one|two|a few|a couple of) (minutes?|hours?|hrs?|h|days?|business days?)\b/,
  /\b(d'ici|dans les|dans|en moins de|sous) (\d+|une|deux|quelques) (minutes?|heures?|h|jours?( ouvrables)?)\b/,
  /\b24 ?\/ ?7\b/,
  // Someone the business never said it has, or work it never said was started.
  /\b(a|our|the) (manager|supervisor|owner|technician|specialist) will\b|\b(un|une|notre) (responsable|gestionnaire|superviseure?|proprietaire|technicienn?e?|specialiste) (va|vous|communiquera|examinera)\b/,
  /\b(we'?re|we are) (on it|jumping on|already working)\b|\b(on s'en occupe|nous nous en occupons|on est deja dessus)\b/,
];

/** The first unmade promise in folded text, or null. */
export function unmadePromise(folded: string): string | null {
  for (const pattern of UNMADE_PROMISES) {
    const found = pattern.exec(folded);
    if (found) return found[0];
  }
  return null;
}
