/** Each audited action as the audit log says it. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'budgets.updated': 'Changed the spend caps',
  'campaign.auto_paused': 'Paused a campaign automatically (too many failures)',
  'campaign.cancelled': 'Cancelled a campaign',
  'campaign.created': 'Created a campaign',
  'campaign.deleted': 'Deleted a campaign',
  'campaign.launched': 'Launched a campaign',
  'campaign.paused': 'Paused a campaign',
  'campaign.resumed': 'Resumed a campaign',
  'campaign.test_sent': 'Sent a test message',
  'campaign.updated': 'Edited a campaign',
  'contact.opt_out_undone': 'Undid an opt-out',
  'contact.erased': 'Erased a person on request',
  'contact.created': 'Added a contact by hand',
  'contact.updated': 'Edited a contact',
  'dnc.added': 'Put a number on the do-not-contact list',
  'dnc.removed': 'Took a number off the do-not-contact list',
  'import.created': 'Uploaded an import file',
  'import.dry_run': 'Ran an import dry run',
  'sending_number.created': 'Added a sending number',
  'sending_number.updated': 'Changed a sending number',
  'settings.updated': 'Changed the workspace settings',
  'user.invited': 'Invited a user',
  'user.removed': 'Removed a user',
  'user.role_changed': "Changed a user's role",
  'sending.stopped': 'Stopped all sending (kill switch)',
  'sending.resumed': 'Resumed sending (kill switch)',
  'import.committed': 'Committed an import',
  'import.commit_resumed': 'Resumed an import commit',
};

/** An action's label, or the action itself made readable for one added since. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action.replace(/[._]/g, ' ');
}
