/** The intents of the assessment page's action (the isolation test reads this list). */
export const intents = [
	'submit',
	'reopen',
	'add-deduction',
	'add-bonus',
	'remove-special',
	'import',
] as const
export type Intent = (typeof intents)[number]
