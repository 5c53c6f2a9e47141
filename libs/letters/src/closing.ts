// How Indonesian official letters close: "Demikian ... disampaikan/kami sampaikan", "Atas perhatian
// (dan kerja sama) Saudara ... terima kasih". An agent who wrote one needs no second from the template.
const CLOSING = /(terima\s*kasih|atas\s+perhatian|demikian\b[^.]*\b(?:di|kami\s+)?sampaikan)/i;

/** Whether the letter body already ends with a closing sentence (its last paragraph has one). */
export function endsWithClosing(paragraphs: string[]): boolean {
  const last = paragraphs[paragraphs.length - 1];
  return !!last && CLOSING.test(last);
}
