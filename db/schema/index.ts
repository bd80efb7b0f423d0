export * from './accounts.ts'
export * from './workspaces.ts'
export * from './audit.ts'
export * from './email.ts'
