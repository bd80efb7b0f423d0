import { eq } from 'drizzle-orm'
import type { Database } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { memberships, users, workspaces } from './schema/index.ts'

export const DEMO_EMAIL = 'demo@example.com'
export const DEMO_PASSWORD = 'demo-password-2026'

/** Creates the demo organisation and login once; later runs leave the data alone. */
export async function seedDemo(db: Database): Promise<void> {
	const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL))
	if (existing.length) return
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	await db.transaction(async (tx) => {
		const [user] = await tx
			.insert(users)
			.values({ email: DEMO_EMAIL, name: '演示用户', passwordHash, emailVerifiedAt: new Date() })
			.returning()
		const [workspace] = await tx
			.insert(workspaces)
			.values({
				name: '示例电器有限公司',
				industry: '家用电器',
				productCategories: '空调、冰箱、洗衣机',
				sites: '上海总部；苏州服务中心',
				createdBy: user!.id,
			})
			.returning()
		await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: user!.id, role: 'owner' })
	})
	console.log(`Demo login created: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`)
}
