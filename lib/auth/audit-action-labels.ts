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
  'contact.created_from_conversation': 'Made a contact of a number that wrote in',
  'conversation.assigned': 'Assigned a conversation',
  'conversation.unassigned': 'Unassigned a conversation',
  'conversation.done': 'Marked a conversation done',
  'conversation.reopened': 'Reopened a conversation',
  'conversation.opted_out': 'Opted out a number from its conversation',
  'conversation.replied': 'Replied in a conversation',
  'saved_reply.created': 'Added a saved reply',
  'saved_reply.updated': 'Edited a saved reply',
  'saved_reply.deleted': 'Deleted a saved reply',
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
