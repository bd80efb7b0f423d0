import { createCookie } from 'react-router'
import { negotiateLocale, isLocale, type Locale } from './i18n.ts'

export const localeCookie = createCookie('portal_lang', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	maxAge: 365 * 24 * 3600,
})

/** The signed-in user's saved choice wins, then the cookie, then Accept-Language, then Chinese. */
export async function resolveLocale(
	request: Request,
	user: { locale: string } | null,
): Promise<Locale> {
	if (user && isLocale(user.locale)) return user.locale
	const cookie: unknown = await localeCookie.parse(request.headers.get('Cookie'))
	return negotiateLocale(typeof cookie === 'string' ? cookie : undefined, request.headers.get('Accept-Language'))
}
