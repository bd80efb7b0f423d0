import { eq } from 'drizzle-orm'
import { redirect } from 'react-router'
import { z } from 'zod'
import { users } from '#db/schema/index.ts'
import { LOCALES } from '#app/i18n/i18n.ts'
import { localeCookie } from '#app/i18n/locale.server.ts'
import { database } from '#app/utils/db.server.ts'
import { getSessionUser } from '#app/utils/session.server.ts'
import type { Route } from './+types/set-language'

const SetLanguageSchema = z.object({
	locale: z.enum(LOCALES),
	// only same-site paths, so the form cannot be used as an open redirect
	redirectTo: z
		.string()
		.max(2000)
		.regex(/^\/(?!\/)/)
		.catch('/'),
})

export async function action({ request }: Route.ActionArgs) {
	const parsed = SetLanguageSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return Response.json({ message: 'Unknown language' }, { status: 400 })
	const user = await getSessionUser(request)
	if (user) await database().update(users).set({ locale: parsed.data.locale }).where(eq(users.id, user.id))
	return redirect(parsed.data.redirectTo, {
		headers: { 'Set-Cookie': await localeCookie.serialize(parsed.data.locale) },
	})
}

export function loader() {
	return redirect('/')
}
