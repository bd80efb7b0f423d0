/**
 * The evidence formats accepted, keyed by the content type stored and served, with the file name
 * extensions that may carry each. The type is read from the bytes on the server
 * (app/services/evidence-type.server.ts); the name only has to agree with it. Browser-safe, so the
 * file picker offers the same list.
 */
export const EVIDENCE_TYPES = {
	'application/pdf': ['pdf'],
	'image/jpeg': ['jpg', 'jpeg'],
	'image/png': ['png'],
	'image/webp': ['webp'],
	'image/heic': ['heic', 'heif'],
	'image/heif': ['heif', 'heic'],
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
	'application/msword': ['doc'],
	'application/vnd.ms-excel': ['xls'],
} as const satisfies Record<string, readonly string[]>

export type EvidenceContentType = keyof typeof EVIDENCE_TYPES

/** For the file picker: every accepted extension, and image/* so phones offer the camera too. */
export const EVIDENCE_ACCEPT = [
	'image/*',
	...new Set(Object.values(EVIDENCE_TYPES).flatMap((extensions) => extensions.map((e) => `.${e}`))),
].join(',')
