// A phone, upright or on its side: the corner card opens compact there, and an immediate prompt waits for the visitor.
export const PHONE = '(max-width:480px),(max-height:480px) and (pointer:coarse)';
