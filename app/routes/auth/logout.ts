import { redirect } from 'react-router'
import { destroySession } from '#app/utils/session.server.ts'
import type { Route } from './+types/logout'

// POST only: a link or an image cannot sign anyone out. The session row is deleted, so a copy of
// the old cookie is worthless too.
export async function action({ request }: Route.ActionArgs) {
	return redirect('/', { headers: { 'Set-Cookie': await destroySession(request) } })
}

export function loader() {
	return redirect('/')
}
