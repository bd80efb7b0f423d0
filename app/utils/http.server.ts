import { data } from 'react-router'

/**
 * Throws a 404 unless the condition holds. Used for anything that is missing *or not yours*:
 * a record of another workspace must be indistinguishable from one that does not exist.
 */
export function invariantNotFound(condition: unknown, message = 'Not found'): asserts condition {
	if (!condition) throw data({ message }, { status: 404 })
}

export function invariantForbidden(condition: unknown, message = 'Forbidden'): asserts condition {
	if (!condition) throw data({ message }, { status: 403 })
}

export function badRequest(message: string): never {
	throw data({ message }, { status: 400 })
}
