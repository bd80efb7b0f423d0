import { redirect } from 'react-router'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { destroySession } from '#app/utils/session.server.ts'
import type { Route } from './+types/logout'

// POST only: a link or an image cannot sign anyone out. The session row is deleted, so a copy of
// the old cookie is worthless too. A same-site redirectTo is followed (the invitation's "switch
// account" comes back through the login page); anything else, or a body that is not a form, goes
// home: signing out never fails because of what came with it.
export async function action({ request }: Route.ActionArgs) {
	const form = await request.formData().catch(() => null)
	const to = safeRedirect(form?.get('redirectTo'), '/')
	return redirect(to, { headers: { 'Set-Cookie': await destroySession(request) } })
}

export function loader() {
	return redirect('/')
}
