import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { sectionsFor } from '#app/components/workspace-nav.tsx'
import { translator } from '#app/i18n/translator.ts'
import { baseURL, launchBrowser, linkIn, newPage, readEmail } from './browser.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

const PASSWORD = 'a long enough password 2026'

async function signUp(page: Page, name: string, email: string) {
	await page.getByRole('textbox', { name: '姓名' }).fill(name)
	await page.getByRole('textbox', { name: '邮箱' }).fill(email)
	await page.getByLabel('密码', { exact: true }).fill(PASSWORD)
	await page.getByLabel('确认密码', { exact: true }).fill(PASSWORD)
	await page.getByRole('button', { name: '注册', exact: true }).click()
}

async function createWorkspace(page: Page, name: string, industry: string) {
	await page.goto('/workspaces')
	await page.getByRole('textbox', { name: '企业名称' }).fill(name)
	await page.getByRole('textbox', { name: '行业' }).fill(industry)
	await page.getByRole('textbox', { name: '产品类别' }).fill('空调、冰箱')
	await page.getByRole('textbox', { name: '服务网点 / 场所' }).fill('上海总部')
	await page.getByRole('button', { name: '创建工作区' }).click()
	await page.waitForURL(/\/w\/[^/]+$/)
	await page.getByRole('heading', { level: 1, name }).waitFor()
	return new URL(page.url()).pathname.split('/')[2]!
}

const text = async (page: Page, role: 'heading' | 'status' | 'alert', name?: string) =>
	(await page.getByRole(role, name ? { name } : {}).first().textContent())?.trim()

