// Page budgets for readers on cheap phones and weak networks; the e2e suite fails any page over them.
export const BUDGETS = {
  /** HTML + CSS + JS transferred per page, gzip, in bytes. */
  pageBytes: 60 * 1024,
  /** JavaScript transferred per page, gzip, in bytes. */
  scriptBytes: 20 * 1024,
};
