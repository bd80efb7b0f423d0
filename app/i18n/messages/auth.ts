import { defineMessages } from '../define.ts'

export const auth = defineMessages(
	{
		'auth.field.name': '姓名',
		'auth.field.email': '邮箱',
		'auth.field.password': '密码',
		'auth.field.newPassword': '新密码',
		'auth.field.currentPassword': '当前密码',
		'auth.field.confirmPassword': '确认密码',
		'auth.field.locale': '界面语言',
		'auth.hint.password': '至少 10 个字符。可以使用一句好记的话。',
		'auth.email.invalid': '请输入有效的邮箱地址',
		'auth.email.taken': '该邮箱已注册，请直接登录或找回密码',
		'auth.password.tooShort': '密码至少需要 10 个字符',
		'auth.password.mismatch': '两次输入的密码不一致',
		'auth.password.wrongCurrent': '当前密码不正确',
		'auth.rateLimited': '尝试次数过多，请在 {minutes} 分钟后再试。',
		'auth.locale.zh-CN': '简体中文',
		'auth.locale.en': 'English',

		'auth.signup.title': '注册账号',
		'auth.signup.description': '创建账号后即可建立企业工作区，按认证方案开展售后服务自评。',
		'auth.signup.submit': '注册',
		'auth.signup.haveAccount': '已有账号？',
		'auth.signup.loginLink': '登录',

		'auth.login.title': '登录',
		'auth.login.description': '使用注册邮箱和密码登录。',
		'auth.login.submit': '登录',
		'auth.login.invalid': '邮箱或密码不正确',
		'auth.login.forgot': '忘记密码？',
		'auth.login.noAccount': '还没有账号？',
		'auth.login.signupLink': '免费注册',

		'auth.logout': '退出登录',

		'auth.verify.title': '验证邮箱',
		'auth.verify.verified': '您的邮箱已验证，感谢确认。',
		'auth.verify.invalid': '验证链接无效、已使用或已过期。',
		'auth.verify.pending':
			'我们已向 {email} 发送验证邮件，请点击邮件中的链接完成验证。链接 48 小时内有效。',
		'auth.verify.resend': '重新发送验证邮件',
		'auth.verify.resent': '验证邮件已重新发送，请查收。',
		'auth.verify.loginToResend': '登录后可以重新发送验证邮件。',
		'auth.verify.continue': '进入工作区',
		'auth.verify.login': '去登录',
		'auth.verify.banner': '您的邮箱尚未验证。',

		'auth.forgot.title': '找回密码',
		'auth.forgot.description': '输入注册邮箱，我们会发送一个重置密码的链接，1 小时内有效。',
		'auth.forgot.submit': '发送重置链接',
		'auth.forgot.sent':
			'如果 {email} 已注册，我们已发送重置密码的链接。请查收邮件（也请检查垃圾邮件）。',
		'auth.forgot.back': '返回登录',

		'auth.reset.title': '设置新密码',
		'auth.reset.description': '设置新密码后，所有设备上的登录都会失效，您将在此处重新登录。',
		'auth.reset.submit': '保存新密码',
		'auth.reset.invalid': '重置链接无效、已使用或已过期，请重新申请。',
		'auth.reset.again': '重新申请重置链接',

		'account.title': '账号设置',
		'account.profile.title': '个人资料',
		'account.profile.saved': '个人资料已保存。',
		'account.emailVerified': '已验证',
		'account.emailUnverified': '未验证',
		'account.password.title': '修改密码',
		'account.password.description': '修改后，其他设备上的登录将全部退出，当前设备保持登录。',
		'account.password.submit': '修改密码',
		'account.password.changed': '密码已修改，其他设备上的登录已退出。',
		'account.back': '返回工作区',

		'outbox.title': '开发邮件发件箱',
		'outbox.description':
			'未配置 RESEND_API_KEY 时，门户发送的邮件保存在这里（最新的在前）。仅开发环境可用。',
		'outbox.empty': '还没有邮件。',
		'outbox.to': '收件人',
		'outbox.subject': '主题',
		'outbox.sentAt': '时间',
		'outbox.status': '状态',
		'outbox.links': '邮件中的链接',
	},
	{
		'auth.field.name': 'Name',
		'auth.field.email': 'Email',
		'auth.field.password': 'Password',
		'auth.field.newPassword': 'New password',
		'auth.field.currentPassword': 'Current password',
		'auth.field.confirmPassword': 'Confirm password',
		'auth.field.locale': 'Interface language',
		'auth.hint.password': 'At least 10 characters. A memorable sentence works well.',
		'auth.email.invalid': 'Enter a valid email address',
		'auth.email.taken': 'This email is already registered. Log in or reset your password.',
		'auth.password.tooShort': 'The password needs at least 10 characters',
		'auth.password.mismatch': 'The passwords do not match',
		'auth.password.wrongCurrent': 'The current password is not correct',
		'auth.rateLimited': 'Too many attempts. Please try again in {minutes} minutes.',
		'auth.locale.zh-CN': '简体中文',
		'auth.locale.en': 'English',

		'auth.signup.title': 'Create an account',
		'auth.signup.description':
			'With an account you can set up your company workspace and run an after-sales service self-assessment.',
		'auth.signup.submit': 'Sign up',
		'auth.signup.haveAccount': 'Already have an account?',
		'auth.signup.loginLink': 'Log in',

		'auth.login.title': 'Log in',
		'auth.login.description': 'Use the email and password you registered with.',
		'auth.login.submit': 'Log in',
		'auth.login.invalid': 'The email or password is not correct',
		'auth.login.forgot': 'Forgot your password?',
		'auth.login.noAccount': 'No account yet?',
		'auth.login.signupLink': 'Sign up free',

		'auth.logout': 'Log out',

		'auth.verify.title': 'Verify your email',
		'auth.verify.verified': 'Your email address is verified. Thank you.',
		'auth.verify.invalid': 'This verification link is invalid, already used or expired.',
		'auth.verify.pending':
			'We sent a verification email to {email}. Click the link in it to finish. The link is valid for 48 hours.',
		'auth.verify.resend': 'Send the verification email again',
		'auth.verify.resent': 'We sent the verification email again. Please check your inbox.',
		'auth.verify.loginToResend': 'Log in to send the verification email again.',
		'auth.verify.continue': 'Go to workspaces',
		'auth.verify.login': 'Log in',
		'auth.verify.banner': 'Your email address is not verified yet.',

		'auth.forgot.title': 'Reset your password',
		'auth.forgot.description':
			'Enter the email you registered with and we will send a link to reset your password, valid for 1 hour.',
		'auth.forgot.submit': 'Send reset link',
		'auth.forgot.sent':
			'If {email} is registered, we sent a link to reset the password. Please check your inbox (and the spam folder).',
		'auth.forgot.back': 'Back to log in',

		'auth.reset.title': 'Set a new password',
		'auth.reset.description':
			'Setting a new password signs you out on every device; you will be signed in again here.',
		'auth.reset.submit': 'Save new password',
		'auth.reset.invalid':
			'This reset link is invalid, already used or expired. Please request a new one.',
		'auth.reset.again': 'Request a new reset link',

		'account.title': 'Account settings',
		'account.profile.title': 'Profile',
		'account.profile.saved': 'Your profile is saved.',
		'account.emailVerified': 'Verified',
		'account.emailUnverified': 'Not verified',
		'account.password.title': 'Change password',
		'account.password.description':
			'After the change you are signed out on every other device; this one stays signed in.',
		'account.password.submit': 'Change password',
		'account.password.changed': 'Password changed. Other devices have been signed out.',
		'account.back': 'Back to workspaces',

		'outbox.title': 'Development email outbox',
		'outbox.description':
			'Without RESEND_API_KEY, emails the portal sends are kept here (newest first). Development only.',
		'outbox.empty': 'No emails yet.',
		'outbox.to': 'To',
		'outbox.subject': 'Subject',
		'outbox.sentAt': 'Time',
		'outbox.status': 'Status',
		'outbox.links': 'Links in the email',
	},
)
