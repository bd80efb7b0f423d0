import type { SchemeInput } from '../scheme-schema.ts'

// Annex 1 prints each indicator's 评价细则 as one cell of numbered requirements; the guidance
// shows that cell as printed, the checks list the same requirements one by one.
function criteria(subs: string[], extra?: string): string {
	const cell = subs.map((text, i) => `${i + 1}) ${text}`).join('；') + '。'
	return extra ? `${cell}\n${extra}` : cell
}

function numbered(subs: string[]) {
	return subs.map((text, i) => ({ n: i + 1, text }))
}

const optionalReason =
	'可选择理由：可根据商品性质，选择相关服务内容（附件一 2.2：删减仅限于 GB/T 27922-2011 5.2 中根据实际商品性质而不涉及的项目）。'

const organisation = ['具有法人资格或独立实体', '具有售后服务管理架构，且职责明确']
const staffing = [
	'人员素质要求：有专门的售后服务队伍，人员比例占总人数的 3%，大专以上学历，2 年以上售后服务经验，能满足商品服务中技术支持、配送、维修等相关要求',
	'至少有售后服务管理师 2 名',
]
const resources = [
	'有固定的服务场所',
	'配置满足商品服务项目要求的维修设备和工具、配送设备、质量保证设施等',
	'配置服务过程所使用的监视和测量资源（维修检测设备）',
	'配置服务信息交流工具，如专用服务电话等',
	'配置良好的服务环境，如接待室',
	'提供专业技术培训计划及实施培训',
	'提供充足的服务专项经费，如赔偿保证金、保险等',
]
const standards = [
	'建立文件化服务管理体系，明确售后服务产品、流程、职能设置、分工、所执行的制度等',
	'识别所适用的法律法规，并对其适用性进行评价，识别出适用条款',
	'制定《商品售后服务规范》，并有效实施',
]
const supervision = [
	'建立售后服务监督机制，由专职人员负责（由售后服务管理师承担）',
	'实施内部评价，每年至少进行一次内部评价',
	'将评价的结果作为改进输入，对服务体系的指标、流程、及制度等进行修订',
	'最高管理者需要对服务评价体系进行评审，每年至少进行一次管理评审，评审其服务文化、管理制度等适宜性和有效性',
]
const improvement = [
	'制定良好的质量反馈机制，确保生产、销售和服务等部门之间沟通顺畅，不断改进售后服务质量',
	'设立专门的部门或委托外部机构，对服务过程中难以解决的问题进行研究或咨询',
	'按国家服务标准化要求，规范和优化售后服务评价体系',
]
const culture = [
	'制定服务文化如方针、目标等，并进行内部和外部宣传',
	'制定服务承诺，并在广告、维修卡和销售合同中体现',
]
const productInformation = [
	'所销售的商品信息完整，包括产品功能、维修和保养要求、保修期限等',
	'有安全性要求的商品，需明确安全提示',
	'建立商品系统性缺陷信息公开机制，并且及时告知顾客',
]
const technicalSupport = [
	'及时提供安装和测试服务',
	'为顾客提供安装和使用指导',
	'在商品保质期内持续提供相关的服务',
	'服务收费需符合国家相关要求，如无国家规定的，航标时代有明确规定，且向顾客明示',
]
const delivery = ['商品包装等完好', '在规定的交付范围和时间内提供交付']
const repair = [
	'有专职部门和人员负责维修接待等',
	'所提供维修服务符合国家法律法规要求',
	'维修人员按《服务规范》要求提供维修服务',
	'对维修设备、设施等进行维护保养，确保正常运行',
	'确保维修过程中所使用的相关材料充足且质量可靠',
	'对维修期限较长的商品，需向顾客提供相应的代替品，如汽车维修',
	'因某种原因导致无法按要求提供维修服务的，需提前向顾客明确，并得到顾客认可，必要时，可提供相应赔偿',
]
const qualityAssurance = [
	'产品有明确的国家标准、行业标准或企业标准',
	'明示商品保质期等',
	'明确商品因质量问题退换货流程，并按要求提供退换货，如果退换货过程涉及收费的，需向顾客明示',
	'如果商品存在缺陷或出现难以解决的问题（如配件停止生产等），需实施召回或采取其他措施，确保问题已解决',
	'对于贸易型企业，需与生产厂家配合，完成以上所有质量保证工作',
]
const recycling = [
	'按国家相关法律法规要求，明确商品废弃后回收要求',
	'有环保要求的产品，对商品进行回收和处置',
]
const customerRelations = [
	'建立顾客服务热线，并设立预约、咨询、报修、投诉和防伪查询功能的反馈渠道',
	'提供在线服务功能',
	'建立顾客信息档案，对顾客实施跟踪回访',
	'对顾客财产、隐私等进行保护',
	'按 SB/T 10409 要求，对顾客满意度进行测量和分析，并用于改进服务评价体系',
	'定期为顾客提供有针对性的主动服务或回馈',
]
const complaints = [
	'设置专职部门和人员，处理顾客投诉',
	'制定投诉管理流程和制度，及时解决顾客投诉',
	'制定突发事件处理流程和制度，对服务失误等及时补救',
]

