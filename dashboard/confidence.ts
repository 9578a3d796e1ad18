/**
 * The AI's confidence in words, by its 0–1 score: sure (0.8 and up: the offline engine
 * and the model reach it when the message names what it wants), likely (0.5 up), or a
 * guess, which the lead page tells the client to check against the message.
 */
export type ConfidenceLevel = 'high' | 'medium' | 'low';

export const confidenceLevel = (score: number): ConfidenceLevel =>
  score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low';
