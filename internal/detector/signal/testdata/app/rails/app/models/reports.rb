# Each report is a query kept as text; ReportsController runs them.
REPORTS = [
  { name: :by_owner, query: 'Invoice.where("owner = \'#{params[:owner]}\'")' }, # want: weakness sql-injection
  { name: :totals, query: 'Invoice.calculate(:sum, params[:column])' }, # want: weakness sql-injection
  { name: :joined, query: 'Invoice.where(paid: true).joins(params[:table])' }, # want: weakness sql-injection
  { name: :latest, query: 'Invoice.order("created_at DESC").limit(10)' },
  # Lookalike: the value is bound to a placeholder, not pasted into the SQL.
  { name: :by_state, query: 'Invoice.where("state = ?", params[:state])' },
]

# Lookalike: no code runs these; they are shown as examples only.
EXAMPLES = [
  'Invoice.where("owner = \'#{params[:owner]}\'")',
]