const allOrNothing = '任何 1 项不符合得 0 分'

export default {
	id: 'bac-fr01-2021',
	version: '1.0.0',
	title: '商品售后服务认证实施规则',
	titleEn: 'Implementation Rules for After-sales Service Certification of Goods',
	shortTitle: 'BAC-FR01-2021',
	issuer: {
		zh: '北京航标时代检测认证有限公司',
		en: 'Beijing Hangbiao Shidai Testing and Certification Co., Ltd.',
	},
	source: {
		document: '商品售后服务认证实施规则',
		code: 'BAC-FR01-2021',
		edition: '版本号 B/0，2019-12-30 批准，2025-06-25 第二次修订',
		seed: '003_534078ad3264fc23.txt',
	},
	purpose: {
		zh: '航标时代依据 GB/T 27922-2011《商品售后服务评价体系》实施商品售后服务认证的规则：认证程序（申请、认证模式、两阶段评价、认证决定、监督、再认证、暂停与撤销、证书）及附件一的 15 项评价指标评分细则。',
		en: 'The rules under which Hangbiao Shidai certifies after-sales service against GB/T 27922-2011: the certification process (application, modes, two-stage evaluation, decision, surveillance, recertification, suspension and withdrawal, certificates) and the scoring rules of Annex 1 for its 15 indicators.',
	},
	fullMarks: 100,
	passMark: 70,
	failAtSpecialDeductions: 5,
	answerMode: 'checks',
	specialItems: true,
	samplingWarning: false,
	exclusionsRule: {
		zh: '删减仅限于 GB/T 27922-2011 标准 5.2（商品服务）中根据实际商品性质而不涉及的项目：可删减 5.2 下的整项指标或其中单项细则要求，并须写明理由（附件一 2.2）。被删减的分值不计入涉及项总分值。',
		en: 'Exclusions are limited to items of GB/T 27922-2011 clause 5.2 (product services) that do not apply given the nature of the goods: a whole indicator under 5.2 or single sub-requirements of one, each with a written reason (Annex 1 §2.2). Excluded points leave the involved total.',
	},
	levels: [
		{ key: 'standard', name: '达标级', nameEn: 'Standard', min: 70, stars: 0 },
		{ key: 'star-3', name: '三星级', nameEn: 'Three-star', min: 80, stars: 3 },
		{ key: 'star-4', name: '四星级', nameEn: 'Four-star', min: 90, stars: 4 },
		{ key: 'star-5', name: '五星级', nameEn: 'Five-star', min: 95, stars: 5 },
	],
	cycle: {
		certificateValidityYears: 3,
		surveillance: {
			zh: '证书有效期内定期进行两次监督评价：初次认证后的第一次监督评价在认证决定之日起 12 个月内进行；此后至少每个日历年一次（应进行再认证的年份除外），且两次监督评价之间不超过 15 个月（第 5.1.4.2 条 3)、第 5.7.1 条）。获证组织发生重大变更或出现重大服务质量问题、顾客投诉时增加监督频次。监督评价分数达涉及项总分 70%（含）以上方可保持认证资格（第 5.7.3 条）。',
			en: 'Two surveillance evaluations during the certificate’s validity: the first within 12 months of the certification decision, then at least once every calendar year (except the recertification year), never more than 15 months apart (§5.1.4.2 3), §5.7.1). Major changes, serious quality problems or complaints call for more frequent surveillance. Certification is maintained only with a surveillance score of at least 70 % of the involved marks (§5.7.3).',
		},
		surveillanceIntervalMonths: 12,
		recertification: {
			zh: '认证证书有效期满前，根据获证组织的申请实施再认证；评价模式依据第 5.2.2.3 条选择，可沿用初次认证的模式组合或予以简化；正常情况下不进行第一阶段评价。再认证证书有效期不超过最近一次有效证书截止期再加 3 年（第 5.8 条、第 6.1 条）。',
			en: 'Before the certificate expires, recertification is carried out on the certified organisation’s application; the mode is chosen per §5.2.2.3 (the initial combination or a simplified one); normally without a stage 1 evaluation. The new certificate runs at most 3 years beyond the expiry of the last valid one (§5.8, §6.1).',
		},
		suspensionMaxMonths: 6,
		modes: [
			{ key: 'A', zh: '公开的服务特性检验', en: 'Open inspection of service characteristics' },
			{
				key: 'B',
				zh: '神秘顾客（暗访）的服务特性检验',
				en: 'Mystery-shopper inspection of service characteristics',
			},
			{ key: 'C', zh: '公开的服务特性检测', en: 'Open measurement of service characteristics' },
			{
				key: 'D',
				zh: '神秘顾客（暗访）的服务特性检测',
				en: 'Mystery-shopper measurement of service characteristics',
			},
			{ key: 'E', zh: '顾客调查', en: 'Customer survey' },
			{ key: 'F', zh: '服务足迹测评', en: 'Service footprint assessment' },
			{
				key: 'G',
				zh: '服务能力确认或验证',
				en: 'Validation or verification of service capability',
			},
			{ key: 'H', zh: '服务设计审核', en: 'Service design audit' },
			{ key: 'I', zh: '服务管理审核', en: 'Service management audit' },
		],
	},
	notes: [
		{
			decision: 1,
			appliesTo: [],
			zh: '附件一第 3.3 条把 80 分档写作“五星级”，与 95 分档重名，系笔误。本门户按 GB/T 27922 读作三星级：70 分以下不合格；70（含）至 80 分达标级；80（含）至 90 分三星级；90（含）至 95 分四星级；95 分（含）以上五星级。',
			en: 'Annex 1 §3.3 names the 80-point band “五星级” (five-star), the same as the 95-point band: a typo. The portal reads it as three-star, as in GB/T 27922: below 70 fail; [70, 80) Standard; [80, 90) Three-star; [90, 95) Four-star; 95 and above Five-star.',
		},
		{
			decision: 5,
			appliesTo: [],
			zh: '计算顺序：实际得分 → 涉及项总分值 → 评分 = 实际得分 ÷ 涉及项总分值 × 100 → 每个特别扣分项减 1 分 → 特别加分项加 1 分（至多 1 个）→ 四舍五入保留两位小数（恰为一半时向上进位）。级别按舍入后的分数确定；分数不封顶，也不设下限。每个特别扣分项须写明情况和整改措施，加分项须写明理由。',
			en: 'Order of operations: earned → involved marks → normalised = earned ÷ involved × 100 → minus 1 per special deduction → plus 1 for the special bonus (at most one) → rounded to 2 decimals, halves going up. The level is read from the rounded score, which is neither capped at 100 nor floored at 0. Each deduction needs a description and a corrective action; the bonus needs a justification.',
		},
		{
			decision: 6,
			appliesTo: [],
			zh: '评分低于 70 分，或特别扣分项达到 5 个以上（含 5 个），无论得分多少，均为评价不合格（附件一第 3.2 条、第 5.4.2.5 条）。',
			en: 'The assessment fails with a score below 70, or with 5 or more special deductions whatever the score (Annex 1 §3.2, §5.4.2.5).',
		},
		{
			decision: 7,
			appliesTo: ['5.2'],
			zh: '删减须写明理由，理由在每份报告中列出。全部删减（涉及项总分值为 0）是错误的输入，不产生评分。',
			en: 'Every exclusion needs a written reason, shown in every report. Excluding everything (involved marks 0) is an error, not a score.',
		},
		{
			decision: 11,
			appliesTo: ['5.1.1', '5.1.2', '5.1.3', '5.1.4', '5.1.5', '5.1.6', '5.1.7'],
			zh: '“任何 1 项不符合得 0 分”：全部细则要求符合得满分，否则得 0 分。',
			en: '“Any one requirement not met scores 0”: full points when every sub-requirement is met, otherwise 0.',
		},
		{
			decision: 11,
			appliesTo: ['5.2.1', '5.2.3', '5.2.6'],
			zh: '“每项 X 分”：每符合一项得该项分值（5.2.1 商品信息 3 × 2 分，5.2.3 配送 2 × 2 分，5.2.6 废弃商品回收 2 × 1 分）。标为不适用的细则要求从涉及项总分值中扣除。',
			en: '“X points each”: points for each sub-requirement met (5.2.1 product information 3 × 2, 5.2.3 delivery 2 × 2, 5.2.6 recycling 2 × 1). A sub-requirement marked not applicable leaves the involved total.',
		},
		{
			decision: 11,
			appliesTo: ['5.2.2', '5.2.4', '5.2.5', '5.3.1'],
			zh: '“每项 2 分（5.3.1 为 3 分），扣完为止”：得分 = max(0, 分值 − 每项分值 × 不符合项数)。标为不适用的细则要求既不算符合也不算不符合。',
			en: '“2 points each (3 for 5.3.1), down to zero”: max(0, points − points each × unmet). A sub-requirement marked not applicable counts as neither met nor unmet.',
		},
		{
			decision: 11,
			appliesTo: ['5.3.2'],
			zh: '“每项 3 分”，共三项、满分 10 分：每符合一项得 3 分，三项全部符合得满分 10 分（0 / 3 / 6 / 10）。',
			en: '“3 points each” over three sub-requirements worth 10: 3 per sub-requirement met, the full 10 when all three are met (0 / 3 / 6 / 10).',
		},
		{
			decision: 11,
			appliesTo: ['5.2.1', '5.2.2', '5.2.3', '5.2.4', '5.2.5', '5.2.6'],
			zh: '细则要求全部标为不适用的指标，按整项删减处理，从涉及项总分值中扣除。',
			en: 'An indicator whose sub-requirements are all marked not applicable is excluded as a whole: it leaves the involved total.',
		},
		{
			decision: 13,
			appliesTo: [],
			zh: '认证周期：证书有效期 3 年；第一次监督评价在认证决定之日起 12 个月内，此后每个日历年至少一次，两次监督之间不超过 15 个月（第 5.7.1 条）；有效期满前再认证；暂停期不超过 6 个月；初次认证和再认证的模式组合按第 5.2.2.3 条选择；参加评价的人员不得对同一项目作出认证决定（第 5.5.1.1 条）。',
			en: 'Certification cycle: certificate valid 3 years; first surveillance within 12 months of the decision, then every calendar year, never more than 15 months apart (§5.7.1); recertification before expiry; suspension at most 6 months; the mode combination for initial certification and recertification per §5.2.2.3; an assessor may not take the certification decision on the same file (§5.5.1.1).',
		},
		{
			decision: 14,
			appliesTo: [],
			zh: '证书编号（第 6.2.2 条）：机构批准号 年份号 认证领域代码 顺序号（4 位） R 类别号[-子证书号]，如“307 19 XXXX 0001 R0-1”。R0 为初次认证，R1 为第一次再认证，以此类推；撤销后的编号不再使用。各认证机构配置自己的批准号和领域代码。',
			en: 'Certificate number (§6.2.2): approval no., two-digit year, field code, four-digit sequence and R{n}, with “-{site}” for a sub-certificate, e.g. “307 19 XXXX 0001 R0-1”. R0 is the initial certification, R1 the first recertification; a withdrawn number is never reused. Each certification body configures its own approval number and field code.',
		},
	],
	sections: [
		{
			id: '5.1',
			title: '售后服务体系',
			titleEn: 'After-sales service system',
			points: 40,
			children: [
				{
					type: 'indicator',
					id: '5.1.1',
					title: '组织架构',
					titleEn: 'Organisational structure',
					text: '售后服务体系 · 组织架构，分值 4 分（附件一第 4 条评分细则）。',
					guidance: criteria(organisation),
					scoringRule: allOrNothing,
					points: 4,
					excludable: false,
					subRequirements: numbered(organisation),
					subRequirementsExcludable: false,
					rule: { kind: 'all-or-nothing' },
				},
				{
					type: 'indicator',
					id: '5.1.2',
					title: '人员配置',
					titleEn: 'Staffing',
					text: '售后服务体系 · 人员配置，分值 6 分（附件一第 4 条评分细则）。',
					guidance: criteria(staffing),
					scoringRule: allOrNothing,
					points: 6,
					excludable: false,
					subRequirements: numbered(staffing),
					subRequirementsExcludable: false,
					rule: { kind: 'all-or-nothing' },
				},
				{
					type: 'indicator',
					id: '5.1.3',
					title: '资源配置',
					titleEn: 'Resources',
					text: '售后服务体系 · 资源配置，分值 6 分（附件一第 4 条评分细则）。',
					guidance: criteria(resources),
					scoringRule: allOrNothing,
					points: 6,
					excludable: false,
					subRequirements: numbered(resources),
					subRequirementsExcludable: false,
					rule: { kind: 'all-or-nothing' },
				},
				{
					type: 'indicator',
					id: '5.1.4',
					title: '规范要求',
					titleEn: 'Documented requirements',
					text: '售后服务体系 · 规范要求，分值 6 分（附件一第 4 条评分细则）。',
					guidance: criteria(standards),
					scoringRule: allOrNothing,
					points: 6,
					excludable: false,
					subRequirements: numbered(standards),
					subRequirementsExcludable: false,
					rule: { kind: 'all-or-nothing' },
				},
				{
					type: 'indicator',
					id: '5.1.5',
					title: '监督',
					titleEn: 'Supervision',
					text: '售后服务体系 · 监督，分值 7 分（附件一第 4 条评分细则）。',
					guidance: criteria(supervision),
					scoringRule: allOrNothing,
					points: 7,
					excludable: false,
					subRequirements: numbered(supervision),
					subRequirementsExcludable: false,
					rule: { kind: 'all-or-nothing' },
				},
				{
					type: 'indicator',
					id: '5.1.6',
					title: '改进',
					titleEn: 'Improvement',
					text: '售后服务体系 · 改进，分值 5 分（附件一第 4 条评分细则）。',
					guidance: criteria(improvement),
					scoringRule: allOrNothing,
					points: 5,
					excludable: false,
					subRequirements: numbered(improvement),
					subRequirementsExcludable: false,
					rule: { kind: 'all-or-nothing' },
				},
				{
					type: 'indicator',
					id: '5.1.7',
					title: '服务文化',
					titleEn: 'Service culture',
					text: '售后服务体系 · 服务文化，分值 6 分（附件一第 4 条评分细则）。',
					guidance: criteria(culture),
					scoringRule: allOrNothing,
					points: 6,
					excludable: false,
					subRequirements: numbered(culture),
					subRequirementsExcludable: false,
					rule: { kind: 'all-or-nothing' },
				},
			],
		},
		{
			id: '5.2',
			title: '商品服务',
			titleEn: 'Product services',
			points: 35,
			text: '可根据商品性质，选择相关服务内容。',
			children: [
				{
					type: 'indicator',
					id: '5.2.1',
					title: '商品信息',
					titleEn: 'Product information',
					text: '商品服务 · 商品信息，分值 6 分（附件一第 4 条评分细则）。',
					guidance: criteria(productInformation, optionalReason),
					scoringRule: '每项 2 分',
					points: 6,
					excludable: true,
					subRequirements: numbered(productInformation),
					subRequirementsExcludable: true,
					rule: { kind: 'per-met', pointsEach: 2 },
				},
				{
					type: 'indicator',
					id: '5.2.2',
					title: '技术支持',
					titleEn: 'Technical support',
					text: '商品服务 · 技术支持，分值 6 分（附件一第 4 条评分细则）。',
					guidance: criteria(
						technicalSupport,
						`注：第 4) 项原文“航标时代有明确规定”，按 GB/T 27922-2011 5.2.2.4 理解为受评价组织对收费有明确规定。\n${optionalReason}`,
					),
					scoringRule: '每项 2 分，扣完为止',
					points: 6,
					excludable: true,
					subRequirements: numbered(technicalSupport),
					subRequirementsExcludable: true,
					rule: { kind: 'deduct-per-unmet', pointsEach: 2 },
				},
				{
					type: 'indicator',
					id: '5.2.3',
					title: '配送',
					titleEn: 'Delivery',
					text: '商品服务 · 配送，分值 4 分（附件一第 4 条评分细则）。',
					guidance: criteria(delivery, optionalReason),
					scoringRule: '每项 2 分',
					points: 4,
					excludable: true,
					subRequirements: numbered(delivery),
					subRequirementsExcludable: true,
					rule: { kind: 'per-met', pointsEach: 2 },
				},
				{
					type: 'indicator',
					id: '5.2.4',
					title: '维修',
					titleEn: 'Repair',
					text: '商品服务 · 维修，分值 10 分（附件一第 4 条评分细则）。',
					guidance: criteria(repair, optionalReason),
					scoringRule: '每项 2 分，扣完为止',
					points: 10,
					excludable: true,
					subRequirements: numbered(repair),
					subRequirementsExcludable: true,
					rule: { kind: 'deduct-per-unmet', pointsEach: 2 },
				},
				{
					type: 'indicator',
					id: '5.2.5',
					title: '质量保证',
					titleEn: 'Quality assurance',
					text: '商品服务 · 质量保证，分值 7 分（附件一第 4 条评分细则）。',
					guidance: criteria(qualityAssurance, optionalReason),
					scoringRule: '每项 2 分，扣完为止',
					points: 7,
					excludable: true,
					subRequirements: numbered(qualityAssurance),
					subRequirementsExcludable: true,
					rule: { kind: 'deduct-per-unmet', pointsEach: 2 },
				},
				{
					type: 'indicator',
					id: '5.2.6',
					title: '废弃商品回收',
					titleEn: 'Recycling of discarded products',
					text: '商品服务 · 废弃商品回收，分值 2 分（附件一第 4 条评分细则）。',
					guidance: criteria(recycling, optionalReason),
					scoringRule: '每项 1 分',
					points: 2,
					excludable: true,
					subRequirements: numbered(recycling),
					subRequirementsExcludable: true,
					rule: { kind: 'per-met', pointsEach: 1 },
				},
			],
		},
		{
			id: '5.3',
			title: '顾客服务',
			titleEn: 'Customer service',
			points: 25,
			children: [
				{
					type: 'indicator',
					id: '5.3.1',
					title: '顾客关系',
					titleEn: 'Customer relations',
					text: '顾客服务 · 顾客关系，分值 15 分（附件一第 4 条评分细则）。',
					guidance: criteria(customerRelations),
					scoringRule: '每项 3 分，扣完为止',
					points: 15,
					excludable: false,
					subRequirements: numbered(customerRelations),
					subRequirementsExcludable: false,
					rule: { kind: 'deduct-per-unmet', pointsEach: 3 },
				},
				{
					type: 'indicator',
					id: '5.3.2',
					title: '投诉处理',
					titleEn: 'Complaint handling',
					text: '顾客服务 · 投诉处理，分值 10 分（附件一第 4 条评分细则）。',
					guidance: criteria(complaints),
					scoringRule: '每项 3 分',
					points: 10,
					excludable: false,
					subRequirements: numbered(complaints),
					subRequirementsExcludable: false,
					rule: { kind: 'per-met-full-when-all', pointsEach: 3 },
				},
			],
		},
	],
} satisfies SchemeInput
