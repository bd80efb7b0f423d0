import type { SchemeInput } from '../scheme-schema.ts'

type IndicatorInput = Extract<
	SchemeInput['sections'][number]['children'][number],
	{ type: 'indicator' }
>

// §6.2.2 does not say which indicators are qualitative, quantitative or sampled, so every
// indicator carries the whole rule and no assessmentType (see the decision 8 notes).
const scoringRule = [
	'6.2.2 评分依据为评价过程中验证的指标实施情况，按以下规则扣分：',
	'定性指标：完全符合要求得满分，部分符合要求按符合程度按比例扣分，完全不符合要求得 0 分；',
	'定量指标：达到规定要求得满分，未达到要求的按实际完成比例扣分；',
	'需抽样验证的指标（如人员培训记录、投诉处理案例等），抽样样本应具有代表性（抽样数量不少于总样本的 2/3 或覆盖全部服务网点），按样本不符合比例扣分。',
].join('\n')

function item(id: string, text: string, titleEn: string, points: number): IndicatorInput {
	return {
		type: 'indicator',
		id,
		title: text,
		titleEn,
		text,
		scoringRule,
		points,
		excludable: true,
		sampling: true,
	}
}

export default {
	id: 'xbht-s04-2025',
	version: '1.0.0',
	title: '商品售后服务成熟度评价技术规范',
	titleEn:
		'Technical specification for the maturity evaluation of after-sales service of commodities',
	shortTitle: 'CTS XBHT-S04-2025',
	issuer: {
		zh: '北京新标恒通认证有限公司',
		en: 'Beijing Xinbiao Hengtong Certification Co., Ltd.',
	},
	source: {
		document: '商品售后服务成熟度评价技术规范',
		code: 'CTS XBHT-S04-2025',
		edition: '2025-08-01 发布、实施，2025 年 12 月 4 日修改',
		seed: '002_d0feb01be6b147e1.txt',
	},
	purpose: {
		zh: '规定商品售后服务成熟度评价的基本原则、核心指标、评价方法及 5 星分级要求，适用于组织自我评估和第三方认证机构等外部机构的客观评价。',
		en: 'Sets the principles, core indicators, method and five-star rating for evaluating the maturity of after-sales service, for self-assessment by organisations and for evaluation by certification bodies and other third parties.',
	},
	fullMarks: 100,
	passMark: 60,
	failAtSpecialDeductions: null,
	answerMode: 'fraction',
	specialItems: false,
	samplingWarning: true,
	exclusionsRule: {
		zh: '任何末级指标（§6.1.4、§6.2.3）：因商品类别或组织特性导致指标不适用的，经评价小组确认后可删减，须在报告中说明理由；其分值不计入“涉及项总分值”。',
		en: 'Any leaf indicator (§6.1.4, §6.2.3): an indicator that does not apply because of the product category or the organisation may be excluded once the evaluation team confirms it, with the reason stated in the report; its points leave the involved total.',
	},
	levels: [
		{ key: 'star-1', name: '★', nameEn: '1 star', min: 60, stars: 1 },
		{ key: 'star-2', name: '★★', nameEn: '2 stars', min: 70, stars: 2 },
		{ key: 'star-3', name: '★★★', nameEn: '3 stars', min: 75, stars: 3 },
		{ key: 'star-4', name: '★★★★', nameEn: '4 stars', min: 80, stars: 4 },
		{ key: 'star-5', name: '★★★★★', nameEn: '5 stars', min: 90, stars: 5 },
	],
	cycle: {
		certificateValidityYears: 3,
		surveillance: {
			zh: '自发证之日起每 12 个月内，获证组织必须进行监督审核并经审核合格后，初审证书与保持认证资格通知书一并使用方继续有效（§7.2.3）；第三方评价机构建立年度监督评价机制，重点核查星级水平的保持情况（§7.2.2）。',
			en: 'Within every 12 months from the certificate date the certified organisation must pass a surveillance audit; the initial certificate stays valid only together with the notice of maintained certification (§7.2.3). The evaluation body runs a yearly surveillance evaluation that checks the star level is maintained (§7.2.2).',
		},
		surveillanceIntervalMonths: 12,
		recertification: {
			zh: '星级等级有效期为 3 年，有效期届满前组织应重新申请评价；逾期未申请的，原星级等级自动失效（§7.2.3；§4.5 每三年进行一次重新评价）。',
			en: 'A star level is valid for 3 years; the organisation applies for a new evaluation before it expires, otherwise the level lapses automatically (§7.2.3; §4.5: re-evaluation every three years).',
		},
		suspensionMaxMonths: 6,
	},
	notes: [
		{
			decision: 7,
			appliesTo: [],
			zh: '删减（§6.1.4、§6.2.3）须写明理由，理由显示在每份报告中。被删减指标的分值不计入涉及项总分值，最终得分 = 实际得分 ÷ 涉及项总分值 × 100。全部指标均删减（涉及项总分值为 0）属于错误输入，不给出得分。',
			en: 'An exclusion (§6.1.4, §6.2.3) needs a written reason, shown in every report. Excluded points leave the involved total and the score is earned ÷ involved × 100. Excluding every indicator (involved total 0) is an error, not a score.',
		},
		{
			decision: 8,
			appliesTo: [],
			zh: '抽样指标（§6.2.2）记录抽样数量与不符合数量，得分比例 = 1 − 不符合数 ÷ 抽样数。同时记录总样本数：抽样数少于 ⌈2/3 × 总样本数⌉ 时给出提示（不拒绝评分），除非样本覆盖全部服务网点（标准允许的替代条件）。',
			en: 'A sampled indicator (§6.2.2) records the checked and nonconforming counts; its share is 1 − nonconforming ÷ checked. The population is recorded too: the portal warns (but still scores) when fewer than ⌈2/3 × population⌉ were checked, unless the sample covers every service site, the alternative the standard allows.',
		},
		{
			decision: 8,
			appliesTo: [],
			zh: '§6.2.2 区分定性、定量和需抽样验证的指标，但未逐项指明各指标属于哪一类（仅举例“人员培训记录、投诉处理案例”为抽样指标）。因此本门户不预设指标类型：每项指标均可按符合比例（0–1）作答，也可按抽样数量作答，评分规则见各指标。',
			en: '§6.2.2 distinguishes qualitative, quantitative and sampled indicators but does not say which indicator is which (it only gives staff training records and complaint cases as examples of sampling). The portal therefore presets no type: every indicator may be answered as a share from 0 to 1 or with sample counts, under the rule shown with it.',
		},
		{
			decision: 6,
			appliesTo: [],
			zh: '合格线为 60 分（§6.3.2）：最终得分 < 60 分为不合格。本规范没有特别扣分项和特别加分项。',
			en: 'The pass mark is 60 (§6.3.2): a score below 60 fails. This scheme has no special deductions or bonus.',
		},
		{
			decision: 5,
			appliesTo: [],
			zh: '得分四舍五入保留两位小数（逢 5 进位，例如 84.705 → 84.71），星级按修约后的得分判定，例如 59.995 修约为 60.00，评为一星级。',
			en: 'The score is rounded to 2 decimals with halves going up (84.705 → 84.71) and the level is read from the rounded score, so 59.995 rounds to 60.00 and rates one star.',
		},
		{
			decision: 10,
			appliesTo: [],
			zh: '星级按 §6.3.3 判定：< 60 不合格；60 ≤ 得分 < 70 ★；70 ≤ 得分 < 75 ★★；75 ≤ 得分 < 80 ★★★；80 ≤ 得分 < 90 ★★★★；得分 ≥ 90 ★★★★★。§6.2.4 表 1 的区间在边界处重叠（0%–60%、61%–70%、70%–75% …），仅作评分参考。',
			en: 'Levels follow §6.3.3: below 60 fail; [60, 70) 1 star; [70, 75) 2 stars; [75, 80) 3 stars; [80, 90) 4 stars; 90 and above 5 stars. The bands of the §6.2.4 table overlap at their edges (0–60 %, 61–70 %, 70–75 % …) and are guidance only.',
		},
		{
			decision: 13,
			appliesTo: [],
			zh: '证书（星级等级）有效期 3 年；自发证之日起每 12 个月内须通过监督审核（§7.2.3）；有效期届满前重新申请评价。本规范未规定暂停期限，按统一规则暂停最长 6 个月；评价人员不得对同一评价作出认证决定。',
			en: 'The certificate (star level) is valid for 3 years; a surveillance audit must be passed within every 12 months from the certificate date (§7.2.3); a new evaluation is applied for before expiry. The standard sets no suspension term, so the common rule applies: suspension lasts at most 6 months. An assessor may not take the certification decision on the same file.',
		},
	],
	sections: [
		{
			id: '5.1',
			title: '售后服务体系',
			titleEn: 'After-sales service system',
			points: 35,
			text: '作为售后服务开展的基础保障，权重占比 35%，涵盖组织架构、人员配置、资源配置、规范要求、监督、改进、服务文化 7 个中类指标。',
			children: [
				{
					type: 'group',
					id: '5.1.1',
					title: '组织架构',
					titleEn: 'Organisation structure',
					points: 5,
					children: [
						item(
							'5.1.1.1',
							'法定资质与收费标准明示齐全规范',
							'Legal qualifications and fee standards fully and properly displayed',
							1,
						),
						item(
							'5.1.1.2',
							'企业标识与服务标志设置合规醒目',
							'Company and service signs compliant and conspicuous',
							1,
						),
						item(
							'5.1.1.3',
							'售后服务部门设立明确、岗位职责清晰',
							'After-sales department clearly established, job duties clear',
							1,
						),
						item(
							'5.1.1.4',
							'服务网点覆盖合理、管理有效',
							'Service sites reasonably spread and effectively managed',
							1,
						),
						item(
							'5.1.1.5',
							'服务网点设立方式合规、不适用情况说明充分',
							'Service sites set up compliantly; non-applicability fully explained',
							1,
						),
					],
				},
				{
					type: 'group',
					id: '5.1.2',
					title: '人员配置',
					titleEn: 'Staffing',
					points: 6,
					children: [
						item(
							'5.1.2.1',
							'服务人员资质与数量满足业务需求',
							'Service staff qualifications and numbers meet business needs',
							1,
						),
						item(
							'5.1.2.2',
							'售后服务管理师占比不低于 10%',
							'At least 10 % of staff are after-sales service management professionals',
							1.5,
						),
						item(
							'5.1.2.3',
							'从业人员职业道德与素养达标',
							'Staff ethics and conduct up to standard',
							1,
						),
						item(
							'5.1.2.4',
							'职业形象符合行业或企业要求',
							'Professional appearance meets industry or company requirements',
							0.5,
						),
						item(
							'5.1.2.5',
							'特殊行业从业人员健康管理规范',
							'Proper health management of staff in special industries',
							0.5,
						),
						item(
							'5.1.2.6',
							'培训体系完善、培训与考核记录完整',
							'Complete training system with full training and assessment records',
							1,
						),
						item(
							'5.1.2.7',
							'继续教育制度落实到位、档案齐全',
							'Continuing-education rules in force, files complete',
							0.5,
						),
					],
				},
				{
					type: 'group',
					id: '5.1.3',
					title: '资源配置',
					titleEn: 'Resources',
					points: 6,
					children: [
						item(
							'5.1.3.1',
							'售后服务专项经费充足、使用规范',
							'Sufficient dedicated after-sales budget, properly used',
							3.5,
						),
						item(
							'5.1.3.2',
							'基础设施完备、维护保养到位',
							'Complete infrastructure, properly maintained',
							2.5,
						),
					],
				},
				{
					type: 'group',
					id: '5.1.4',
					title: '规范要求',
					titleEn: 'Rules and standards',
					points: 6,
					children: [
						item(
							'5.1.4.1',
							'售后服务管理制度健全、手册完整公示',
							'Sound after-sales management rules; complete manual, publicly displayed',
							2.5,
						),
						item(
							'5.1.4.2',
							'规范制定符合法律法规、从业人员知晓',
							'Rules comply with laws and regulations and are known to staff',
							1,
						),
						item(
							'5.1.4.3',
							'文件与记录管理规范、可追溯',
							'Documents and records properly managed and traceable',
							2.5,
						),
					],
				},
				{
					type: 'group',
					id: '5.1.5',
					title: '监督',
					titleEn: 'Supervision',
					points: 3,
					children: [
						item(
							'5.1.5.1',
							'监督机构或专职人员设置到位',
							'Supervisory body or dedicated staff in place',
							1,
						),
						item(
							'5.1.5.2',
							'奖惩机制完善、监督评价有效',
							'Sound rewards and penalties; effective supervision and evaluation',
							2,
						),
					],
				},
				{
					type: 'group',
					id: '5.1.6',
					title: '改进',
					titleEn: 'Improvement',
					points: 4,
					children: [
						item(
							'5.1.6.1',
							'跨部门信息反馈机制畅通、改进有效',
							'Cross-department feedback flows; effective improvement',
							1.5,
						),
						item(
							'5.1.6.2',
							'复杂问题攻关与咨询机制健全',
							'Sound mechanism for tackling complex problems and for consultation',
							1,
						),
						item(
							'5.1.6.3',
							'通过国家认可的相关认证',
							'Relevant nationally accredited certification obtained',
							0.7,
						),
						item(
							'5.1.6.4',
							'积极参与服务标准化建设',
							'Active part in service standardisation',
							0.8,
						),
					],
				},
				{
					type: 'group',
					id: '5.1.7',
					title: '服务文化',
					titleEn: 'Service culture',
					points: 5,
					children: [
						item(
							'5.1.7.1',
							'服务理念清晰、从业人员认同',
							'Clear service philosophy shared by staff',
							1.5,
						),
						item(
							'5.1.7.2',
							'服务承诺统一规范、有效传递给顾客',
							'Uniform service commitments effectively communicated to customers',
							2,
						),
						item(
							'5.1.7.3',
							'服务文化宣传到位、品牌口碑良好',
							'Service culture promoted; good brand reputation',
							1.5,
						),
					],
				},
			],
		},
		{
			id: '5.2',
			title: '商品管理',
			titleEn: 'Goods management',
			points: 15,
			text: '作为售后服务质量的前置保障，权重占比 15%，涵盖商品采购、运输、贮存 3 个中类指标。',
			children: [
				{
					type: 'group',
					id: '5.2.1',
					title: '商品采购质量管理',
					titleEn: 'Purchasing quality management',
					points: 6,
					children: [
						item(
							'5.2.1.1',
							'供应商评价与管理体系健全、合同规范',
							'Sound supplier evaluation and management; proper contracts',
							3,
						),
						item(
							'5.2.1.2',
							'进货验收制度严格、证明文件齐全',
							'Strict incoming inspection; complete certificates',
							3,
						),
					],
				},
				{
					type: 'group',
					id: '5.2.2',
					title: '商品运输质量管理',
					titleEn: 'Transport quality management',
					points: 3,
					children: [
						item(
							'5.2.2.1',
							'运输质量控制文件与操作规程完备',
							'Complete transport quality-control documents and procedures',
							1.5,
						),
						item(
							'5.2.2.2',
							'运输工具防护到位、流程合规',
							'Vehicles protect the goods; compliant process',
							1.5,
						),
					],
				},
				{
					type: 'group',
					id: '5.2.3',
					title: '商品贮存质量管理',
					titleEn: 'Storage quality management',
					points: 6,
					children: [
						item(
							'5.2.3.1',
							'仓储管理制度完善、贮存条件适宜',
							'Sound warehousing rules; suitable storage conditions',
							3,
						),
						item(
							'5.2.3.2',
							'仓储检查与记录制度落实到位',
							'Warehouse inspections and records carried out',
							3,
						),
					],
				},
			],
		},
		{
			id: '5.3',
			title: '商品服务',
			titleEn: 'Product services',
			points: 25,
			text: '作为售后服务的核心实施环节，权重占比 25%，涵盖商品信息、技术支持、配送、维修、质量保证、废弃商品回收 6 个中类指标。',
			children: [
				{
					type: 'group',
					id: '5.3.1',
					title: '商品信息',
					titleEn: 'Product information',
					points: 4,
					children: [
						item(
							'5.3.1.1',
							'商品包装信息完整准确',
							'Complete and accurate packaging information',
							0.8,
						),
						item(
							'5.3.1.2',
							'商品附属文档规范易懂',
							'Accompanying documents proper and easy to understand',
							1.2,
						),
						item(
							'5.3.1.3',
							'保修与收费信息明示清晰',
							'Warranty and charges clearly displayed',
							0.8,
						),
						item(
							'5.3.1.4',
							'安全提示与使用年限明示规范',
							'Safety warnings and service life properly displayed',
							0.6,
						),
						item('5.3.1.5', '系统性缺陷信息公开及时', 'Systemic defects disclosed promptly', 0.6),
					],
				},
				{
					type: 'group',
					id: '5.3.2',
					title: '技术支持',
					titleEn: 'Technical support',
					points: 5,
					children: [
						item(
							'5.3.2.1',
							'安装调试服务及时专业',
							'Timely, professional installation and commissioning',
							1.5,
						),
						item('5.3.2.2', '使用指导与培训服务到位', 'Adequate usage guidance and training', 1.5),
						item(
							'5.3.2.3',
							'持续技术支持与保养服务合规',
							'Compliant continuing technical support and maintenance',
							1,
						),
						item(
							'5.3.2.4',
							'收费项目与标准明示规范',
							'Chargeable items and rates properly displayed',
							1,
						),
					],
				},
				{
					type: 'group',
					id: '5.3.3',
					title: '配送',
					titleEn: 'Delivery',
					points: 3,
					children: [
						item('5.3.3.1', '商品包装安全牢固', 'Safe, sturdy packaging', 1.5),
						item(
							'5.3.3.2',
							'配送承诺兑现及时、异常沟通到位',
							'Delivery promises kept on time; exceptions communicated',
							1.5,
						),
					],
				},
				{
					type: 'group',
					id: '5.3.4',
					title: '维修',
					titleEn: 'Repair',
					points: 6,
					children: [
						item(
							'5.3.4.1',
							'报修登记与接待服务规范',
							'Proper repair registration and reception',
							1,
						),
						item(
							'5.3.4.2',
							'包修保修服务符合法规与承诺',
							'Warranty repairs comply with the law and the commitments made',
							1,
						),
						item(
							'5.3.4.3',
							'维修人员形象规范、流程合规、记录完整',
							'Repair staff presentable, compliant process, complete records',
							1.5,
						),
						item(
							'5.3.4.4',
							'维修设施设备维护到位',
							'Repair facilities and equipment maintained',
							1,
						),
						item(
							'5.3.4.5',
							'维修配件质量与供应保障到位',
							'Quality and supply of spare parts assured',
							1,
						),
						item(
							'5.3.4.6',
							'长期维修或延误维修的补偿措施到位',
							'Compensation for long or delayed repairs in place',
							0.5,
						),
					],
				},
				{
					type: 'group',
					id: '5.3.5',
					title: '质量保证',
					titleEn: 'Quality assurance',
					points: 6,
					children: [
						item(
							'5.3.5.1',
							'商品质量符合法规与明示要求',
							'Product quality meets the law and stated requirements',
							1,
						),
						item(
							'5.3.5.2',
							'质保期与保修期设置合规',
							'Compliant quality-guarantee and warranty periods',
							1,
						),
						item(
							'5.3.5.3',
							'退换货服务符合法规、收费明示清晰',
							'Returns and exchanges comply with the law; charges clearly displayed',
							1.5,
						),
						item(
							'5.3.5.4',
							'商品缺陷召回与补救措施到位',
							'Defect recalls and remedies in place',
							1.5,
						),
						item(
							'5.3.5.5',
							'贸易型企业联动机制与先行赔付落实到位',
							'Trading companies: joint mechanism with suppliers and advance compensation in place',
							1,
						),
					],
				},
				{
					type: 'group',
					id: '5.3.6',
					title: '废弃商品回收',
					titleEn: 'Recycling of discarded products',
					points: 1,
					children: [
						item(
							'5.3.6.1',
							'回收信息明示清晰、符合安全环保要求',
							'Recycling information clearly displayed; safe and environmentally sound',
							0.5,
						),
						item(
							'5.3.6.2',
							'回收处置规范或委托资质合规',
							'Proper disposal, or a qualified contractor',
							0.5,
						),
					],
				},
			],
		},
		{
			id: '5.4',
			title: '顾客服务',
			titleEn: 'Customer service',
			points: 25,
			text: '作为售后服务的核心体验环节，权重占比 25%，涵盖顾客关系、服务管理、投诉处理、服务跟踪 4 个中类指标。',
			children: [
				{
					type: 'group',
					id: '5.4.1',
					title: '顾客关系',
					titleEn: 'Customer relations',
					points: 6,
					children: [
						item(
							'5.4.1.1',
							'多元化顾客反馈渠道健全、受理时间明示',
							'Several customer feedback channels; service hours displayed',
							1.2,
						),
						item(
							'5.4.1.2',
							'官方网站售后服务专栏完善、功能有效',
							'Complete, working after-sales section on the official website',
							1,
						),
						item(
							'5.4.1.3',
							'顾客信息管理规范、隐私保护到位',
							'Proper customer-data management; privacy protected',
							1.3,
						),
						item(
							'5.4.1.4',
							'顾客满意度调查规范、结果分析与改进有效',
							'Proper satisfaction surveys; effective analysis and improvement',
							1.5,
						),
						item(
							'5.4.1.5',
							'主动服务与回馈活动针对性强',
							'Well-targeted proactive service and customer reward activities',
							1,
						),
					],
				},
				{
					type: 'group',
					id: '5.4.2',
					title: '服务管理',
					titleEn: 'Service management',
					points: 10,
					children: [
						item(
							'5.4.2.1',
							'服务用语规范、特色服务（英语/手语）具备条件',
							'Proper service language; able to serve in English or sign language',
							1.5,
						),
						item(
							'5.4.2.2',
							'接待服务主动热情、适配顾客需求',
							'Proactive, warm reception suited to customer needs',
							1.5,
						),
						item(
							'5.4.2.3',
							'收银服务规范、支付方式多元化',
							'Proper cashier service; several payment methods',
							1.5,
						),
						item(
							'5.4.2.4',
							'辅助服务项目完善、信息明示清晰',
							'Complete auxiliary services, clearly displayed',
							2,
						),
						item(
							'5.4.2.5',
							'商品与服务信息沟通及时有效',
							'Timely, effective communication about goods and services',
							1.5,
						),
						item(
							'5.4.2.6',
							'顾客财产管理规范、记录完整',
							'Customer property properly handled, records complete',
							1,
						),
						item(
							'5.4.2.7',
							'差异化售后服务方案健全',
							'Sound differentiated after-sales service plans',
							1,
						),
					],
				},
				{
					type: 'group',
					id: '5.4.3',
					title: '投诉处理',
					titleEn: 'Complaint handling',
					points: 6,
					children: [
						item(
							'5.4.3.1',
							'投诉处理机制健全、档案完整',
							'Sound complaint-handling mechanism; complete files',
							2,
						),
						item(
							'5.4.3.2',
							'投诉响应与处理及时、满意度达标',
							'Timely complaint response and handling; satisfaction target met',
							2.5,
						),
						item(
							'5.4.3.3',
							'调解人员配备到位、应急与补救措施有效',
							'Mediators in place; effective emergency and remedial measures',
							1.5,
						),
					],
				},
				{
					type: 'group',
					id: '5.4.4',
					title: '服务跟踪',
					titleEn: 'Service follow-up',
					points: 3,
					children: [
						item(
							'5.4.4.1',
							'服务跟踪方式多元、信息反馈及时',
							'Several follow-up methods; timely feedback',
							1.5,
						),
						item(
							'5.4.4.2',
							'服务失误识别与补救机制完善、进展告知及时',
							'Sound detection and recovery of service failures; progress reported promptly',
							1.5,
						),
					],
				},
			],
		},
	],
} satisfies SchemeInput
