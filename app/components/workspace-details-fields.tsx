import { useI18n } from '#app/i18n/use-i18n.tsx'
import { TextField, type FieldErrors } from './form-fields.tsx'

export type WorkspaceDetailValues = {
	name?: string
	industry?: string
	productCategories?: string
	sites?: string
}

/** The company details inputs, used by "create workspace" and "edit company details". */
export function WorkspaceDetailsFields({
	values,
	errors,
}: {
	values: WorkspaceDetailValues
	errors: FieldErrors | undefined
}) {
	const { t } = useI18n()
	return (
		<>
			<TextField
				name="name"
				label={t('workspace.field.name')}
				defaultValue={values.name}
				errors={errors?.name}
				required
				maxLength={100}
				autoComplete="organization"
			/>
			<TextField
				name="industry"
				label={t('workspace.field.industry')}
				defaultValue={values.industry}
				errors={errors?.industry}
				maxLength={100}
			/>
			<TextField
				name="productCategories"
				label={t('workspace.field.productCategories')}
				hint={t('workspace.field.productCategories.hint')}
				defaultValue={values.productCategories}
				errors={errors?.productCategories}
				maxLength={500}
			/>
			<TextField
				name="sites"
				label={t('workspace.field.sites')}
				hint={t('workspace.field.sites.hint')}
				defaultValue={values.sites}
				errors={errors?.sites}
				maxLength={500}
			/>
		</>
	)
}

export const detailFieldNames = ['name', 'industry', 'productCategories', 'sites']
