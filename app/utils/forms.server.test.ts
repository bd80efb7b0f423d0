import { expect, test } from 'vitest'
import { z } from 'zod'
import { parseFormData, text } from './forms.server.ts'

const Schema = z.object({ name: text(10), email: z.email() })

function form(entries: [string, string][]) {
	const fd = new FormData()
	for (const [k, v] of entries) fd.append(k, v)
	return fd
}

test('accepts valid input and trims', () => {
	const result = parseFormData(form([['name', ' 张三 '], ['email', 'a@b.cn']]), Schema, 'zh-CN')
	expect(result).toEqual({ ok: true, data: { name: '张三', email: 'a@b.cn' } })
})

test('reports empty, too long, wrong type and extra fields per field, in the language asked', () => {
	const empty = parseFormData(form([['name', '  '], ['email', 'x']]), Schema, 'zh-CN')
	expect(empty).toMatchObject({ ok: false, errors: { name: ['此项为必填项'], email: ['格式不正确'] } })
	const long = parseFormData(form([['name', 'x'.repeat(11)], ['email', 'a@b.cn']]), Schema, 'en')
	expect(long).toMatchObject({ ok: false, errors: { name: ['At most 10 characters'] } })
	const extra = parseFormData(form([['name', 'a'], ['email', 'a@b.cn'], ['role', 'owner']]), Schema, 'en')
	expect(extra).toMatchObject({ ok: false, errors: { role: ['The form contains an unknown field: role'] } })
	const missing = parseFormData(form([['name', 'a']]), Schema, 'en')
	expect(missing).toMatchObject({ ok: false, errors: { email: ['This field is required'] } })
	const duplicate = parseFormData(form([['name', 'a'], ['name', 'b'], ['email', 'a@b.cn']]), Schema, 'en')
	expect(duplicate.ok).toBe(false)
})

test('a file where text is expected is refused', () => {
	const fd = form([['email', 'a@b.cn']])
	fd.append('name', new Blob(['x']), 'x.txt')
	expect(parseFormData(fd, Schema, 'en')).toMatchObject({ ok: false, errors: { name: ['Invalid format'] } })
})
