// Its own module, free of imports, because the gaps page's browser code needs it: importing it from
// view.ts pulled the scheme loader and zod into that page's JavaScript (98 KB → see ADR 007).
export const GAP_STATUSES = ['unanswered', 'to_review', 'answered'] as const
export type GapStatus = (typeof GAP_STATUSES)[number]