test('sign up, create a client workspace, invite a colleague who joins as assessor, demote to viewer; a consultant switches clients', async () => {
	const stamp = Date.now()
	const ownerEmail = `manager-${stamp}@example.com`
	const colleagueEmail = `colleague-${stamp}@example.com`

	// the service manager signs up and verifies the address
	const owner = await newPage(browser)
	await owner.goto('/signup')
	await signUp(owner, '王经理', ownerEmail)
	await owner.waitForURL('**/workspaces')
	await owner.goto(linkIn((await readEmail(ownerEmail)).text))
	await owner.waitForURL('**/verify-email?result=verified')

	// an empty portfolio, then the first workspace
	await owner.goto('/workspaces')
	expect(await text(owner, 'heading', '我的客户')).toBe('我的客户')
	const acme = await createWorkspace(owner, '甲电器有限公司', '家用电器')
	const switcher = owner.getByRole('combobox', { name: '当前客户' })
	expect(await switcher.inputValue()).toBe(acme)
	// every section an owner reaches, in menu order (each area adds its own entry)
	expect(await owner.getByRole('navigation', { name: '工作区导航' }).getByRole('link').allTextContents()).toEqual(
		sectionsFor('owner').map((section) => translator('zh-CN')(section.label)),
	)

	// invite the colleague as assessor
	await owner.getByRole('link', { name: '成员', exact: true }).click()
	await owner.getByRole('link', { name: '邀请成员' }).click()
	await owner.getByRole('textbox', { name: '邮箱' }).fill(colleagueEmail)
	await owner.getByRole('combobox', { name: '角色' }).selectOption({ label: '评估员' })
	await owner.getByRole('button', { name: '发送邀请' }).click()
	await owner.getByRole('status').waitFor()
	expect(await text(owner, 'status')).toBe(`已向 ${colleagueEmail} 发送邀请`)

	// the colleague opens the link signed out, signs up from it and comes back to accept
	const invitationLink = linkIn((await readEmail(colleagueEmail)).text)
	const colleague = await newPage(browser)
	await colleague.goto(invitationLink)
	expect(await colleague.getByText('王经理 邀请您以“评估员”身份加入 甲电器有限公司。').count()).toBe(1)
	await colleague.getByRole('link', { name: '注册新账户' }).click()
	await signUp(colleague, '李评估', colleagueEmail)
	await colleague.waitForURL(new URL(invitationLink).pathname)
	await colleague.getByRole('button', { name: '接受邀请并加入' }).click()
	await colleague.waitForURL(`**/w/${acme}`)
	await colleague.getByRole('heading', { level: 1, name: '甲电器有限公司' }).waitFor()
	expect(await colleague.locator('dt:text-is("您的角色") + dd').textContent()).toBe('评估员')
	// an assessor reads the members page without any management controls
	await colleague.getByRole('link', { name: '成员', exact: true }).click()
	await colleague.getByRole('heading', { level: 1, name: '成员' }).waitFor()
	expect(await colleague.getByRole('link', { name: '邀请成员' }).count()).toBe(0)
	expect(await colleague.getByRole('link', { name: /^编辑/ }).count()).toBe(0)

	// the owner sees the new member and makes them a viewer
	await owner.goto(`/w/${acme}/members`)
	await owner.getByRole('link', { name: '编辑 李评估' }).click()
	await owner.getByRole('heading', { level: 1, name: '编辑成员：李评估' }).waitFor()
	const editUrl = new URL(owner.url()).pathname
	await owner.getByRole('combobox', { name: '角色' }).selectOption({ label: '查看者' })
	await owner.getByRole('button', { name: '保存角色' }).click()
	await owner.getByText('李评估 的角色已改为 查看者').waitFor()

	// the viewer cannot open the edit form: 403, and no form on the page
	const denied = await colleague.goto(editUrl)
	expect(denied?.status()).toBe(403)
	expect(await text(colleague, 'heading')).toBe('没有权限')
	expect(await colleague.getByRole('combobox', { name: '角色' }).count()).toBe(0)
	const invite = await colleague.goto(`/w/${acme}/members/invite`)
	expect(invite?.status()).toBe(403)

	// the audit log shows what happened, newest first, in words
	await owner.getByRole('link', { name: '审计日志' }).click()
	await owner.getByRole('heading', { level: 1, name: '审计日志' }).waitFor()
	const actions = await owner.locator('tbody tr td:nth-child(3)').allTextContents()
	expect(actions).toEqual(['更改成员角色', '接受邀请', '发出邀请', '创建工作区'])

	// the manager is also a consultant with two more clients, and switches between them in one step
	const beta = await createWorkspace(owner, '乙汽车服务有限公司', '汽车')
	const gamma = await createWorkspace(owner, '丙家居有限公司', '家居')
	await owner.goto(`/w/${acme}/members`)
	const options = await owner.getByRole('combobox', { name: '当前客户' }).locator('option').allTextContents()
	expect(options).toEqual(['丙家居有限公司', '甲电器有限公司', '乙汽车服务有限公司'])
	await owner.getByRole('combobox', { name: '当前客户' }).selectOption({ label: '乙汽车服务有限公司' })
	await owner.getByRole('button', { name: '切换客户', exact: true }).click()
	await owner.waitForURL(`**/w/${beta}/members`)
	// the same section of the other client, and the header says which client is open
	await owner.getByRole('main').getByText('乙汽车服务有限公司', { exact: true }).waitFor()
	expect(await text(owner, 'heading')).toBe('成员')
	expect(await owner.getByRole('combobox', { name: '当前客户' }).inputValue()).toBe(beta)

	// without JavaScript the switcher is a plain GET form and works the same
	const noJs = await browser.newContext({
		baseURL,
		javaScriptEnabled: false,
		locale: 'zh-CN',
		storageState: await owner.context().storageState(),
	})
	const plain = await noJs.newPage()
	await plain.goto(`/w/${beta}`)
	await plain.getByRole('combobox', { name: '当前客户' }).selectOption(gamma)
	await plain.getByRole('button', { name: '切换客户', exact: true }).click()
	await plain.waitForURL(`**/w/${gamma}`)
	expect(await text(plain, 'heading')).toBe('丙家居有限公司')
	await noJs.close()

	// the colleague only ever sees their one client
	await colleague.goto('/workspaces')
	expect(await colleague.locator('tbody tr').count()).toBe(1)
	expect(await colleague.getByRole('combobox', { name: '当前客户' }).locator('option').allTextContents()).toEqual([
		'选择客户…',
		'甲电器有限公司',
	])
	expect((await colleague.goto(`/w/${beta}`))?.status()).toBe(404)

	await owner.context().close()
	await colleague.context().close()
})

test('on a phone the switcher and account sit in a menu that opens without JavaScript', async () => {
	const context = await browser.newContext({
		baseURL,
		javaScriptEnabled: false,
		locale: 'zh-CN',
		viewport: { width: 375, height: 740 },
	})
	const page = await context.newPage()
	const email = `phone-${Date.now()}@example.com`
	await page.goto('/signup')
	await signUp(page, '赵手机', email)
	await page.waitForURL('**/workspaces')
	expect(await page.getByRole('combobox', { name: '当前客户' }).count()).toBe(0)
	await page.getByText('菜单').click()
	expect(await page.getByRole('combobox', { name: '当前客户' }).isVisible()).toBe(true)
	expect(await page.getByRole('button', { name: '退出登录' }).isVisible()).toBe(true)
	await page.getByRole('button', { name: '退出登录' }).click()
	await page.waitForURL(baseURL + '/')
	await context.close()
})
