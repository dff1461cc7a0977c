export { accountsPage, adminHome, centreName, signInForm, staffRequest, type SignIn, type StaffRequest } from './pages.ts';
export { authRoutes, requireUser, UserSchema } from './routes.ts';
export { AccountService, TooManyAttempts } from './service.ts';
export { Accounts, Audit, Sessions, type AuditEntry, type Role, type User } from './store.ts';
