export { accountsPage, adminHome, signInForm, staffRequest, type StaffRequest } from './pages.ts';
export { authRoutes, requireUser } from './routes.ts';
export { AccountService } from './service.ts';
export { Accounts, Audit, Sessions, type User } from './store.ts';
