/** Field limits of the assessment forms, shared by the server's schemas and the forms' maxLength. */
export const TITLE_MAX = 200
export const PERIOD_MAX = 40
export const SCOPE_MAX = 1000
export const SCOPE_NOTES_MAX = 4000
export const SPECIAL_TEXT_MAX = 2000
export const REASON_MAX = 1000
/** An import file larger than this is refused before it is parsed. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024
