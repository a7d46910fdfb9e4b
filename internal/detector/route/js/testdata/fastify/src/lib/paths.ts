export const ADMIN_REPORTS = '/reports';
